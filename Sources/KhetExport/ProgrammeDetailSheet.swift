import KhetCalc
import KhetCore
import XLSXWriter

/// The detail of a programme paid once for the year (poor pupils, boarders, small schools): one
/// row per line with the pupils counted, the enrolment and cap where a cap applies, the pupils
/// funded, the rate and the amount as a formula, and the words that explain it.
struct ProgrammeDetailSheet {
    let report: AreaAllocationReport
    let programme: Programme
    let labels: Labels
    let sheetName: String

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: sheetName)
        let language = report.language
        let headers = [labels.schoolCode, labels.school, labels.item, labels.level, labels.counted, labels.enrolment,
                       labels.capPercent, labels.funded, labels.ratePerPupil, labels.amount, labels.note]
        let heading = SheetHeading(title: labels.programmeTitle(programme.name(language), report.fiscalYear),
                                   subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
                                   isDraft: report.framework.isProvisional, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)

        let names = Dictionary(report.schools.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let items = Dictionary(programme.items.map { ($0.id, labels.shortName($0)) }, uniquingKeysWith: { first, _ in first })
        let describer = LineDescription(language: language, snapshotDate: report.latestSnapshot?.date)
        let firstDataRow = headerRow + 1
        var row = firstDataRow
        var total = Money.zero
        for line in report.allocation.lines where line.programmeID == programme.id {
            try sheet.write(line.schoolCode, row: row, column: 0, format: WorkbookStyle.code)
            try sheet.write(names[line.schoolCode] ?? "", row: row, column: 1, format: WorkbookStyle.text)
            try sheet.write(items[line.itemID] ?? labels.envelopeAdjustment, row: row, column: 2, format: WorkbookStyle.text)
            try sheet.write(line.level?.name(language) ?? "", row: row, column: 3, format: WorkbookStyle.text)
            let counts = Counts(line.basis)
            try writeCount(counts.counted, sheet, row, 4)
            try writeCount(counts.enrolment, sheet, row, 5)
            try writeCount(counts.capPercent, sheet, row, 6)
            if let pupils = line.basis.pupils, let rate = line.basis.rate {
                try sheet.write(pupils, row: row, column: 7, format: WorkbookStyle.count)
                try sheet.write(rate.cellValue, row: row, column: 8, format: WorkbookStyle.money)
                try sheet.writeFormula(TableFormula.product(row: row, 7, 8), cached: line.amount.cellValue,
                                       row: row, column: 9, format: WorkbookStyle.money)
            } else {
                try writeCount(line.basis.pupils, sheet, row, 7)
                try sheet.writeBlank(row: row, column: 8, format: WorkbookStyle.money)
                try sheet.write(line.amount.cellValue, row: row, column: 9, format: WorkbookStyle.money)
            }
            // A line paid for one term (a per-term small-school rate) says which term it is.
            let note = describer.note(for: line.basis)
            let termNote = line.round.kind == .wholeYear ? note
                : line.round.title(language, advancePercent: report.framework.advance.percent) + ": " + note
            // The note wraps within its column, so a long one (a floor's arithmetic) prints whole.
            try sheet.write(termNote, row: row, column: 10, format: WorkbookStyle.wrapped)
            if termNote.count > Int(Self.noteWidth) {
                try sheet.setRowHeight(WorkbookStyle.wrappedRowHeight(clusters: termNote.count, width: Self.noteWidth), row: row)
            }
            total += line.amount
            row += 1
        }
        let lastDataRow = row - 1
        try sheet.write(labels.programmeTotal, row: row, column: 0, format: WorkbookStyle.totalLabel)
        for column in 1..<9 { try sheet.writeBlank(row: row, column: column, format: WorkbookStyle.totalLabel) }
        try sheet.writeFormula(TableFormula.columnSum(column: 9, from: firstDataRow, to: lastDataRow), cached: total.cellValue,
                               row: row, column: 9, format: WorkbookStyle.totalMoney)
        try sheet.freezePanes(row: firstDataRow, column: 2)
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(lastDataRow, headerRow), lastColumn: 10))
        try sheet.setColumnWidth(13, columns: 0...0)
        try sheet.setColumnWidth(15, columns: 3...3)
        try sheet.setColumnWidth(11, columns: 4...7)
        try sheet.setColumnWidth(13, columns: 8...8)
        try sheet.setColumnWidth(15, columns: 9...9)
        try sheet.setColumnWidth(Self.noteWidth, columns: 10...10)
        sheet.fitColumnsToContent(minimum: 8, maximum: 36)
    }

    private static let noteWidth = 64.0

    private func writeCount(_ value: Int?, _ sheet: Worksheet, _ row: Int, _ column: Int) throws {
        if let value { try sheet.write(value, row: row, column: column, format: WorkbookStyle.count) }
        else { try sheet.writeBlank(row: row, column: column, format: WorkbookStyle.count) }
    }

    /// The counts a basis carries, for the table's columns.
    private struct Counts {
        var counted: Int?
        var enrolment: Int?
        var capPercent: Int?

        init(_ basis: LineBasis) {
            switch basis {
            case let .capped(eligible, enrolment, capPercent, _, _):
                (counted, self.enrolment, self.capPercent) = (eligible, enrolment, capPercent)
            case let .boarders(counted, _, _, _):
                self.counted = counted
            case let .perPupil(pupils, _):
                counted = pupils
            case let .floorTopUp(pupils, _, _):
                counted = pupils
            case .advance, .lessAdvance, .noRecovery, .perSchool, .envelopeScaling, .listAdjustment, .correction:
                break
            }
        }
    }
}
