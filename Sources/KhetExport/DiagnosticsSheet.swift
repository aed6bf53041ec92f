import KhetCore
import XLSXWriter

/// The warnings and notes of the run, so whoever opens the workbook sees what the analyst saw.
struct DiagnosticsSheet {
    let report: AreaAllocationReport
    let labels: Labels

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: labels.diagnosticsSheet)
        let headers = [labels.severity, labels.code, labels.file, labels.line, labels.column, labels.message, labels.hint]
        let heading = SheetHeading(title: labels.diagnosticsTitle, subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
                                   isDraft: report.framework.isProvisional, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        for (column, text) in headers.enumerated() {
            try sheet.write(text, row: headerRow, column: column, format: WorkbookStyle.header)
        }
        var row = headerRow + 1
        let shown = report.diagnostics.sortedByLocation.sorted { $0.severity < $1.severity }
        if shown.isEmpty {
            try sheet.write(labels.noWarnings, row: row, column: 0, format: WorkbookStyle.text)
            row += 1
        }
        for diagnostic in shown {
            try sheet.write(labels.severity(diagnostic.severity), row: row, column: 0, format: WorkbookStyle.text)
            try sheet.write(diagnostic.code, row: row, column: 1, format: WorkbookStyle.text)
            try sheet.write(diagnostic.file, row: row, column: 2, format: WorkbookStyle.text)
            if diagnostic.line > 0 { try sheet.write(diagnostic.line, row: row, column: 3, format: WorkbookStyle.count) }
            else { try sheet.writeBlank(row: row, column: 3, format: WorkbookStyle.count) }
            if diagnostic.column > 0 { try sheet.write(diagnostic.column, row: row, column: 4, format: WorkbookStyle.count) }
            else { try sheet.writeBlank(row: row, column: 4, format: WorkbookStyle.count) }
            try sheet.write(diagnostic.message, row: row, column: 5, format: WorkbookStyle.text)
            try sheet.write(diagnostic.hint ?? "", row: row, column: 6, format: WorkbookStyle.text)
            row += 1
        }
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: row - 1, lastColumn: 6))
        sheet.fitColumnsToContent(minimum: 8, maximum: 80)
    }
}
