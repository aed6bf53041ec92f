import Foundation
import KhetCore
import XLSXWriter

/// The workbook `khet diff` writes: every line that differs between A and B (amounts on each
/// side, the difference as a formula with its value saved, the cause), then a summary by cause
/// with the inputs whose SHA-256 changed. School codes, items, counts and amounts only.
public struct DiffWorkbook {
    public let comparison: TransferComparison
    /// For programme and item names; ids are shown without it.
    public let framework: Framework?
    public let language: Language

    public init(comparison: TransferComparison, framework: Framework?, language: Language = .thai) {
        self.comparison = comparison
        self.framework = framework
        self.language = language
    }

    /// Fixed widths that print one landscape A4 page wide, the names wrapping in them.
    private static let widths: [Double] = [14, 16, 12, 20, 7, 8, 8, 13, 13, 13, 16]

    public func write(to url: URL) throws {
        let labels = Labels(language: language)
        let workbook = try Workbook(path: url.path)
        let title = language.pick("เปรียบเทียบการโอน", "Transfers compared")
        // No clock in the properties: the same comparison writes the same bytes.
        try workbook.setProperties(DocumentProperties(created: 0, title: title, author: "Khet", company: ""))
        try writeLines(on: try workbook.addWorksheet(named: language.pick("รายการที่ต่างกัน", "lines that differ")), labels: labels, title: title)
        try writeSummary(on: try workbook.addWorksheet(named: language.pick("สรุปตามสาเหตุ", "by cause")), labels: labels)
        try workbook.close()
    }

    /// The sides by their names only: the full paths and what each side is are on the summary sheet.
    private var subtitle: String {
        func name(_ side: TransferComparison.Side) -> String { URL(fileURLWithPath: side.path).lastPathComponent }
        return "A = \(name(comparison.before))  •  B = \(name(comparison.after))"
    }

    private func writeLines(on sheet: Worksheet, labels: Labels, title: String) throws {
        let heading = SheetHeading(title: title, subtitle: subtitle, isDraft: false, labels: labels)
        let headers = [labels.schoolCode, language.pick("โครงการ", "programme"), language.pick("งวด", "round"),
                       language.pick("รายการ", "item"), language.pick("ชั้น", "grade"),
                       language.pick("นักเรียน A", "pupils A"), language.pick("นักเรียน B", "pupils B"),
                       language.pick("A (บาท)", "A (baht)"), language.pick("B (บาท)", "B (baht)"),
                       language.pick("ผลต่าง (บาท)", "difference (baht)"), language.pick("สาเหตุ", "cause")]
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)
        let firstRow = headerRow + 1
        var row = firstRow
        for line in comparison.rows {
            let texts = [programmeName(line.key.programme), line.key.round, itemName(line.key), line.key.grade ?? line.key.level ?? ""]
            try sheet.write(line.key.school, row: row, column: 0, format: WorkbookStyle.codeTop)
            for (offset, text) in texts.enumerated() { try sheet.write(text, row: row, column: 1 + offset, format: WorkbookStyle.wrapped) }
            for (column, pupils) in [(5, line.before?.pupils), (6, line.after?.pupils)] {
                if let pupils { try sheet.write(pupils, row: row, column: column, format: WorkbookStyle.countTop) }
                else { try sheet.writeBlank(row: row, column: column, format: WorkbookStyle.countTop) }
            }
            try sheet.write((line.before?.amount ?? .zero).cellValue, row: row, column: 7, format: WorkbookStyle.moneyTop)
            try sheet.write((line.after?.amount ?? .zero).cellValue, row: row, column: 8, format: WorkbookStyle.moneyTop)
            try sheet.writeFormula("=\(CellReference.a1(row: row, column: 8))-\(CellReference.a1(row: row, column: 7))",
                                   cached: line.difference.cellValue, row: row, column: 9, format: WorkbookStyle.moneyTop)
            let cause = Self.causeName(line.cause, language: language)
            try sheet.write(cause, row: row, column: 10, format: WorkbookStyle.wrapped)
            try sheet.fitRowHeight(row, texts: [(1, texts[0], 1), (3, texts[2], 1), (10, cause, 1)], lineHeight: WorkbookStyle.rowHeight)
            row += 1
        }
        let lastRow = row - 1
        try sheet.write(language.pick("รวม", "total"), row: row, column: 0, format: WorkbookStyle.totalLabel)
        for column in [1, 2, 3, 4, 5, 6, 10] { try sheet.writeBlank(row: row, column: column, format: WorkbookStyle.totalLabel) }
        let before = comparison.rows.map { $0.before?.amount ?? .zero }.sum(), after = comparison.rows.map { $0.after?.amount ?? .zero }.sum()
        for (column, value) in [(7, before), (8, after), (9, after - before)] {
            let formula = lastRow >= firstRow
                ? "=SUM(\(CellReference.a1(row: firstRow, column: column)):\(CellReference.a1(row: lastRow, column: column)))" : "=0"
            try sheet.writeFormula(formula, cached: value.cellValue, row: row, column: column, format: WorkbookStyle.totalMoney)
        }
        try sheet.freezePanes(row: firstRow, column: 0)
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(lastRow, headerRow), lastColumn: headers.count - 1))
        for (column, width) in Self.widths.enumerated() { try sheet.setColumnWidth(width, columns: column...column) }
    }

    private func writeSummary(on sheet: Worksheet, labels: Labels) throws {
        let heading = SheetHeading(title: language.pick("สรุปผลต่างตามสาเหตุ", "Differences by cause"), subtitle: subtitle,
                                   isDraft: false, labels: labels)
        let headers = [language.pick("สาเหตุ", "cause"), language.pick("จำนวนรายการ", "lines"), language.pick("ผลต่าง (บาท)", "difference (baht)")]
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .portrait)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)
        var row = headerRow + 1
        for group in comparison.byCause {
            try sheet.write(Self.causeName(group.cause, language: language), row: row, column: 0, format: WorkbookStyle.wrapped)
            try sheet.write(group.rows, row: row, column: 1, format: WorkbookStyle.count)
            try sheet.write(group.difference.cellValue, row: row, column: 2, format: WorkbookStyle.moneyTop)
            row += 1
        }
        let totals: [(String, Money)] = [(language.pick("ยอดรวม A", "total of A"), comparison.beforeTotal),
                                         (language.pick("ยอดรวม B", "total of B"), comparison.afterTotal),
                                         (language.pick("B − A", "B − A"), comparison.afterTotal - comparison.beforeTotal)]
        for (label, amount) in totals {
            try sheet.write(label, row: row, column: 0, format: WorkbookStyle.totalLabel)
            try sheet.writeBlank(row: row, column: 1, format: WorkbookStyle.totalLabel)
            try sheet.write(amount.cellValue, row: row, column: 2, format: WorkbookStyle.totalMoney)
            row += 1
        }
        row += 1
        for (label, side) in [("A", comparison.before), ("B", comparison.after)] {
            let text = "\(label): \(side.path) (\(side.description))"
            try sheet.write(text, row: row, column: 0, format: WorkbookStyle.fact)
            try sheet.fitRowHeight(row, texts: [(0, text, 1)], lineHeight: WorkbookStyle.rowHeight)
            row += 1
        }
        row += 1
        try sheet.write(language.pick("ข้อมูลนำเข้าที่ต่างกัน (SHA-256)", "inputs that differ (SHA-256)"), row: row, column: 0, format: WorkbookStyle.label)
        row += 1
        for input in comparison.changedInputs {
            try sheet.write(input.role, row: row, column: 0, format: WorkbookStyle.text)
            try sheet.write(Self.changeName(input.change, language: language), row: row, column: 1, format: WorkbookStyle.text)
            row += 1
        }
        if comparison.changedInputs.isEmpty {
            try sheet.write(language.pick("ไม่มี", "none"), row: row, column: 0, format: WorkbookStyle.text)
        }
        try sheet.setColumnWidth(50, columns: 0...0)
        try sheet.setColumnWidth(18, columns: 1...2)
    }

    private func programmeName(_ id: String) -> String {
        framework?.programmes.first { $0.id == id }?.shortName(language) ?? id
    }

    private func itemName(_ key: TransferComparison.Key) -> String {
        let item = framework?.programmes.first { $0.id == key.programme }?.items.first { $0.id == key.item }
        let name = item.map { Labels(language: language).shortName($0) } ?? key.item
        switch key.basis {
        case "envelopeScaling": return name + language.pick(" (ปรับตามกรอบวงเงิน)", " (envelope)")
        case "listAdjustment": return name + language.pick(" (ตามบัญชี สพฐ.)", " (OBEC list)")
        case "lessAdvance": return name + language.pick(" (หักงวดแรก)", " (less the advance)")
        case "correction": return name + language.pick(" (รวมการปรับปรุงยอด)", " (with corrections)")
        default: return name
        }
    }

    public static func causeName(_ cause: TransferComparison.Cause, language: Language) -> String {
        switch cause {
        case .count: return language.pick("จำนวนนักเรียน", "pupil count")
        case .rate: return language.pick("อัตรา", "rate")
        case .envelope: return language.pick("กรอบวงเงิน", "envelope")
        case .correction: return language.pick("ปรับปรุงยอด", "correction")
        case .list: return language.pick("บัญชี สพฐ.", "OBEC list")
        case .advance: return language.pick("เงินงวดแรกที่หัก", "advance deducted")
        case .amount: return language.pick("จำนวนเงิน", "amount")
        case .new: return language.pick("รายการใหม่", "new line")
        case .gone: return language.pick("รายการที่ไม่มีแล้ว", "line gone")
        }
    }

    private static func changeName(_ change: TransferComparison.InputChange, language: Language) -> String {
        switch change {
        case .changed: return language.pick("ไฟล์เปลี่ยน", "changed")
        case .onlyInA: return language.pick("มีเฉพาะใน A", "only in A")
        case .onlyInB: return language.pick("มีเฉพาะใน B", "only in B")
        }
    }
}
