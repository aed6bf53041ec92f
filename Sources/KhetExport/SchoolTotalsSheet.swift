import KhetCore
import XLSXWriter

/// One row per school: code, name, district, pupils, then one money column per programme (or per
/// item of one programme) and the school's total, then the area's total. Totals are SUM formulas
/// with their values cached, so every viewer shows numbers.
struct SchoolTotalsSheet {
    struct Column {
        var header: String
        /// Amount per school code; a school missing here has nothing in this column.
        var amounts: [String: Money]
    }

    let report: AreaAllocationReport
    let labels: Labels
    let sheetName: String
    let title: String
    let columns: [Column]
    /// A workbook-wide name for the area total cell, so other sheets and tools can refer to it.
    let totalName: String?

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: sheetName)
        let headers = [labels.schoolCode, labels.school, labels.district, labels.pupils(on: report.latestSnapshot?.date)]
            + columns.map(\.header) + [labels.fiscalYearTotal]
        let heading = SheetHeading(title: title, subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
                                   isDraft: report.framework.isProvisional, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)

        var money = MoneyColumns(firstColumn: 4, count: columns.count)
        let totalColumn = money.totalColumn
        let firstDataRow = headerRow + 1
        var row = firstDataRow
        var pupilTotal = 0
        for school in report.schools {
            let pupils = report.latestSnapshot?.counts(for: school.code).total ?? 0
            pupilTotal += pupils
            try sheet.write(school.code, row: row, column: 0, format: WorkbookStyle.code)
            try sheet.write(school.name, row: row, column: 1, format: WorkbookStyle.text)
            try sheet.write(school.district, row: row, column: 2, format: WorkbookStyle.text)
            try sheet.write(pupils, row: row, column: 3, format: WorkbookStyle.count)
            try money.writeRow(columns.map { $0.amounts[school.code] ?? .zero }, row: row, on: sheet)
            row += 1
        }
        let lastDataRow = row - 1

        try sheet.write(labels.areaTotal, row: row, column: 0, format: WorkbookStyle.totalLabel)
        for column in 1...2 { try sheet.writeBlank(row: row, column: column, format: WorkbookStyle.totalLabel) }
        try sheet.writeFormula(TableFormula.columnSum(column: 3, from: firstDataRow, to: lastDataRow), cached: Double(pupilTotal),
                               row: row, column: 3, format: WorkbookStyle.totalCount)
        try money.writeTotals(row: row, first: firstDataRow, last: lastDataRow, on: sheet)
        if let totalName {
            try workbook.defineName(totalName, refersTo: "='\(sheetName)'!\(CellReference.a1(row: row, column: totalColumn, absolute: true))")
        }

        try sheet.freezePanes(row: firstDataRow, column: 2)
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(lastDataRow, headerRow),
                                       lastColumn: totalColumn))
        try sheet.setColumnWidth(13, columns: 0...0)
        try sheet.setColumnWidth(15, columns: 3...3)
        try sheet.setColumnWidth(17, columns: money.firstColumn...totalColumn)
        sheet.fitColumnsToContent(minimum: 10, maximum: 36)
    }
}
