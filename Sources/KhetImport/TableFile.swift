import Foundation
import KhetCore

/// Opens a tabular input by what it holds, not by its name: an XLSX workbook (a zip), or CSV
/// text. The formats a spreadsheet may be saved in that Khet does not read (legacy `.xls`, a web
/// page saved as `.xls`, OpenDocument) get an error that says how to save the file as `.xlsx`.
public enum TableFile {
    /// The rows of `path`: the sheet `sheet` (or the first visible one) of a workbook, or the
    /// CSV file. Naming a sheet for a CSV file is an error: the batch expects a workbook.
    public static func open(path: String, displayName: String, sheet: String? = nil) throws -> any RowReader {
        guard let bytes = FileRandomAccessBytes(path: path) else {
            _ = try CSVReader(path: path, displayName: displayName)  // throws the located FILE001
            throw ImportError(.missingFile, Diagnostic(.error, code: "FILE001", file: displayName, message: "cannot read the file"))
        }
        let head = (try? bytes.read(at: 0, count: 8)) ?? []
        switch kind(of: head, name: path) {
        case .workbook:
            return try XLSXWorkbook(source: bytes, displayName: displayName).rows(ofSheet: sheet)
        case .text:
            if let sheet {
                throw ImportError(.badData, Diagnostic(
                    .error, code: "XLS004", file: displayName,
                    message: "the batch names the sheet '\(Diagnostic.quoted(sheet))', but the file is CSV text, not a workbook",
                    thaiMessage: "ไฟล์กำหนดชุดงานระบุแผ่นงาน '\(Diagnostic.quoted(sheet))' แต่ไฟล์นี้เป็นข้อความ CSV ไม่ใช่สมุดงาน",
                    hint: "remove sheet from the batch entry, or give the .xlsx file"))
            }
            return try CSVReader(path: path, displayName: displayName)
        case .refused(let diagnostic):
            throw ImportError(.badData, diagnostic.located(in: displayName))
        }
    }

    /// A workbook in memory (tests, fuzzing), as `open` reads one from a file.
    public static func workbook(bytes: [UInt8], displayName: String, sheet: String? = nil) throws -> any RowReader {
        try XLSXWorkbook(source: MemoryRandomAccessBytes(bytes), displayName: displayName).rows(ofSheet: sheet)
    }

    /// Reads `path` with `body` and puts the sheet on every diagnostic about this file, returned
    /// or thrown, so each one names its cell.
    public static func read<Result>(path: String, displayName: String, sheet: String? = nil,
                                    diagnostics: WritableKeyPath<Result, [Diagnostic]>,
                                    _ body: (any RowReader) throws -> Result) throws -> Result {
        let reader = try open(path: path, displayName: displayName, sheet: sheet)
        guard let sheetName = reader.sheetName else { return try body(reader) }
        do {
            var result = try body(reader)
            result[keyPath: diagnostics] = result[keyPath: diagnostics].map { $0.onSheet(sheetName, of: displayName) }
            return result
        } catch let error as ImportError {
            throw ImportError(error.kind, error.diagnostic.onSheet(sheetName, of: displayName))
        }
    }

    enum Kind {
        case workbook, text
        case refused(Diagnostic)
    }

    static func kind(of head: [UInt8], name: String) -> Kind {
        // A zip's local header, or the end record of an empty one: "PK" alone could start a CSV.
        let zipStarts: [[UInt8]] = [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06]]
        let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        let suffix = (name as NSString).pathExtension.lowercased()
        if zipStarts.contains(where: head.starts(with:)) { return .workbook }
        if head.starts(with: ole2) {
            return .refused(Diagnostic(.error, code: "XLS001", file: "",
                                       message: "the file is a legacy Excel 97-2003 workbook (.xls), which Khet does not read",
                                       thaiMessage: "ไฟล์นี้เป็นสมุดงาน Excel 97-2003 (.xls) แบบเก่า ซึ่ง Khet อ่านไม่ได้",
                                       hint: "open it in Excel and use File > Save As > Excel Workbook (.xlsx), or in LibreOffice: Save As > Excel 2007-365"))
        }
        let startsLikeMarkup = head.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
            .first == UInt8(ascii: "<")
        if ["xls", "xlsx", "xlsm"].contains(suffix), startsLikeMarkup {
            return .refused(Diagnostic(.error, code: "XLS002", file: "",
                                       message: "the file is a web page (HTML) saved with an .\(suffix) name, not a workbook",
                                       thaiMessage: "ไฟล์นี้เป็นหน้าเว็บ (HTML) ที่ตั้งชื่อเป็น .\(suffix) ไม่ใช่สมุดงาน",
                                       hint: "open it in Excel and use File > Save As > Excel Workbook (.xlsx)"))
        }
        if ["xlsx", "xlsm"].contains(suffix) {
            return .refused(Diagnostic(.error, code: "XLS003", file: "", message: "the file has an .\(suffix) name but is not an XLSX workbook",
                                       thaiMessage: "ไฟล์นี้ชื่อ .\(suffix) แต่ไม่ใช่สมุดงาน XLSX",
                                       hint: "open it in Excel and save it again as Excel Workbook (.xlsx)"))
        }
        return .text
    }
}

extension Diagnostic {
    /// This diagnostic placed on `sheet` when it is about `file` (which the sheet belongs to).
    func onSheet(_ sheet: String, of file: String) -> Diagnostic {
        guard self.file == file, self.sheet == nil else { return self }
        var copy = self
        copy.sheet = sheet
        return copy
    }

    func located(in file: String) -> Diagnostic {
        var copy = self
        copy.file = file
        return copy
    }
}
