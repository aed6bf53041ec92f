import KhetCore
import XLSXWriter

/// One row per school with each item's fiscal-year total and the school's total, then the area
/// total. Totals are SUM formulas with their values cached, so every viewer shows numbers.
struct SummarySheet {
    let report: AreaAllocationReport
    let labels: Labels

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: labels.summarySheet)
        let items = report.freeEducation?.items ?? []
        let language = report.language
        let headers = [labels.schoolCode, labels.school, labels.district, labels.pupils(on: report.latestSnapshot?.date)]
            + items.map { labels.shortName($0) } + [labels.fiscalYearTotal]
        let heading = SheetHeading(
            title: labels.summaryTitle(report.freeEducation?.name(language) ?? "", report.fiscalYear),
            subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
            isDraft: report.framework.isProvisional, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)

        let totals = report.allocation.totalsBySchoolAndItem()
        let firstItemColumn = 4
        let totalColumn = firstItemColumn + items.count
        let firstDataRow = headerRow + 1
        var row = firstDataRow
        var columnTotals = Array(repeating: Money.zero, count: items.count + 1)
        var pupilTotal = 0
        for school in report.schools {
            let pupils = report.latestSnapshot?.counts(for: school.code).total ?? 0
            pupilTotal += pupils
            try sheet.write(school.code, row: row, column: 0, format: WorkbookStyle.code)
            try sheet.write(school.name, row: row, column: 1, format: WorkbookStyle.text)
            try sheet.write(school.district, row: row, column: 2, format: WorkbookStyle.text)
            try sheet.write(pupils, row: row, column: 3, format: WorkbookStyle.count)
            var schoolTotal = Money.zero
            for (index, item) in items.enumerated() {
                let amount = totals[school.code]?[item.id] ?? .zero
                schoolTotal += amount
                columnTotals[index] += amount
                try sheet.write(amount.cellValue, row: row, column: firstItemColumn + index, format: WorkbookStyle.money)
            }
            columnTotals[items.count] += schoolTotal
            let sum = "=SUM(\(CellReference.a1(row: row, column: firstItemColumn)):\(CellReference.a1(row: row, column: totalColumn - 1)))"
            try sheet.writeFormula(sum, cached: schoolTotal.cellValue, row: row, column: totalColumn, format: WorkbookStyle.money)
            row += 1
        }
        let lastDataRow = row - 1

        try sheet.write(labels.areaTotal, row: row, column: 0, format: WorkbookStyle.totalLabel)
        try sheet.writeBlank(row: row, column: 1, format: WorkbookStyle.totalLabel)
        try sheet.writeBlank(row: row, column: 2, format: WorkbookStyle.totalLabel)
        try sheet.writeFormula(columnSum(3, firstDataRow, lastDataRow), cached: Double(pupilTotal),
                               row: row, column: 3, format: WorkbookStyle.totalCount)
        for index in 0...items.count {
            let column = firstItemColumn + index
            try sheet.writeFormula(columnSum(column, firstDataRow, lastDataRow), cached: columnTotals[index].cellValue,
                                   row: row, column: column, format: WorkbookStyle.totalMoney)
        }
        try workbook.defineName("AreaTotal", refersTo: "='\(labels.summarySheet)'!\(CellReference.a1(row: row, column: totalColumn, absolute: true))")

        try sheet.freezePanes(row: firstDataRow, column: 2)
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(lastDataRow, headerRow),
                                       lastColumn: totalColumn))
        try sheet.setColumnWidth(13, columns: 0...0)
        try sheet.setColumnWidth(15, columns: 3...3)
        try sheet.setColumnWidth(17, columns: firstItemColumn...totalColumn)
        sheet.fitColumnsToContent(minimum: 10, maximum: 36)
    }

    private func columnSum(_ column: Int, _ first: Int, _ last: Int) -> String {
        guard last >= first else { return "=0" }
        return "=SUM(\(CellReference.a1(row: first, column: column)):\(CellReference.a1(row: last, column: column)))"
    }
}
