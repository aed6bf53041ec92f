import Foundation
import KhetCore
import XLSXWriter

/// A snapshot as the DMC per-grade report an office downloads: title rows, each grade merged
/// over its ชาย / หญิง / รวม columns with the labels in the row below, a row per school whose
/// totals are formulas (with their values saved, as Excel saves them), and a totals row at the
/// bottom. The sample ships its snapshots in this form too, so `batch-xlsx.toml` runs the same
/// area from workbooks; its allocation must equal the CSV batch's to the byte.
struct SampleDMCWorkbook {
    static func fileName(for date: ThaiDate) -> String { "pupils-\(date.isoBE).xlsx" }
    static let sheetName = "จำนวนนักเรียน"

    let schools: [School]
    let snapshot: Snapshot
    let areaName: String
    /// The creation time stamped into the file, so the same sample writes the same bytes.
    let created: Int64

    /// Boys of a grade's pupils: about half, the odd one to boys or girls by the school and grade,
    /// so both columns matter.
    static func boys(of pupils: Int, school code: String, grade: Grade) -> Int {
        let parity = code.utf8.reduce(grade.rawValue) { $0 &+ Int($1) } & 1
        return (pupils + parity) / 2
    }

    /// The workbook's bytes: written to a scratch file (the library writes only files) and read back.
    func bytes() throws -> [UInt8] {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("khet-sample-\(ProcessInfo.processInfo.processIdentifier)-\(snapshot.date.isoBE).xlsx")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try write(to: scratch.path)
            return try [UInt8](Data(contentsOf: scratch))
        } catch let error as XLSXError {
            throw SampleWriteError(path: Self.fileName(for: snapshot.date), reason: "\(error)")
        }
    }

    func write(to path: String) throws {
        let book = try Workbook(path: path)
        try book.setProperties(DocumentProperties(created: created, title: "จำนวนนักเรียน \(snapshot.date.thaiLong)"))
        let sheet = try book.addWorksheet(named: Self.sheetName)
        let grades = SampleAreaWriter.pupilGrades
        let bold = CellFormat(bold: true, horizontalAlignment: .center)
        let lastColumn = 2 + 3 * (grades.count + 1)
        try sheet.merge(CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: lastColumn),
                        text: "รายงานจำนวนนักเรียน จำแนกตามชั้นและเพศ", format: bold)
        try sheet.merge(CellRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: lastColumn),
                        text: "\(areaName) ข้อมูล ณ วันที่ \(snapshot.date.thaiLong)", format: bold)
        for (column, title) in ["ที่", "รหัสโรงเรียน", "ชื่อโรงเรียน"].enumerated() {
            try sheet.merge(CellRange(firstRow: 3, firstColumn: column, lastRow: 4, lastColumn: column), text: title, format: bold)
        }
        for (index, title) in (grades.map(\.thaiCode) + ["รวม"]).enumerated() {
            let first = 3 + 3 * index
            try sheet.merge(CellRange(firstRow: 3, firstColumn: first, lastRow: 3, lastColumn: first + 2), text: title, format: bold)
            for (offset, label) in ["ชาย", "หญิง", "รวม"].enumerated() {
                try sheet.write(label, row: 4, column: first + offset, format: bold)
            }
        }
        let ordered = schools.sorted { $0.code < $1.code }
        var columnTotals = [Int](repeating: 0, count: 3 * (grades.count + 1))
        for (index, school) in ordered.enumerated() {
            let row = 5 + index
            try sheet.write(index + 1, row: row, column: 0)
            try sheet.write(school.code, row: row, column: 1)
            try sheet.write(school.name, row: row, column: 2)
            let counts = snapshot.counts(for: school.code)
            var schoolBoys = 0, schoolGirls = 0
            for (position, grade) in grades.enumerated() {
                let boys = Self.boys(of: counts[grade], school: school.code, grade: grade)
                let girls = counts[grade] - boys
                schoolBoys += boys
                schoolGirls += girls
                try writeTriple(sheet, row: row, first: 3 + 3 * position, boys: boys, girls: girls, totals: &columnTotals)
            }
            try writeTriple(sheet, row: row, first: 3 + 3 * grades.count, boys: schoolBoys, girls: schoolGirls, totals: &columnTotals)
        }
        let totalsRow = 5 + ordered.count
        try sheet.merge(CellRange(firstRow: totalsRow, firstColumn: 0, lastRow: totalsRow, lastColumn: 2), text: "รวม", format: bold)
        for (offset, total) in columnTotals.enumerated() {
            let column = 3 + offset
            let range = "\(Self.cell(row: 5, column: column)):\(Self.cell(row: totalsRow - 1, column: column))"
            try sheet.writeFormula("=SUM(\(range))", cached: Double(total), row: totalsRow, column: column, format: bold)
        }
        try book.close()
    }

    private func writeTriple(_ sheet: Worksheet, row: Int, first: Int, boys: Int, girls: Int, totals: inout [Int]) throws {
        try sheet.write(boys, row: row, column: first)
        try sheet.write(girls, row: row, column: first + 1)
        let formula = "=\(Self.cell(row: row, column: first))+\(Self.cell(row: row, column: first + 1))"
        try sheet.writeFormula(formula, cached: Double(boys + girls), row: row, column: first + 2)
        totals[first - 3] += boys
        totals[first - 2] += girls
        totals[first - 1] += boys + girls
    }

    /// `D6` for row 5, column 3 (both 0-based).
    static func cell(row: Int, column: Int) -> String { Diagnostic.columnLetters(column + 1) + String(row + 1) }
}
