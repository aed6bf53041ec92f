import KhetCore
import XLSXWriter

/// The framework the batch used: its facts (status, source, advance rule) and every rate with
/// its unit, when it is paid, its confidence and its source.
struct RatesSheet {
    let report: AreaAllocationReport
    let labels: Labels

    private static let sourceWidth = 60.0
    private static let factWidth = 90.0

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: labels.ratesSheet)
        let framework = report.framework
        let headers = [labels.item, labels.levelOrGrade, labels.unit, labels.paidIn,
                       labels.rateBaht, labels.confidence, labels.source]
        let facts = labels.frameworkFacts(framework)
        let heading = SheetHeading(title: labels.ratesTitle, subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
                                   isDraft: framework.isProvisional, labels: labels)
        var row = try heading.write(on: sheet, columns: headers.count, orientation: .landscape,
                                    tableHeaderOffset: facts.count + 1)
        for (name, value) in facts {
            try sheet.write(name, row: row, column: 0, format: WorkbookStyle.label)
            try sheet.merge(CellRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: headers.count - 1),
                            text: value, format: WorkbookStyle.fact)
            try sheet.setRowHeight(WorkbookStyle.wrappedRowHeight(clusters: value.count, width: Self.factWidth), row: row)
            row += 1
        }
        row += 1
        let headerRow = row
        try heading.writeTableHeader(headers, row: row, on: sheet)
        row += 1
        for programme in framework.programmes {
            for item in programme.items {
                for rate in item.rates {
                    let texts = [labels.shortName(item), labels.target(rate.target), labels.unit(item.unit),
                                 labels.paidIn(item.paidIn, unit: item.unit)]
                    // As tall as its longest wrapped text, the source or a long item name.
                    try sheet.fitRowHeight(row, texts: texts.enumerated().map { ($0.offset, $0.element, 1) }
                                               + [(5, labels.confidence(rate.confidence), 1), (6, rate.source, 1)],
                                           lineHeight: WorkbookStyle.rowHeight)
                    for (column, text) in texts.enumerated() {
                        try sheet.write(text, row: row, column: column, format: WorkbookStyle.wrapped)
                    }
                    try sheet.write(rate.amount.cellValue, row: row, column: 4, format: WorkbookStyle.moneyTop)
                    try sheet.write(labels.confidence(rate.confidence), row: row, column: 5, format: WorkbookStyle.wrapped)
                    try sheet.write(rate.source, row: row, column: 6, format: WorkbookStyle.wrapped)
                    row += 1
                }
            }
        }
        try sheet.freezePanes(row: headerRow + 1, column: 0)
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(row - 1, headerRow), lastColumn: 6))
        try sheet.setColumnWidth(27, columns: 0...0)
        try sheet.setColumnWidth(17, columns: 1...1)
        try sheet.setColumnWidth(17, columns: 2...2)
        try sheet.setColumnWidth(20, columns: 3...3)
        try sheet.setColumnWidth(12, columns: 4...4)
        try sheet.setColumnWidth(15, columns: 5...5)
        try sheet.setColumnWidth(Self.sourceWidth, columns: 6...6)
    }
}
