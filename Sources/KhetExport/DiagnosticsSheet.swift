import KhetCore
import XLSXWriter

/// The warnings and notes of the run, so whoever opens the workbook sees what the analyst saw.
struct DiagnosticsSheet {
    let report: AreaAllocationReport
    let labels: Labels

    private static let messageWidth = 60.0
    private static let hintWidth = 40.0

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: labels.diagnosticsSheet)
        let headers = [labels.severity, labels.code, labels.file, labels.line, labels.column, labels.message, labels.hint]
        let heading = SheetHeading(title: labels.diagnosticsTitle, subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
                                   isDraft: report.framework.isProvisional, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)
        var row = headerRow + 1
        let shown = report.diagnostics.filter { !$0.isReadingNote }.sortedByLocation.sorted { $0.severity < $1.severity }
        if shown.isEmpty {
            try sheet.merge(CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: headers.count - 1),
                            text: labels.noWarnings, format: WorkbookStyle.text)
        }
        for diagnostic in shown {
            // The Thai workbook shows the Thai message the importers give; English where there is none.
            let message = diagnostic.message(in: labels.language)
            // As tall as the longest wrapped text: a long file path wraps as much as a message.
            try sheet.fitRowHeight(row, texts: [(0, labels.severity(diagnostic.severity), 1), (1, diagnostic.code, 1),
                                                (2, diagnostic.file, 1), (5, message, 1), (6, diagnostic.hint ?? "", 1)],
                                   lineHeight: WorkbookStyle.rowHeight)
            try sheet.write(labels.severity(diagnostic.severity), row: row, column: 0, format: WorkbookStyle.wrapped)
            try sheet.write(diagnostic.code, row: row, column: 1, format: WorkbookStyle.wrapped)
            try sheet.write(diagnostic.file, row: row, column: 2, format: WorkbookStyle.wrapped)
            if diagnostic.line > 0 { try sheet.write(diagnostic.line, row: row, column: 3, format: WorkbookStyle.count) }
            else { try sheet.writeBlank(row: row, column: 3, format: WorkbookStyle.count) }
            if diagnostic.column > 0 { try sheet.write(diagnostic.column, row: row, column: 4, format: WorkbookStyle.count) }
            else { try sheet.writeBlank(row: row, column: 4, format: WorkbookStyle.count) }
            try sheet.write(message, row: row, column: 5, format: WorkbookStyle.wrapped)
            try sheet.write(diagnostic.hint ?? "", row: row, column: 6, format: WorkbookStyle.wrapped)
            row += 1
        }
        if !shown.isEmpty {
            try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: row - 1, lastColumn: headers.count - 1))
        }
        try sheet.setColumnWidth(11, columns: 0...0)
        try sheet.setColumnWidth(11, columns: 1...1)
        try sheet.setColumnWidth(30, columns: 2...2)
        try sheet.setColumnWidth(8, columns: 3...4)
        try sheet.setColumnWidth(Self.messageWidth, columns: 5...5)
        try sheet.setColumnWidth(Self.hintWidth, columns: 6...6)
    }
}
