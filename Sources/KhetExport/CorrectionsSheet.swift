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
        let names = Dictionary(report.schools.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let catalogue = ProgrammeCatalogue(framework: report.framework, labels: labels)
        let percent = report.framework.advance.percent
        let rows = self.rows()
        if rows.isEmpty {
            try sheet.merge(CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: headers.count - 1),
                            text: labels.noDifferences, format: WorkbookStyle.text)
        }
        for entry in rows {
            let line = entry.line
            let entryNames = catalogue.entry(programmeID: line.programmeID, itemID: line.itemID)
            try sheet.write(line.schoolCode, row: row, column: 0, format: WorkbookStyle.code)
            try sheet.write(names[line.schoolCode] ?? "", row: row, column: 1, format: WorkbookStyle.text)
            try sheet.write(entryNames.programme?.shortName(report.language) ?? line.programmeID, row: row, column: 2, format: WorkbookStyle.text)
            try sheet.write(line.round.sheetName(report.language, advancePercent: percent), row: row, column: 3, format: WorkbookStyle.text)
            try sheet.write(entryNames.itemName, row: row, column: 4, format: WorkbookStyle.text)
            try sheet.write(entry.paid.cellValue, row: row, column: 5, format: WorkbookStyle.money)
            try sheet.write(entry.today.cellValue, row: row, column: 6, format: WorkbookStyle.money)
            let formula = "=\(CellReference.a1(row: row, column: 6))-\(CellReference.a1(row: row, column: 5))"
            try sheet.writeFormula(formula, cached: (entry.today - entry.paid).cellValue, row: row, column: 7, format: WorkbookStyle.money)
            try sheet.write(entry.action, row: row, column: 8, format: WorkbookStyle.text)
            row += 1
        }
        try sheet.setColumnWidth(13, columns: 0...0)
        try sheet.setColumnWidth(26, columns: 1...1)
        try sheet.setColumnWidth(14, columns: 2...3)
        try sheet.setColumnWidth(18, columns: 4...4)
        try sheet.setColumnWidth(15, columns: 5...7)
        try sheet.setColumnWidth(30, columns: 8...8)
    }

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
