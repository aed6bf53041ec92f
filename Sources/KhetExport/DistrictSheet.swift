import KhetCore
import XLSXWriter

/// Money by district (อำเภอ): schools, pupils, one column per programme and the total, with the
/// area total. Districts are listed in Thai alphabetical order.
struct DistrictSheet {
    let report: AreaAllocationReport
    let labels: Labels
    let sheetName: String

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: sheetName)
        let programmes = report.framework.programmes
        let language = report.language
        let headers = [labels.district, labels.schoolCount, labels.pupils(on: report.latestSnapshot?.date)]
            + programmes.map { $0.shortName(language) } + [labels.fiscalYearTotal]
        let heading = SheetHeading(title: labels.districtTitle(report.fiscalYear),
                                   subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
                                   isDraft: report.framework.isProvisional, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)

        let byProgramme = report.allocation.totalsBySchoolAndProgramme()
        let districts = Dictionary(grouping: report.schools, by: \.district).sorted { $0.key < $1.key }
        var money = MoneyColumns(firstColumn: 3, count: programmes.count)
        let firstDataRow = headerRow + 1
        var row = firstDataRow
        var schoolTotal = 0
        var pupilTotal = 0
        for (district, schools) in districts {
            let pupils = schools.reduce(0) { $0 + (report.latestSnapshot?.counts(for: $1.code).total ?? 0) }
            schoolTotal += schools.count
            pupilTotal += pupils
            try sheet.write(district, row: row, column: 0, format: WorkbookStyle.text)
            try sheet.write(schools.count, row: row, column: 1, format: WorkbookStyle.count)
            try sheet.write(pupils, row: row, column: 2, format: WorkbookStyle.count)
            let amounts = programmes.map { programme in
                schools.reduce(Money.zero) { $0 + (byProgramme[$1.code]?[programme.id] ?? .zero) }
            }
            try money.writeRow(amounts, row: row, on: sheet)
            row += 1
        }
        let lastDataRow = row - 1
        try sheet.write(labels.areaTotal, row: row, column: 0, format: WorkbookStyle.totalLabel)
        try sheet.writeFormula(TableFormula.columnSum(column: 1, from: firstDataRow, to: lastDataRow), cached: Double(schoolTotal),
                               row: row, column: 1, format: WorkbookStyle.totalCount)
        try sheet.writeFormula(TableFormula.columnSum(column: 2, from: firstDataRow, to: lastDataRow), cached: Double(pupilTotal),
                               row: row, column: 2, format: WorkbookStyle.totalCount)
        try money.writeTotals(row: row, first: firstDataRow, last: lastDataRow, on: sheet)
        try sheet.freezePanes(row: firstDataRow, column: 1)
        try sheet.setColumnWidth(16, columns: 0...0)
        try sheet.setColumnWidth(12, columns: 1...2)
        try sheet.setColumnWidth(18, columns: money.firstColumn...money.totalColumn)
    }
}
