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

        let firstMoneyColumn = 4
        let totalColumn = firstMoneyColumn + columns.count
        let firstDataRow = headerRow + 1
        var row = firstDataRow
        var columnTotals = Array(repeating: Money.zero, count: columns.count + 1)
        var pupilTotal = 0
        for school in report.schools {
            let pupils = report.latestSnapshot?.counts(for: school.code).total ?? 0
            pupilTotal += pupils
            try sheet.write(school.code, row: row, column: 0, format: WorkbookStyle.code)
            try sheet.write(school.name, row: row, column: 1, format: WorkbookStyle.text)
            try sheet.write(school.district, row: row, column: 2, format: WorkbookStyle.text)
            try sheet.write(pupils, row: row, column: 3, format: WorkbookStyle.count)
            var schoolTotal = Money.zero
            for (index, column) in columns.enumerated() {
                let amount = column.amounts[school.code] ?? .zero
                schoolTotal += amount
                columnTotals[index] += amount
                try sheet.write(amount.cellValue, row: row, column: firstMoneyColumn + index, format: WorkbookStyle.money)
            }
            columnTotals[columns.count] += schoolTotal
            try sheet.writeFormula(TableFormula.rowSum(row: row, from: firstMoneyColumn, to: totalColumn - 1),
                                   cached: schoolTotal.cellValue, row: row, column: totalColumn, format: WorkbookStyle.money)
            row += 1
        }
        let lastDataRow = row - 1

        try sheet.write(labels.areaTotal, row: row, column: 0, format: WorkbookStyle.totalLabel)
        for column in 1...2 { try sheet.writeBlank(row: row, column: column, format: WorkbookStyle.totalLabel) }
        try sheet.writeFormula(TableFormula.columnSum(column: 3, from: firstDataRow, to: lastDataRow), cached: Double(pupilTotal),
                               row: row, column: 3, format: WorkbookStyle.totalCount)
        for index in 0...columns.count {
            let column = firstMoneyColumn + index
            try sheet.writeFormula(TableFormula.columnSum(column: column, from: firstDataRow, to: lastDataRow),
                                   cached: columnTotals[index].cellValue, row: row, column: column, format: WorkbookStyle.totalMoney)
        }
        if let totalName {
            try workbook.defineName(totalName, refersTo: "='\(sheetName)'!\(CellReference.a1(row: row, column: totalColumn, absolute: true))")
        }

        try sheet.freezePanes(row: firstDataRow, column: 2)
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(lastDataRow, headerRow),
                                       lastColumn: totalColumn))
        try sheet.setColumnWidth(13, columns: 0...0)
        try sheet.setColumnWidth(15, columns: 3...3)
        try sheet.setColumnWidth(17, columns: firstMoneyColumn...totalColumn)
        sheet.fitColumnsToContent(minimum: 10, maximum: 36)
    }
}
