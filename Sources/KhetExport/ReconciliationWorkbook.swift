import Foundation
import KhetCalc
import KhetCore
import XLSXWriter

/// `reconciliation.xlsx`: for each OBEC allocation list of the batch, a sheet of every school
/// and column with OBEC's amount, Khet's, the difference (a formula, its value saved) coloured when
/// not zero, the likely cause and Khet's own arithmetic; filterable, totals at the bottom.
public struct ReconciliationWorkbook {
    public static let fileName = "reconciliation.xlsx"

    public let report: AreaAllocationReport
    public let reconciliations: [Reconciliation]

    public init(report: AreaAllocationReport, reconciliations: [Reconciliation]) {
        self.report = report
        self.reconciliations = reconciliations
    }

    @discardableResult
    public func write(into folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(Self.fileName)
        let labels = Labels(language: report.language)
        let language = report.language
        let workbook = try Workbook(path: url.path)
        let title = language.pick("ตรวจสอบบัญชีจัดสรรของ สพฐ. ปีงบประมาณ \(report.fiscalYear.year)",
                                  "OBEC allocation lists checked, fiscal year \(report.fiscalYear.year)")
        try workbook.setProperties(DocumentProperties(created: report.batchDate.unixTime, title: title,
                                                      author: "Khet", company: report.area.name))
        var names = SheetNamer()
        for reconciliation in reconciliations {
            try write(reconciliation, into: workbook, labels: labels, sheetName: names.name(sheetName(reconciliation)))
        }
        try workbook.close()
        return url
    }

    private func programme(_ id: String) -> Programme? { report.framework.programmes.first { $0.id == id } }

    private func sheetName(_ reconciliation: Reconciliation) -> String {
        let name = programme(reconciliation.programmeID)?.shortName(report.language) ?? reconciliation.programmeID
        return String(name.prefix(18)) + " " + reconciliation.round.sheetName(report.language, advancePercent: report.framework.advance.percent)
    }

    private func columnName(_ column: String, programme: Programme?) -> String {
        if let item = programme?.items.first(where: { $0.id == column }) { return report.language.pick(item.thaiName, item.englishName) }
        return report.language.pick("รวมทั้งโครงการ", "whole programme")
    }

    private func write(_ reconciliation: Reconciliation, into workbook: Workbook, labels: Labels, sheetName: String) throws {
        let language = report.language
        let sheet = try workbook.addWorksheet(named: sheetName)
        let programme = programme(reconciliation.programmeID)
        let round = reconciliation.round.title(language, advancePercent: report.framework.advance.percent)
        let heading = SheetHeading(
            title: language.pick("บัญชีจัดสรรของ สพฐ. เทียบกับ Khet: \(programme?.shortName(language) ?? reconciliation.programmeID) \(round)",
                                 "OBEC's list against Khet: \(programme?.shortName(language) ?? reconciliation.programmeID), \(round)"),
            subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate), isDraft: report.framework.isProvisional, labels: labels)
        let headers = [labels.schoolCode, labels.school, labels.item,
                       language.pick("ตามบัญชี สพฐ. (บาท)", "OBEC (baht)"), language.pick("ตาม Khet (บาท)", "Khet (baht)"),
                       language.pick("ผลต่าง (บาท)", "difference (baht)"), language.pick("สาเหตุที่เป็นไปได้", "likely cause"),
                       language.pick("ที่มาของตัวเลข Khet", "how Khet's figure is made")]
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)
        let names = Dictionary(report.schools.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let firstRow = headerRow + 1
        var row = firstRow
        for line in reconciliation.lines {
            try sheet.write(line.schoolCode, row: row, column: 0, format: WorkbookStyle.codeTop)
            let name = names[line.schoolCode] ?? ""
            let item = columnName(line.column, programme: programme)
            try sheet.write(name, row: row, column: 1, format: WorkbookStyle.wrapped)
            try sheet.write(item, row: row, column: 2, format: WorkbookStyle.wrapped)
            if let listed = line.listed {
                try sheet.write(listed.cellValue, row: row, column: 3, format: WorkbookStyle.moneyTop)
            } else {
                try sheet.writeBlank(row: row, column: 3, format: WorkbookStyle.moneyTop)
            }
            try sheet.write(line.computed.cellValue, row: row, column: 4, format: WorkbookStyle.moneyTop)
            try sheet.writeFormula("=\(CellReference.a1(row: row, column: 3))-\(CellReference.a1(row: row, column: 4))",
                                   cached: line.difference.cellValue, row: row, column: 5, format: WorkbookStyle.moneyTop)
            let cause = ReconciliationCauseText.text(line.cause, language: language)
            let arithmetic = explanation(of: line, round: reconciliation.round)
            try sheet.write(cause, row: row, column: 6, format: WorkbookStyle.wrapped)
            try sheet.write(arithmetic, row: row, column: 7, format: WorkbookStyle.wrapped)
            try sheet.fitRowHeight(row, texts: [(1, name, 1), (2, item, 1), (6, cause, 1), (7, arithmetic, 1)], lineHeight: WorkbookStyle.rowHeight)
            row += 1
        }
        let lastRow = row - 1
        try sheet.write(language.pick("รวม", "total"), row: row, column: 0, format: WorkbookStyle.totalLabel)
        for column in [1, 2, 6, 7] { try sheet.writeBlank(row: row, column: column, format: WorkbookStyle.totalLabel) }
        let cached = [reconciliation.listedTotal, reconciliation.computedTotal, reconciliation.listedTotal - reconciliation.computedTotal]
        for (offset, value) in cached.enumerated() {
            let column = 3 + offset
            let formula = lastRow >= firstRow
                ? "=SUM(\(CellReference.a1(row: firstRow, column: column)):\(CellReference.a1(row: lastRow, column: column)))" : "=0"
            try sheet.writeFormula(formula, cached: value.cellValue, row: row, column: column, format: WorkbookStyle.totalMoney)
        }
        if lastRow >= firstRow {
            let differences = CellRange(firstRow: firstRow, firstColumn: 5, lastRow: lastRow, lastColumn: 5)
            let highlight = CellFormat(fontColor: 0x9C0006, fill: 0xFFC7CE)
            try sheet.addConditionalFormat(.init(.cell(.notEqual, FixedDecimal(units: 0, scale: 2)), format: highlight), range: differences)
        }
        try sheet.freezePanes(row: firstRow, column: 0)
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(lastRow, headerRow), lastColumn: headers.count - 1))
        // Fixed widths, the texts wrapping in them: the sheet prints one page wide in landscape.
        try sheet.setColumnWidth(14, columns: 0...0)
        try sheet.setColumnWidth(21, columns: 1...2)
        try sheet.setColumnWidth(17, columns: 3...5)
        try sheet.setColumnWidth(22, columns: 6...6)
        try sheet.setColumnWidth(32, columns: 7...7)
    }

    /// Khet's arithmetic for the school's column in the round, grades of one rate together, and
    /// the count it rests on: `ป.1–ป.3 120 × 950.00; ป.4–ป.6 130 × 1,000.00 (นับ ณ 10 พ.ย. 2567)`.
    private func explanation(of line: Reconciliation.Line, round: PaymentRound) -> String {
        // Khet's own figure: without the lines that take it to OBEC's list (`notices = "obec"`).
        let lines = report.allocation.lines.filter {
            $0.schoolCode == line.schoolCode && $0.round == round && ($0.itemID == line.column || line.column == "programme-total")
                && !$0.isListAdjustment
        }
        var groups: [(first: Grade?, last: Grade?, pupils: Int, rate: Money)] = []
        for allocationLine in lines.sorted(by: { ($0.grade?.rawValue ?? -1) < ($1.grade?.rawValue ?? -1) }) {
            guard let pupils = allocationLine.basis.pupils, let rate = allocationLine.basis.rate, pupils > 0 else { continue }
            if let last = groups.last, last.rate == rate {
                groups[groups.count - 1].pupils += pupils
                groups[groups.count - 1].last = allocationLine.grade
            } else {
                groups.append((allocationLine.grade, allocationLine.grade, pupils, rate))
            }
        }
        let language = report.language
        func code(_ grade: Grade?) -> String { grade.map { language.pick($0.thaiCode, $0.latinCode) } ?? "" }
        let parts = groups.map { group -> String in
            let grades = group.first == group.last ? code(group.first) : "\(code(group.first))–\(code(group.last))"
            return "\(grades) \(group.pupils) × \(group.rate.formatted)"
        }
        let others = lines.filter { $0.basis.pupils == nil }.map(\.amount).sum()
        let adjusted = others == .zero ? "" : language.pick("; ปรับ \(others.formatted)", "; adjusted \(others.formatted)")
        // The count the round pays on, so the line says what it rests on.
        let counted = parts.isEmpty ? "" : round.snapshotDate.map { language.pick(" (นับ ณ \($0.thaiShort))", " (counted \($0.englishLong))") } ?? ""
        return parts.joined(separator: "; ") + counted + adjusted
    }
}

/// A cause in words, for the sheet and the terminal.
public enum ReconciliationCauseText {
    public static func text(_ cause: Reconciliation.Cause, language: Language) -> String {
        switch cause {
        case .agrees: return language.pick("ตรงกัน", "agrees")
        case .onlyInList: return language.pick("มีในบัญชี สพฐ. แต่ Khet ไม่ได้จัดสรร", "in OBEC's list only")
        case .onlyInKhet: return language.pick("Khet จัดสรร แต่ไม่มีในบัญชี สพฐ.", "in Khet's figures only")
        case .otherSnapshot(let date):
            return language.pick("สพฐ. นับนักเรียน ณ \(date.thaiShort)", "OBEC counted the pupils of \(date.englishLong)")
        case .notAdvanced:
            return language.pick("สพฐ. ไม่ได้เลื่อนชั้นนักเรียนที่นับ ณ 10 พ.ย.", "OBEC did not move the November pupils up a grade")
        case .beforeEnvelopeScaling:
            return language.pick("สพฐ. ไม่ได้ปรับตามกรอบวงเงิน", "OBEC's figure is before the envelope's scaling")
        case .withoutCap:
            return language.pick("สพฐ. ไม่ได้ใช้เพดานสัดส่วนนักเรียนยากจน", "OBEC's figure is without the poor pupils' cap")
        case .pupils(let count, let grade, let rate):
            let gradeText = grade.map { language.pick(" ชั้น \($0.thaiCode)", " in \($0.latinCode)") } ?? ""
            return language.pick("ต่างกัน \(count) คน\(gradeText) (อัตรา \(rate.formatted) บาท)",
                                 "\(count) pupil(s)\(gradeText) apart (rate \(rate.formatted) baht)")
        case .unexplained: return language.pick("ยังอธิบายไม่ได้", "unexplained")
        }
    }
}
