import Foundation

/// Reads an .xlsx file back with a real reader, openpyxl, and hands the tests plain values:
/// for every sheet the cells' formulas (as written) and cached values (as a viewer shows them),
/// merged ranges, frozen panes, autofilter and print settings.
public struct WorkbookContents: Decodable {
    public struct Sheet: Decodable {
        public var title: String
        /// A1 reference → formula or value as stored (formulas start with "=").
        public var cells: [String: JSONValue]
        /// A1 reference → the cached value (what a viewer without recalculation shows).
        public var values: [String: JSONValue]
        public var merged: [String]
        public var freeze: String?
        public var autofilter: String?
        public var paperSize: Int?
        public var orientation: String?
        /// Fit-to-page printing is on; then fitToWidth × fitToHeight pages (0 = as many as needed).
        public var fitToPage: Bool
        public var fitToWidth: Int
        public var fitToHeight: Int
        public var printTitleRows: String?
        public var printTitleColumns: String?
        /// The print scale in percent, when the sheet sets one (not fit to pages).
        public var scale: Int?
        /// Page margins in inches.
        public var marginLeft: Double?
        public var marginRight: Double?
        /// The footer's left and right parts.
        public var footerLeft: String?
        public var footerRight: String?
        public var header: String?
        public var footer: String?
        public var maxRow: Int
        public var maxColumn: Int
        public var fonts: [String: String]
        public var numberFormats: [String: String]
        public var conditionalFormats: [ConditionalRule]
    }

    /// One conditional-format rule as the reader found it, with the fill of its format.
    public struct ConditionalRule: Decodable {
        public var range: String
        public var type: String
        public var `operator`: String?
        public var formula: [String]
        public var text: String?
        public var stopIfTrue: Bool
        /// The format's fill as RRGGBB, when it has one.
        public var fill: String?
        public var fontColor: String?
    }

    public var sheets: [Sheet]
    public var definedNames: [String: String]
    public var created: String?

    public var sheetNames: [String] { sheets.map(\.title) }
    public func sheet(_ title: String) -> Sheet? { sheets.first { $0.title == title } }
}

/// A JSON scalar from the reader.
public enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else { self = .string(try container.decode(String.self)) }
    }

    public var string: String? { if case .string(let text) = self { return text } else { return nil } }
    public var number: Double? { if case .number(let value) = self { return value } else { return nil } }

    public var description: String {
        switch self {
        case .string(let text): return text
        case .number(let value): return String(value)
        case .bool(let value): return String(value)
        case .null: return "null"
        }
    }
}

public enum WorkbookReaderError: Error, CustomStringConvertible {
    case readerFailed(String)
    public var description: String {
        switch self {
        case .readerFailed(let message):
            return "openpyxl could not read the workbook (run `make test`, which installs it): \(message)"
        }
    }
}

public enum WorkbookReader {
    private static let script = #"""
import json, sys
import openpyxl
def dump(path):
    formulas = openpyxl.load_workbook(path, data_only=False)
    values = openpyxl.load_workbook(path, data_only=True)
    def plain(v):
        if v is None or isinstance(v, (bool, int, float, str)):
            return v
        return str(v)
    out = {"sheets": [], "definedNames": {}, "created": None}
    try:
        out["created"] = formulas.properties.created.isoformat() if formulas.properties.created else None
    except Exception:
        pass
    try:
        for name in formulas.defined_names:
            out["definedNames"][name] = formulas.defined_names[name].attr_text
    except TypeError:
        for dn in formulas.defined_names.definedName:
            out["definedNames"][dn.name] = dn.attr_text
    for ws in formulas.worksheets:
        wv = values[ws.title]
        cells, vals, fonts, fmts = {}, {}, {}, {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                cells[c.coordinate] = plain(c.value)
                vals[c.coordinate] = plain(wv[c.coordinate].value)
                fonts[c.coordinate] = c.font.name or ""
                fmts[c.coordinate] = c.number_format or ""
        ps = ws.page_setup
        rules = []
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                fill = font = None
                dxf = rule.dxf
                if dxf is not None and dxf.fill is not None:
                    for color in (dxf.fill.bgColor, dxf.fill.fgColor):
                        if color is not None and isinstance(color.rgb, str) and color.rgb not in ("00000000",):
                            fill = color.rgb[-6:]
                            break
                if dxf is not None and dxf.font is not None and dxf.font.color is not None and isinstance(dxf.font.color.rgb, str):
                    font = dxf.font.color.rgb[-6:]
                rules.append({"range": str(cf.sqref), "type": rule.type, "operator": rule.operator,
                              "formula": list(rule.formula or []), "text": rule.text,
                              "stopIfTrue": bool(rule.stopIfTrue), "fill": fill, "fontColor": font})
        out["sheets"].append({
            "title": ws.title, "cells": cells, "values": vals,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes, "autofilter": ws.auto_filter.ref,
            "paperSize": int(ps.paperSize) if ps.paperSize is not None else None,
            "orientation": ps.orientation,
            "fitToPage": bool(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage),
            "fitToWidth": int(ps.fitToWidth) if ps.fitToWidth is not None else 1,
            "fitToHeight": int(ps.fitToHeight) if ps.fitToHeight is not None else 1,
            "printTitleRows": ws.print_title_rows,
            "printTitleColumns": ws.print_title_cols,
            "scale": int(ps.scale) if ps.scale is not None else None,
            "marginLeft": ws.page_margins.left, "marginRight": ws.page_margins.right,
            "footerLeft": ws.oddFooter.left.text if ws.oddFooter and ws.oddFooter.left else None,
            "footerRight": ws.oddFooter.right.text if ws.oddFooter and ws.oddFooter.right else None,
            "header": ws.oddHeader.center.text if ws.oddHeader and ws.oddHeader.center else None,
            "footer": ws.oddFooter.center.text if ws.oddFooter and ws.oddFooter.center else None,
            "maxRow": ws.max_row, "maxColumn": ws.max_column,
            "fonts": fonts, "numberFormats": fmts, "conditionalFormats": rules,
        })
    return out
print(json.dumps([dump(p) for p in sys.argv[1:]], ensure_ascii=False))
"""#

    /// Reads `path` with openpyxl. Throws when the reader is missing or rejects the file.
    public static func read(_ path: String) throws -> WorkbookContents {
        guard let contents = try read([path]).first else { throw WorkbookReaderError.readerFailed("no output for \(path)") }
        return contents
    }

    /// Reads many workbooks in one run of the reader (starting Python once per file would make
    /// a test over 200 notices slow), in the order given.
    public static func read(_ paths: [String]) throws -> [WorkbookContents] {
        guard !paths.isEmpty else { return [] }
        let output = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script] + paths)
        guard output.status == 0 else { throw WorkbookReaderError.readerFailed(output.standardError) }
        return try JSONDecoder().decode([WorkbookContents].self, from: Data(output.standardOutput.utf8))
    }
}
