import KhetCore

/// One worksheet of an XLSX workbook read as records, as `CSVReader` reads a file: a record per
/// row that has cells, its fields padded to the sheet's width (a sheet leaves empty cells out),
/// each field's position being its row and column, so diagnostics name the cell (`B7`).
///
/// Cells read as Excel shows them with the General format: shared and inline strings, numbers
/// (`25`, not `25.0`), numbers stored as text as the text, date-formatted numbers as ISO dates,
/// booleans as 1 or 0, error values as their text (`#REF!`). A formula cell reads as its saved
/// result; one without a saved result is an error, since its value is unknown.
///
/// Merged cells: the value of a merged range's first cell fills the range, so a grade name over
/// three columns heads each of them and a district merged down a group of schools names each
/// school. Merges are listed after the rows in a sheet's XML, so they are read in a first pass,
/// for sheets up to `largestPrescannedSheet`; a larger sheet (pupil records) is read in one pass,
/// and a merged range below its first rows is an error at the end rather than a blank guess.
public final class XLSXSheetReader: RowReader {
    public let displayName: String
    public var sheetName: String? { sheet.name }
    private let sheet: XLSXWorkbook.Sheet
    private let workbook: XLSXWorkbook
    private let entry: ZipArchive.Entry
    private var reader: XMLPullReader
    private var width = 0
    private var lastRow = 0
    private var merges: [CellRange] = []
    private var mergedValues: [Int: String] = [:]
    private let mergesApplied: Bool
    private var finished = false

    static let largestPrescannedSheet = 32 << 20
    /// Title and header rows: merges there are fine unapplied (headers are read without them).
    static let headerArea = 20

    init(workbook: XLSXWorkbook, sheet: XLSXWorkbook.Sheet, entry: ZipArchive.Entry) throws {
        self.workbook = workbook
        self.sheet = sheet
        self.entry = entry
        displayName = workbook.displayName
        mergesApplied = entry.uncompressedSize <= Self.largestPrescannedSheet
        if mergesApplied {
            do {
                merges = MergeScanner.ranges(in: try workbook.archive.contents(of: entry, limit: Self.largestPrescannedSheet))
            } catch let error as ZipError {
                throw XLSXWorkbook.failure(error, file: workbook.displayName, sheet: sheet.name)
            }
        }
        reader = try workbook.stream(entry, limit: XLSXWorkbook.largestSheet)
    }

    /// Uncompressed bytes of the sheet read so far, and in all: progress through the sheet.
    public var bytesRead: Int { reader.bytesRead }
    public var totalBytes: Int { entry.uncompressedSize }

    public func formatNote() -> Diagnostic? {
        var note = Diagnostic(.note, code: "XLS014", file: displayName,
                              message: "read the sheet '\(Diagnostic.quoted(sheet.name))' of the workbook",
                              thaiMessage: "อ่านแผ่นงาน '\(Diagnostic.quoted(sheet.name))' ของสมุดงาน")
        note.sheet = sheet.name
        return note
    }

    public func next() throws -> CSVRecord? {
        guard !finished else { return nil }
        var record: CSVRecord?
        try XLSXWorkbook.reading(entry.name, file: displayName, sheet: sheet.name) {
            record = try readRow()
        }
        return record
    }

    private typealias Names = SheetNames

    private func readRow() throws -> CSVRecord? {
        while try reader.read() {
            guard reader.isStartElement else { continue }
            if reader.nameIs(Names.dimension), let ref = reader.attribute(Names.ref) {
                let last = ref.split(separator: ":").last.map(String.init) ?? ref
                width = max(width, CellAddress.column(of: last) ?? 0)
            } else if reader.nameIs(Names.row) {
                let number: Int
                if let text = reader.attribute(Names.r) {
                    guard let value = Int(text), value > lastRow, value <= CellAddress.lastRow else {
                        throw problem("XLS012", row: lastRow + 1, column: 1, "a row number in the sheet is out of order or out of range",
                                      thai: "หมายเลขแถวในแผ่นงานไม่เรียงลำดับหรือเกินขอบเขต")
                    }
                    number = value
                } else {
                    number = lastRow + 1
                }
                lastRow = number
                let cells = reader.isEmptyElement ? [] : try readCells(row: number)
                if let record = record(row: number, cells: cells) { return record }
            } else if reader.nameIs(Names.mergeCell), !mergesApplied, let ref = reader.attribute(Names.ref),
                      let range = CellRange(ref), range.last.row > Self.headerArea, range.first != range.last {
                throw problem("XLS011", row: range.first.row, column: range.first.column,
                              "cells \(ref) are merged; in a sheet this large Khet does not fill merged cells",
                              thai: "เซลล์ \(ref) ถูกผสานไว้ ในแผ่นงานขนาดใหญ่นี้ Khet ไม่เติมค่าเซลล์ที่ผสาน",
                              hint: "unmerge the cells and fill each row's value (Home > Merge & Center > Unmerge)")
            }
        }
        finished = true
        return nil
    }

    /// The cells of the current row, by column; the reader ends on the row's end.
    private func readCells(row: Int) throws -> [(column: Int, text: String)] {
        var cells: [(column: Int, text: String)] = []
        var previousColumn = 0
        let depth = reader.depth
        while try reader.read() {
            if reader.isEndElement && reader.depth == depth { break }
            guard reader.isStartElement, reader.nameIs(Names.c) else { continue }
            var column = previousColumn + 1
            let attributes = reader.attributes(Names.cellAttributes)
            if let ref = attributes[0] {
                guard let address = CellAddress(ref), address.row == row, address.column > previousColumn else {
                    throw problem("XLS012", row: row, column: column, "a cell reference in the sheet is out of order or out of range",
                                  thai: "การอ้างอิงเซลล์ในแผ่นงานไม่เรียงลำดับหรือเกินขอบเขต")
                }
                column = address.column
            }
            guard column <= CellAddress.lastColumn else {
                throw problem("XLS012", row: row, column: previousColumn, "the row has more columns than a sheet can hold",
                              thai: "แถวนี้มีคอลัมน์เกินกว่าที่แผ่นงานมีได้")
            }
            previousColumn = column
            let text = try cellText(row: row, column: column, type: attributes[1] ?? "n", style: attributes[2].flatMap(Int.init) ?? 0)
            try check(text, row: row, column: column)
            if !text.isEmpty { cells.append((column, text)) }
        }
        return cells
    }

    /// The text of the current `c` element; the reader ends on its end.
    private func cellText(row: Int, column: Int, type: String, style: Int) throws -> String {
        if reader.isEmptyElement { return "" }
        let depth = reader.depth
        var value: String?
        var inline: String?
        var hasFormula = false
        var inValue = false
        while try reader.read() {
            if reader.isEndElement {
                if reader.depth == depth { break }
                if reader.nameIs(Names.v) { inValue = false }
            } else if reader.isStartElement {
                if reader.nameIs(Names.v) {
                    inValue = !reader.isEmptyElement
                    if value == nil { value = "" }
                } else if reader.nameIs(Names.f) {
                    hasFormula = true
                } else if reader.nameIs(Names.is) {
                    inline = try XLSXWorkbook.richText(in: reader)
                }
            } else if inValue, reader.isText {
                value = (value ?? "") + reader.text
            }
        }
        // An empty result is a string formula's ("str"); a number or shared-string formula
        // without one was never calculated (files written by scripts).
        if hasFormula, inline == nil, value == nil || (value?.isEmpty == true && type != "str") {
            throw problem("XLS010", row: row, column: column, "the cell holds a formula whose result was not saved",
                          thai: "เซลล์นี้มีสูตรที่ไม่ได้บันทึกผลลัพธ์ไว้",
                          hint: "open the file in Excel or LibreOffice, let it calculate, and save it again")
        }
        switch type {
        case "s":
            guard let index = value.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                  let text = workbook.sharedStrings[index] else {
                throw problem("XLS009", row: row, column: column, "the cell points at a shared string the workbook does not have",
                              thai: "เซลล์นี้อ้างถึงข้อความที่ไม่มีในสมุดงาน", hint: "open the file in Excel and save it again")
            }
            return text
        case "inlineStr":
            return inline ?? ""
        case "str", "e":
            return OOXMLEscapes.decode(value ?? "")
        case "b":
            return (value ?? "").trimmingCharacters(in: .whitespaces) == "1" ? "1" : "0"
        case "d":
            return String((value ?? "").prefix(10))
        default:
            guard let value, !value.isEmpty else { return "" }
            if style < workbook.dateStyles.count, workbook.dateStyles[style],
               let date = CellNumber.isoDate(serial: value, date1904: workbook.date1904) {
                return date
            }
            return CellNumber.text(value) ?? value
        }
    }

    /// The same rules as a CSV field: no control characters, no more than a cell can hold.
    private func check(_ text: String, row: Int, column: Int) throws {
        if let bad = text.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0x7F }) {
            let name = bad.value == 0 ? "NUL" : "U+" + String(format: "%04X", bad.value)
            throw problem("CSV005", row: row, column: column, "the cell holds a control character (\(name))",
                          thai: "เซลล์นี้มีอักขระควบคุม (\(name))", hint: "delete the invisible character, or retype the value")
        }
        if text.utf16.count > CSVReader.longestField {
            throw problem("CSV006", row: row, column: column, "the cell is longer than \(CSVReader.longestField) characters",
                          thai: "เซลล์นี้ยาวเกิน \(CSVReader.longestField) ตัวอักษร", hint: "shorten the text")
        }
    }

    private func record(row: Int, cells: [(column: Int, text: String)]) -> CSVRecord? {
        let covering = merges.indices.filter { merges[$0].contains(row: row) }
        if cells.isEmpty && covering.isEmpty { return nil }
        let count = max(width, cells.last?.column ?? 0, covering.map { merges[$0].last.column }.max() ?? 0)
        width = count
        var fields = [String](repeating: "", count: count)
        for cell in cells { fields[cell.column - 1] = cell.text }
        for index in covering {
            let range = merges[index]
            if row == range.first.row { mergedValues[index] = fields[range.first.column - 1] }
            guard let value = mergedValues[index], !value.isEmpty else { continue }
            for column in range.first.column...range.last.column where fields[column - 1].isEmpty {
                fields[column - 1] = value
            }
        }
        let positions = (1...count).map { CSVPosition(line: row, column: $0) }
        return CSVRecord(fields: fields, positions: positions)
    }

    private func problem(_ code: String, row: Int, column: Int, _ message: String, thai: String, hint: String? = nil) -> ImportError {
        var diagnostic = Diagnostic(.error, code: code, file: displayName, line: row, column: column,
                                    message: message, thaiMessage: thai, hint: hint)
        diagnostic.sheet = sheet.name
        return ImportError(.badData, diagnostic)
    }
}

private enum SheetNames {
    static let dimension = XMLName("dimension"), ref = XMLName("ref"), row = XMLName("row"), r = XMLName("r")
    static let c = XMLName("c"), t = XMLName("t"), s = XMLName("s"), v = XMLName("v"), f = XMLName("f")
    static let `is` = XMLName("is"), mergeCell = XMLName("mergeCell")
    static let cellAttributes = [r, t, s]
}
