import KhetCore
import XLSXWriter

/// The first sheet of a notice: the covering letter, laid out as a Thai official letter
/// (หนังสือภายนอก) on one A4 page at 100%: number left and the office right, the date, เรื่อง,
/// เรียน, สิ่งที่ส่งมาด้วย, a body saying what is transferred, for what and on which data, the
/// amount in figures and in Thai words, the closing and the signature block.
struct NoticeLetterSheet {
    let notice: SchoolNotice
    let report: AreaAllocationReport
    let labels: Labels

    /// Six columns: the first holds the parts' names (เรื่อง, เรียน, สิ่งที่ส่งมาด้วย); the right
    /// half holds the office, the date and the signature, as on a typed letter. 78 units fit the
    /// width of A4 portrait inside the margins below at 100%, with room to spare for viewers
    /// whose character unit is a little wider (LibreOffice's is about 7.8 pixels, not 7).
    private static let widths: [Double] = [17, 11, 11, 13, 13, 13]
    private static let columns = widths.count
    private static let rightHalf = 3
    /// Thai official letters are typed in TH Sarabun at 16 points; 15 keeps a letter with its
    /// every part and the signature on its one page, still larger than the 14 of the table.
    static let size = 15.0
    private static let lineHeight = WorkbookStyle.lineHeight(size)
    /// Inches: a wider left margin for the binding, as on the office's own paper; the top leaves
    /// room for the printed draft warning in the page header.
    static let margins = PrintMargins(left: 0.9, right: 0.6, top: 0.7, bottom: 0.45)

    private static let plain = CellFormat(fontName: WorkbookStyle.font, fontSize: size, verticalAlignment: .top, wrapText: true)
    private static let bold = CellFormat(fontName: WorkbookStyle.font, fontSize: size, bold: true, verticalAlignment: .top)
    private static let centred = CellFormat(fontName: WorkbookStyle.font, fontSize: size, horizontalAlignment: .center,
                                            verticalAlignment: .top, wrapText: true)
    /// Left-aligned: justified Thai spreads the spaces between phrases too wide.
    private static let paragraph = CellFormat(fontName: WorkbookStyle.font, fontSize: size, verticalAlignment: .top, wrapText: true)
    /// A paragraph's first line starts this far in, as typed letters indent it.
    private static let indent = String(repeating: " ", count: 12)

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: labels.letterSheet)
        sheet.stopMeasuringContent()
        try sheet.setDefaultRowHeight(Self.lineHeight)
        for (column, width) in Self.widths.enumerated() {
            try sheet.setColumnWidth(width, columns: column...column)
        }
        let letter = report.letter.resolved(area: report.area, batchDate: report.batchDate, labels: labels)
        let school = notice.school
        var row = 0
        // The short draft warning: one line, so the letter keeps to its page (every printed
        // page also carries it in its header).
        if report.framework.isProvisional {
            try text(labels.draftHeader, row: row, columns: 0...(Self.columns - 1), format: WorkbookStyle.draftBanner, on: sheet)
            row += 1
        }
        // The number on the left, the office's name and address on the right, side by side.
        let headLines = max(letter.letterhead.count, 1)
        try text(labels.letterNumber(letter.number), row: row, columns: 0...(Self.rightHalf - 1), format: Self.plain, on: sheet)
        for (offset, line) in letter.letterhead.enumerated() {
            try text(line, row: row + offset, columns: Self.rightHalf...(Self.columns - 1), format: Self.plain, on: sheet)
        }
        row += headLines
        try text(letter.date.long(labels.language), row: row, columns: Self.rightHalf...(Self.columns - 1),
                 format: Self.plain, on: sheet)
        row = try space(Self.lineHeight, after: row, on: sheet)
        for (label, value) in [(labels.subjectLabel, labels.letterSubject(report.fiscalYear)),
                               (labels.addresseeLabel, labels.addressee(school)),
                               (labels.enclosureLabel, labels.enclosure)] {
            try sheet.write(label, row: row, column: 0, format: Self.bold)
            try text(value, row: row, columns: 1...(Self.columns - 1), format: Self.plain, on: sheet)
            row += 1
        }
        let programmes = notice.sections.flatMap { section in
            section.programmes.map { report.framework.programme($0.id)?.shortName(labels.language) ?? $0.name }
        }.uniqued()
        let dates = notice.sections.compactMap(\.round.snapshotDate).uniqued().sorted()
        let body = labels.letterBody(area: report.area, school: school, year: report.fiscalYear, programmes: programmes,
                                     rounds: notice.sections.map(\.title), snapshotDates: dates, framework: report.framework)
        for paragraph in [body, labels.letterAmount(notice.total), labels.letterClosing] {
            try text(Self.indent + paragraph, row: row, columns: 0...(Self.columns - 1), format: Self.paragraph, on: sheet)
            row += 1
        }
        let signature = Self.rightHalf...(Self.columns - 1)
        try text(labels.regards, row: row, columns: signature, format: Self.centred, on: sheet)
        // Room for the signature itself.
        row = try space(Self.lineHeight * 1.4, after: row, on: sheet)
        try text("(\(letter.signerName))", row: row, columns: signature, format: Self.centred, on: sheet)
        row += 1
        try text(letter.signerPosition, row: row, columns: signature, format: Self.centred, on: sheet)
        row = try space(Self.lineHeight / 2, after: row, on: sheet)
        for line in letter.contact {
            try text(line, row: row, columns: 0...(Self.rightHalf - 1), format: Self.plain, on: sheet)
            row += 1
        }

        var setup = PrintSetup()
        setup.paper = .a4
        setup.orientation = .portrait
        // The letter is one page at 100%; nothing may shrink it.
        setup.fitToWidth = false
        setup.margins = Self.margins
        setup.printArea = CellRange(firstRow: 0, firstColumn: 0, lastRow: max(row - 1, 0), lastColumn: Self.columns - 1)
        if report.framework.isProvisional { setup.header = "&C&\"\(WorkbookStyle.font),Bold\"&16&KC00000" + labels.draftHeader }
        try sheet.setPrintSetup(setup)
        sheet.hideGridlines()
    }

    /// An empty row `points` tall below `row`; returns the row after it.
    private func space(_ points: Double, after row: Int, on sheet: Worksheet) throws -> Int {
        try sheet.setRowHeight(points, row: row + 1)
        return row + 2
    }

    /// `text` across `columns` of `row`, the row as tall as its wrapped lines.
    private func text(_ text: String, row: Int, columns: ClosedRange<Int>, format: CellFormat, on sheet: Worksheet) throws {
        // Measured in LibreOffice: a line of 78 units holds about 58 clusters of 15-point
        // Sarabun, a few less in bold or in larger type.
        let scale = (format.fontSize ?? Self.size) / Self.size * (format.bold ? 1.1 : 1)
        let perLine = max(Self.widths[columns].reduce(0, +) * 0.74 / scale, 1)
        let lines = max(1, Int((Double(TextWidth.clusterCount(text)) / perLine).rounded(.up)))
        try sheet.setRowHeight(min(409, Double(lines) * Self.lineHeight + 1), row: row)
        try sheet.merge(CellRange(firstRow: row, firstColumn: columns.lowerBound, lastRow: row, lastColumn: columns.upperBound),
                        text: text, format: format)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
