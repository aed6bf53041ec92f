import KhetCalc
import KhetCore
import XLSXWriter

/// A pay run's "paid against today" sheet: for every school and item where a round already
/// transferred gives a different amount on today's data, what was paid, what today's data
/// gives, and what this transfer does about it (a correction line, or, for an advance, the
/// balance deducting what was actually paid). Never empty: it says when nothing differs.
struct CorrectionsSheet {
    let report: AreaAllocationReport
    let labels: Labels
    let sheetName: String

    private struct Row {
        var line: AllocationLine
        var paid: Money
        var today: Money
        var action: String
    }

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: sheetName)
        let headers = [labels.schoolCode, labels.school, labels.programme, labels.round, labels.item,
                       labels.paid, labels.onTodaysData, labels.difference, labels.action]
        let heading = SheetHeading(title: labels.correctionsTitle(report.fiscalYear),
                                   subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
                                   isDraft: report.framework.isProvisional, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)
        var row = headerRow + 1
        let schools = Dictionary(report.schools.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let catalogue = ProgrammeCatalogue(framework: report.framework, labels: labels)
        let percent = report.framework.advance.percent
        let rows = self.rows()
        if rows.isEmpty {
            try sheet.merge(CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: headers.count - 1),
                            text: labels.noDifferences, format: WorkbookStyle.text)
        }
        for entry in rows {
            let line = entry.line
            let names = catalogue.entry(programmeID: line.programmeID, itemID: line.itemID)
            let texts = [(schools[line.schoolCode] ?? "", 1), (names.programme?.shortName(report.language) ?? line.programmeID, 2),
                         (line.round.sheetName(report.language, advancePercent: percent), 3), (names.itemName, 4), (entry.action, 8)]
            // Names, items and actions wrap within their columns; the row is as tall as the longest.
            let height = texts.map { WorkbookStyle.wrappedRowHeight(clusters: TextWidth.clusterCount($0.0), width: Self.widths[$0.1]) }.max()
            try sheet.setRowHeight(height ?? WorkbookStyle.rowHeight, row: row)
            try sheet.write(line.schoolCode, row: row, column: 0, format: WorkbookStyle.codeTop)
            for (text, column) in texts { try sheet.write(text, row: row, column: column, format: WorkbookStyle.wrapped) }
            try sheet.write(entry.paid.cellValue, row: row, column: 5, format: WorkbookStyle.moneyTop)
            try sheet.write(entry.today.cellValue, row: row, column: 6, format: WorkbookStyle.moneyTop)
            let formula = "=\(CellReference.a1(row: row, column: 6))-\(CellReference.a1(row: row, column: 5))"
            try sheet.writeFormula(formula, cached: (entry.today - entry.paid).cellValue, row: row, column: 7, format: WorkbookStyle.moneyTop)
            row += 1
        }
        for (column, width) in Self.widths.enumerated() { try sheet.setColumnWidth(width, columns: column...column) }
    }

    /// Column widths that print one landscape A4 page wide at a legible scale.
    private static let widths: [Double] = [14, 20, 14, 13, 20, 13, 13, 12, 22]

    private func rows() -> [Row] {
        report.allocation.lines.compactMap { line in
            switch line.basis {
            case let .correction(recomputed, paid):
                return Row(line: line, paid: paid, today: recomputed, action: labels.correctedNow)
            case let .lessAdvance(paid, recomputed?) where recomputed != paid:
                // The advance itself: what was transferred against what today's count gives.
                var advance = line
                advance.round = PaymentRound(term: line.round.term, kind: .advance)
                return Row(line: advance, paid: paid, today: recomputed, action: labels.advanceAsPaid)
            default:
                return nil
            }
        }
    }
}
