import KhetCore
import XLSXWriter

/// The framework the batch used: its facts (status, source, advance rule) and every rate with
/// its unit, when it is paid, its confidence and its source.
struct RatesSheet {
    let report: AreaAllocationReport
    let labels: Labels

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: labels.ratesSheet)
        let framework = report.framework
        let language = report.language
        let headers = [labels.programme, labels.item, labels.levelOrGrade, labels.unit, labels.paidIn,
                       labels.rateBaht, labels.confidence, labels.source]
        let heading = SheetHeading(title: labels.ratesTitle, subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
                                   isDraft: framework.isProvisional, labels: labels)
        var row = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        for (name, value) in labels.frameworkFacts(framework) {
            try sheet.write(name, row: row, column: 0, format: CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, bold: true))
            try sheet.write(value, row: row, column: 1, format: WorkbookStyle.note)
            row += 1
        }
        row += 1
        let headerRow = row
        for (column, text) in headers.enumerated() {
            try sheet.write(text, row: row, column: column, format: WorkbookStyle.header)
        }
        row += 1
        for programme in framework.programmes {
            for item in programme.items {
                for rate in item.rates {
                    try sheet.write(programme.name(language), row: row, column: 0, format: WorkbookStyle.text)
                    try sheet.write(item.name(language), row: row, column: 1, format: WorkbookStyle.text)
                    try sheet.write(labels.target(rate.target), row: row, column: 2, format: WorkbookStyle.text)
                    try sheet.write(labels.unit(item.unit), row: row, column: 3, format: WorkbookStyle.text)
                    try sheet.write(labels.paidIn(item.paidIn, unit: item.unit), row: row, column: 4, format: WorkbookStyle.text)
                    try sheet.write(rate.amount.cellValue, row: row, column: 5, format: WorkbookStyle.money)
                    try sheet.write(labels.confidence(rate.confidence), row: row, column: 6, format: WorkbookStyle.text)
                    try sheet.write(rate.source, row: row, column: 7, format: WorkbookStyle.text)
                    row += 1
                }
            }
        }
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(row - 1, headerRow), lastColumn: 7))
        try sheet.setColumnWidth(30, columns: 0...0)
        sheet.fitColumnsToContent(minimum: 10, maximum: 60)
    }
}
