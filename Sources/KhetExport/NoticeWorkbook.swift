import Foundation
import KhetCalc
import KhetCore
import XLSXWriter

/// `schools/<code>.xlsx`: the notice the office sends one school, as it is printed and filed: a
/// covering letter (`NoticeLetterSheet`, one page), then its enclosure: who and when, the table
/// of the school's money grouped by round (pupils × rate as formulas with their values cached),
/// the total in figures and in Thai words, and where the rates come from. The enclosure prints at
/// 100% on as many A4 pages as it needs, its header row repeated and every page numbered.
struct NoticeWorkbook {
    let notice: SchoolNotice
    let report: AreaAllocationReport
    let labels: Labels

    /// Column widths: item, level or grade, pupils, rate, amount. They add up to what fits the
    /// width of a portrait A4 page inside `NoticeLetterSheet.margins` at 100% (84 units in
    /// LibreOffice, whose unit is about 7.7 pixels), so the table is never shrunk to fit: long
    /// tables take more pages instead. The amount takes 17, so a school's year in bold
    /// (12,345,678.00) prints whole rather than as ###; the longest level (มัธยมศึกษาตอนต้น) fits 17.
    private static let widths: [Double] = [32, 17, 8, 10, 17]
    private static let columns = widths.count
    private static let itemColumn = 0
    private static let targetColumn = 1
    private static let pupilsColumn = 2
    private static let rateColumn = 3
    private static let amountColumn = 4

    func write(to url: URL) throws {
        let workbook = try Workbook(path: url.path)
        let framework = report.framework
        try workbook.setProperties(DocumentProperties(
            created: report.batchDate.unixTime,
            title: labels.noticeTitle(report.fiscalYear) + " — " + notice.school.name,
            subject: framework.isProvisional ? labels.draftHeader : nil,
            author: "Khet",
            company: report.area.name,
            comments: "Framework: \(framework.origin) (\(framework.status.rawValue))"))
        try NoticeLetterSheet(notice: notice, report: report, labels: labels).write(into: workbook)
        let sheet = try workbook.addWorksheet(named: labels.attachmentSheet)
        sheet.stopMeasuringContent()
        let heading = SheetHeading(title: labels.attachmentTitle(report.fiscalYear), subtitle: report.area.name,
                                   isDraft: framework.isProvisional, labels: labels)
        var row = try heading.write(on: sheet, columns: Self.columns, orientation: .portrait,
                                    tableHeaderOffset: Self.factRows + 1, scale: .actualSize(margins: NoticeLetterSheet.margins),
                                    bannerWidth: Self.widths.reduce(0, +))
        row = try writeFacts(on: sheet, from: row) + 1
        try heading.writeTableHeader([labels.item, labels.levelOrGradeShort, labels.pupilsFunded, labels.ratePerPupil,
                                      labels.amount], row: row, on: sheet)
        row += 1

        var subtotalCells: [String] = []
        for section in notice.sections {
            try mergeAcross(sheet, row: row, from: 0, text: section.title, format: NoticeStyle.roundHeading)
            row += 1
            let firstRow = row
            for block in section.programmes {
                try mergeAcross(sheet, row: row, from: 0, text: block.name, format: NoticeStyle.programmeHeading)
                row += 1
                for line in block.rows {
                    try write(line, row: row, on: sheet)
                    row += 1
                }
            }
            try writeTotal(label: labels.roundSubtotal(section.title), formula: "=SUM(\(amount(firstRow)):\(amount(row - 1)))",
                           value: section.subtotal, row: row, on: sheet, label: NoticeStyle.subtotalLabel, money: NoticeStyle.subtotalMoney)
            subtotalCells.append(amount(row))
            row += 1
        }
        let grandTotal = subtotalCells.isEmpty ? "=0" : "=SUM(\(subtotalCells.joined(separator: ",")))"
        try writeTotal(label: labels.grandTotal, formula: grandTotal, value: notice.total, row: row, on: sheet,
                       label: WorkbookStyle.totalLabel, money: WorkbookStyle.totalMoney)
        row += 1
        try sheet.write(labels.inWords, row: row, column: 0, format: WorkbookStyle.label)
        try mergeAcross(sheet, row: row, from: 1, text: notice.total.thaiWords, format: NoticeStyle.words)
        row += 2
        if let transfer = report.transfer {
            row = try writeYearSoFar(transfer, on: sheet, from: row) + 1
        }

        try sheet.write(labels.ratesUsed, row: row, column: 0, format: WorkbookStyle.label)
        row += 1
        let citations = [labels.frameworkLine(framework), labels.frameworkSource(framework)] + notice.rateSources.map { "• " + $0 }
        for citation in citations {
            try mergeAcross(sheet, row: row, from: 0, text: citation, format: NoticeStyle.citation, fontScale: 12 / WorkbookStyle.size)
            row += 1
        }
        for (column, width) in Self.widths.enumerated() {
            try sheet.setColumnWidth(width, columns: column...column)
        }
        try workbook.close()
    }

    private static let factRows = 4

    /// Under a pay run's table: the rounds the ledger says were transferred to the school this
    /// year, this transfer, and the year so far: a short summary, so the school sees what is new.
    private func writeYearSoFar(_ transfer: TransferSummary, on sheet: Worksheet, from first: Int) throws -> Int {
        var row = first
        try mergeAcross(sheet, row: row, from: 0, text: labels.yearSoFarTitle(report.fiscalYear), format: WorkbookStyle.label)
        row += 1
        let percent = report.framework.advance.percent
        var byRound: [(round: PaymentRound, amount: Money, dates: [ThaiDate])] = []
        for (key, paid) in transfer.paidBefore.rounds {
            let amount = paid.lines.filter { $0.schoolCode == notice.school.code }.map(\.amount).sum()
            guard !amount.isZero else { continue }
            if let index = byRound.firstIndex(where: { $0.round == key.round }) {
                byRound[index].amount += amount
                byRound[index].dates = Array(Set(byRound[index].dates + paid.confirmedOn)).sorted()
            } else {
                byRound.append((key.round, amount, Array(Set(paid.confirmedOn)).sorted()))
            }
        }
        var total = Money.zero
        for entry in byRound.sorted(by: { $0.round < $1.round }) {
            let title = labels.transferredOn(entry.round.title(labels.language, advancePercent: percent), dates: entry.dates)
            try yearRow(title, entry.amount, row: row, on: sheet, label: WorkbookStyle.text, money: WorkbookStyle.money)
            total += entry.amount
            row += 1
        }
        try yearRow(labels.thisTransfer, notice.total, row: row, on: sheet, label: WorkbookStyle.text, money: WorkbookStyle.money)
        row += 1
        try yearRow(labels.yearSoFarTotal, total + notice.total, row: row, on: sheet,
                    label: WorkbookStyle.totalLabel, money: WorkbookStyle.totalMoney)
        return row + 1
    }

    /// A summary row: its words across to the amount column, the amount as a plain value (the
    /// earlier rounds are the ledger's figures, not this workbook's).
    private func yearRow(_ text: String, _ amount: Money, row: Int, on sheet: Worksheet, label: CellFormat, money: CellFormat) throws {
        try sheet.merge(CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: Self.amountColumn - 1),
                        text: text, format: label)
        try sheet.write(amount.cellValue, row: row, column: Self.amountColumn, format: money)
    }

    /// Who the notice is for and what it covers, two facts to a line where they are short, to
    /// leave the page to the table. The code is written as text, as everywhere. Returns the
    /// first free row.
    private func writeFacts(on sheet: Worksheet, from first: Int) throws -> Int {
        let school = notice.school
        var row = first
        try sheet.write(labels.school, row: row, column: 0, format: WorkbookStyle.label)
        try mergeAcross(sheet, row: row, from: 1, text: school.name, format: WorkbookStyle.fact)
        row += 1
        for (left, right) in [((labels.schoolCode, school.code), (labels.district, school.district)),
                              ((labels.fiscalYear, "\(report.fiscalYear.year)"), (labels.date, report.batchDate.long(labels.language)))] {
            try sheet.write(left.0, row: row, column: 0, format: WorkbookStyle.label)
            try sheet.write(left.1, row: row, column: 1, format: WorkbookStyle.fact)
            try sheet.write(right.0, row: row, column: 2, format: WorkbookStyle.label)
            try mergeAcross(sheet, row: row, from: 3, text: right.1, format: WorkbookStyle.fact)
            row += 1
        }
        try sheet.write(labels.roundsCovered, row: row, column: 0, format: WorkbookStyle.label)
        try mergeAcross(sheet, row: row, from: 1, text: notice.sections.map(\.title).joined(separator: "; "),
                        format: WorkbookStyle.fact)
        return row + 1
    }

    private func write(_ line: SchoolNotice.Row, row: Int, on sheet: Worksheet) throws {
        try sheet.write(line.item, row: row, column: Self.itemColumn, format: WorkbookStyle.text)
        switch line.detail {
        case let .perPupil(pupils, rate):
            try sheet.write(line.target, row: row, column: Self.targetColumn, format: WorkbookStyle.text)
            try sheet.write(pupils, row: row, column: Self.pupilsColumn, format: WorkbookStyle.count)
            try sheet.write(rate.cellValue, row: row, column: Self.rateColumn, format: WorkbookStyle.money)
            let formula = "=\(CellReference.a1(row: row, column: Self.pupilsColumn))*\(CellReference.a1(row: row, column: Self.rateColumn))"
            try sheet.writeFormula(formula, cached: line.amount.cellValue, row: row, column: Self.amountColumn,
                                   format: WorkbookStyle.money)
        case let .explained(words):
            let text = line.target.isEmpty ? words : "\(line.target): \(words)"
            let width = Self.widths[Self.targetColumn...Self.rateColumn].reduce(0, +)
            try sheet.setRowHeight(WorkbookStyle.wrappedRowHeight(clusters: TextWidth.clusterCount(text), width: width), row: row)
            try sheet.merge(CellRange(firstRow: row, firstColumn: Self.targetColumn, lastRow: row, lastColumn: Self.rateColumn),
                            text: text, format: NoticeStyle.explanation)
            try sheet.write(line.amount.cellValue, row: row, column: Self.amountColumn, format: WorkbookStyle.money)
        }
    }

    private func writeTotal(label text: String, formula: String, value: Money, row: Int, on sheet: Worksheet,
                            label: CellFormat, money: CellFormat) throws {
        // Merged up to the amount, so a long round title never runs into empty bordered cells.
        try sheet.merge(CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: Self.amountColumn - 1),
                        text: text, format: label)
        try sheet.writeFormula(formula, cached: value.cellValue, row: row, column: Self.amountColumn, format: money)
    }

    /// Writes `text` merged from `column` to the last column, on as many lines as it needs.
    private func mergeAcross(_ sheet: Worksheet, row: Int, from column: Int, text: String, format: CellFormat,
                             fontScale: Double = 1) throws {
        let width = Self.widths[column...].reduce(0, +) / fontScale
        try sheet.setRowHeight(WorkbookStyle.wrappedRowHeight(clusters: TextWidth.clusterCount(text), width: width) * fontScale, row: row)
        try sheet.merge(CellRange(firstRow: row, firstColumn: column, lastRow: row, lastColumn: Self.columns - 1),
                        text: text, format: format)
    }

    private func amount(_ row: Int) -> String { CellReference.a1(row: row, column: Self.amountColumn) }
}
