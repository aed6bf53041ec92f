import Foundation
import XCTest

/// Reads a written workbook back with a real, independent reader (Python's openpyxl) and returns
/// what it saw. Loading twice shows both faces of a formula cell: its text and its cached value.
enum XLSXInspector {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func inspect(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> WorkbookDump {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            XCTFail("Cannot start python3 via /usr/bin/env: \(error). Install python3 and openpyxl.", file: file, line: line)
            throw error
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0:
            return try JSONDecoder().decode(WorkbookDump.self, from: data)
        case 127:
            let failure = Failure(description: "python3 is not installed; these tests need python3 with openpyxl")
            XCTFail(failure.description, file: file, line: line)
            throw failure
        case 3:
            let failure = Failure(description: "openpyxl is missing: install it (apt-get install python3-openpyxl)")
            XCTFail(failure.description, file: file, line: line)
            throw failure
        default:
            let failure = Failure(description: "openpyxl could not read \(path): \(errorText)")
            XCTFail(failure.description, file: file, line: line)
            throw failure
        }
    }

    private static let script = #"""
import json, sys
try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    sys.exit(3)

path = sys.argv[1]
formulas = openpyxl.load_workbook(path, data_only=False)
values = openpyxl.load_workbook(path, data_only=True)

def rgb(color):
    if color is None or color.type != "rgb" or not isinstance(color.rgb, str):
        return None
    return color.rgb

def plain(value):
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return str(value)

def part(header_footer, side):
    if header_footer is None:
        return None
    text = getattr(header_footer, side).text
    return text

sheets = []
for ws in formulas.worksheets:
    cached = values[ws.title]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if type(c).__name__ == "MergedCell":
                continue
            if c.value is None and not c.has_style:
                continue
            cached_value = cached[c.coordinate].value
            cells[c.coordinate] = {
                "value": plain(c.value),
                "cached": plain(cached_value),
                "repr": repr(cached_value) if isinstance(cached_value, float) else None,
                "dataType": c.data_type,
                "font": c.font.name,
                "size": c.font.sz,
                "bold": bool(c.font.b),
                "italic": bool(c.font.i),
                "underline": c.font.u,
                "fontColor": rgb(c.font.color),
                "fill": rgb(c.fill.fgColor) if c.fill.fill_type == "solid" else None,
                "numberFormat": c.number_format,
                "horizontal": c.alignment.horizontal,
                "vertical": c.alignment.vertical,
                "wrap": bool(c.alignment.wrap_text),
                "indent": c.alignment.indent,
                "top": c.border.top.style,
                "bottom": c.border.bottom.style,
                "left": c.border.left.style,
                "right": c.border.right.style,
            }
    widths = {}
    for key, dim in ws.column_dimensions.items():
        if dim.customWidth and dim.min and dim.max:
            for index in range(dim.min, dim.max + 1):
                widths[get_column_letter(index)] = dim.width
    heights = {str(k): d.height for k, d in ws.row_dimensions.items() if d.height is not None}
    setup = ws.page_setup
    page_props = ws.sheet_properties.pageSetUpPr
    margins = ws.page_margins
    sheets.append({
        "title": ws.title,
        "cells": cells,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "freezePanes": ws.freeze_panes,
        "autoFilter": ws.auto_filter.ref,
        "columnWidths": widths,
        "rowHeights": heights,
        "defaultRowHeight": ws.sheet_format.defaultRowHeight,
        "paperSize": int(setup.paperSize) if setup.paperSize is not None else None,
        "orientation": setup.orientation,
        "fitToWidth": int(setup.fitToWidth) if setup.fitToWidth is not None else None,
        "fitToHeight": int(setup.fitToHeight) if setup.fitToHeight is not None else None,
        "fitToPage": bool(page_props.fitToPage) if page_props is not None else False,
        "printTitleRows": ws.print_title_rows,
        "printArea": ws.print_area if isinstance(ws.print_area, str) else (",".join(ws.print_area) if ws.print_area else None),
        "headerCenter": part(ws.oddHeader, "center"),
        "headerLeft": part(ws.oddHeader, "left"),
        "footerCenter": part(ws.oddFooter, "center"),
        "footerRight": part(ws.oddFooter, "right"),
        "centerHorizontally": bool(ws.print_options.horizontalCentered),
        "showGridLines": ws.sheet_view.showGridLines is not False,
        "printGridLines": bool(ws.print_options.gridLines),
        "margins": [margins.left, margins.right, margins.top, margins.bottom],
    })

props = formulas.properties
print(json.dumps({
    "sheetNames": formulas.sheetnames,
    "sheets": sheets,
    "definedNames": {name: dn.attr_text for name, dn in formulas.defined_names.items()},
    "properties": {
        "title": props.title, "subject": props.subject, "creator": props.creator,
        "keywords": props.keywords, "description": props.description, "category": props.category,
        "created": props.created.isoformat() if props.created else None,
    },
}, ensure_ascii=False))
"""#
}

/// A JSON scalar as openpyxl reported it.
enum CellValue: Decodable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case empty

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .empty
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}

struct WorkbookDump: Decodable {
    let sheetNames: [String]
    let sheets: [SheetDump]
    let definedNames: [String: String]
    let properties: PropertiesDump

    func sheet(_ title: String) throws -> SheetDump {
        guard let sheet = sheets.first(where: { $0.title == title }) else {
            throw XLSXInspector.Failure(description: "no sheet '\(title)' in \(sheetNames)")
        }
        return sheet
    }
}

struct PropertiesDump: Decodable {
    let title: String?
    let subject: String?
    let creator: String?
    let keywords: String?
    let description: String?
    let category: String?
    let created: String?
}

struct SheetDump: Decodable {
    let title: String
    let cells: [String: CellDump]
    let merged: [String]
    let freezePanes: String?
    let autoFilter: String?
    let columnWidths: [String: Double]
    let rowHeights: [String: Double]
    let defaultRowHeight: Double?
    let paperSize: Int?
    let orientation: String?
    let fitToWidth: Int?
    let fitToHeight: Int?
    let fitToPage: Bool
    let printTitleRows: String?
    let printArea: String?
    let headerCenter: String?
    let headerLeft: String?
    let footerCenter: String?
    let footerRight: String?
    let centerHorizontally: Bool
    let showGridLines: Bool
    let printGridLines: Bool
    let margins: [Double?]

    func cell(_ reference: String) throws -> CellDump {
        guard let cell = cells[reference] else {
            throw XLSXInspector.Failure(description: "no cell \(reference) on '\(title)'; have \(cells.keys.sorted())")
        }
        return cell
    }
}

struct CellDump: Decodable {
    let value: CellValue
    let cached: CellValue
    let repr: String?
    let dataType: String
    let font: String?
    let size: Double?
    let bold: Bool
    let italic: Bool
    let underline: String?
    let fontColor: String?
    let fill: String?
    let numberFormat: String
    let horizontal: String?
    let vertical: String?
    let wrap: Bool
    let indent: Double?
    let top: String?
    let bottom: String?
    let left: String?
    let right: String?
}
