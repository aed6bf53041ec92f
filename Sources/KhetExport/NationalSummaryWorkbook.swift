import Foundation
import KhetCore
import XLSXWriter

/// `national-summary-<FY>.xlsx`: one row per area of a multi-area batch (schools, pupils, each
/// programme, total) and the national total, as SUM formulas with their values cached.
public struct NationalSummaryWorkbook {
    /// One area's totals, taken from its own allocation.
    public struct AreaRow: Sendable {
        public var area: Area
        public var schools: Int
        public var pupils: Int
        public var byProgramme: [String: Money]

        public init(area: Area, schools: Int, pupils: Int, byProgramme: [String: Money]) {
            self.area = area
            self.schools = schools
            self.pupils = pupils
            self.byProgramme = byProgramme
        }
    }

    public let fiscalYear: FiscalYear
    public let batchDate: ThaiDate
    public let language: Language
    /// The programmes in column order (the first area's framework).
    public let programmes: [Programme]
    public let isDraft: Bool
    public let rows: [AreaRow]

    public init(fiscalYear: FiscalYear, batchDate: ThaiDate, language: Language, programmes: [Programme],
                isDraft: Bool, rows: [AreaRow]) {
        self.fiscalYear = fiscalYear
        self.batchDate = batchDate
        self.language = language
        self.programmes = programmes
        self.isDraft = isDraft
        self.rows = rows.sorted { $0.area.code < $1.area.code }
    }

    public var fileName: String { "national-summary-\(fiscalYear.year).xlsx" }

    @discardableResult
    public func write(into folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(fileName)
        let labels = Labels(language: language)
        let workbook = try Workbook(path: url.path)
        try workbook.setProperties(DocumentProperties(created: batchDate.unixTime, title: labels.nationalTitle(fiscalYear),
                                                      author: "Khet"))
        let sheet = try workbook.addWorksheet(named: labels.summarySheet)
        let headers = [labels.areaCode, labels.areaName, labels.schoolCount, labels.pupilsLabel]
            + programmes.map { $0.shortName(language) } + [labels.fiscalYearTotal]
        let heading = SheetHeading(title: labels.nationalTitle(fiscalYear),
                                   subtitle: language.pick("จัดทำเมื่อ \(batchDate.thaiLong)", "prepared \(batchDate.englishLong)"),
                                   isDraft: isDraft, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)
        var money = MoneyColumns(firstColumn: 4, count: programmes.count)
        let firstDataRow = headerRow + 1
        var row = firstDataRow
        for area in rows {
            try sheet.write(area.area.code, row: row, column: 0, format: WorkbookStyle.code)
            try sheet.write(area.area.shortName, row: row, column: 1, format: WorkbookStyle.text)
            try sheet.write(area.schools, row: row, column: 2, format: WorkbookStyle.count)
            try sheet.write(area.pupils, row: row, column: 3, format: WorkbookStyle.count)
            try money.writeRow(programmes.map { area.byProgramme[$0.id] ?? .zero }, row: row, on: sheet)
            row += 1
        }
        let lastDataRow = row - 1
        try sheet.write(labels.nationalTotal, row: row, column: 0, format: WorkbookStyle.totalLabel)
        try sheet.writeBlank(row: row, column: 1, format: WorkbookStyle.totalLabel)
        try sheet.writeFormula(TableFormula.columnSum(column: 2, from: firstDataRow, to: lastDataRow),
                               cached: Double(rows.reduce(0) { $0 + $1.schools }), row: row, column: 2, format: WorkbookStyle.totalCount)
        try sheet.writeFormula(TableFormula.columnSum(column: 3, from: firstDataRow, to: lastDataRow),
                               cached: Double(rows.reduce(0) { $0 + $1.pupils }), row: row, column: 3, format: WorkbookStyle.totalCount)
        try money.writeTotals(row: row, first: firstDataRow, last: lastDataRow, on: sheet)
        try sheet.freezePanes(row: firstDataRow, column: 2)
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(lastDataRow, headerRow),
                                       lastColumn: money.totalColumn))
        try sheet.setColumnWidth(10, columns: 0...0)
        try sheet.setColumnWidth(24, columns: 1...1)
        try sheet.setColumnWidth(12, columns: 2...3)
        try sheet.setColumnWidth(18, columns: money.firstColumn...money.totalColumn)
        try workbook.close()
        return url
    }
}
