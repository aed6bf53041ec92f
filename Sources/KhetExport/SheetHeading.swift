import XLSXWriter

/// The top of every sheet: a title, a subtitle, and the draft banner when the framework is
/// provisional, plus what every Khet sheet shares: rows tall enough for Thai at 14 points, and
/// the print setup (A4, the table's header row repeated, the sheet name and page numbers in the
/// footer, and "draft" in red in the page header so no printed page can lose it).
struct SheetHeading {
    let title: String
    let subtitle: String
    let isDraft: Bool
    let labels: Labels

    /// How the sheet is scaled on paper.
    enum Scale {
        /// One page wide while that prints at `minimumPercent` or more; a wider sheet turns to
        /// landscape, or prints at `PrintSetup.overflowScale` over more pages across.
        case legibleFit
        /// 100%, never shrunk: a notice's table, within the letter's margins.
        case actualSize(margins: PrintMargins)
    }

    /// No sheet prints smaller than this: below it TH Sarabun at 14 points is hard to read.
    static let minimumPercent = 75

    /// Writes the heading across `columns` columns and returns the first free row. The table's
    /// header row, repeated on every printed page, is `tableHeaderOffset` rows below it;
    /// `repeatColumns` are repeated on the left of every page of a sheet too wide for one.
    /// `bannerWidth`, the width of the sheet's columns together, wraps the draft banner onto as
    /// many lines as it needs: a narrow portrait page must not cut the warning off.
    func write(on sheet: Worksheet, columns: Int, orientation: Orientation, tableHeaderOffset: Int = 0,
               scale: Scale = .legibleFit, repeatColumns: ClosedRange<Int>? = nil, bannerWidth: Double? = nil) throws -> Int {
        try sheet.setDefaultRowHeight(WorkbookStyle.rowHeight)
        var row = 0
        if isDraft {
            var format = WorkbookStyle.draftBanner
            var height = WorkbookStyle.lineHeight(16) + 4
            if let bannerWidth {
                // Bold 16-point text is about 1.25 times as wide as regular 14-point text.
                let lines = TextWidth.wrappedLines(labels.draftBanner, width: bannerWidth, scale: 1.25)
                height = min(409, WorkbookStyle.lineHeight(16) * Double(lines) + 4)
                format.wrapText = true
                format.verticalAlignment = .center
            }
            try sheet.setRowHeight(height, row: row)
            try sheet.merge(CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: max(columns - 1, 0)),
                            text: labels.draftBanner, format: format)
            row += 1
        }
        try sheet.setRowHeight(WorkbookStyle.lineHeight(18) + 2, row: row)
        try sheet.write(title, row: row, column: 0, format: WorkbookStyle.title)
        try sheet.write(subtitle, row: row + 1, column: 0, format: WorkbookStyle.subtitle)
        let firstFree = row + 3
        var setup = PrintSetup()
        setup.paper = .a4
        setup.orientation = orientation
        switch scale {
        case .legibleFit:
            setup.fitToWidth = true
            setup.fitToHeight = 0
            setup.minimumFitScale = Self.minimumPercent
        case .actualSize(let margins):
            setup.fitToWidth = false
            setup.margins = margins
        }
        setup.repeatColumns = repeatColumns
        let headerRow = firstFree + tableHeaderOffset
        setup.repeatRows = headerRow...headerRow
        setup.footer = "&L&A&R" + labels.pageFooter()
        if isDraft { setup.header = "&C&\"\(WorkbookStyle.font),Bold\"&16&KC00000" + labels.draftHeader }
        try sheet.setPrintSetup(setup)
        return firstFree
    }

    /// The table's header row: bold on a tinted background, as tall as its longest title wraps
    /// in its column (known at close, when fitted columns have their widths), so no title is cut.
    func writeTableHeader(_ titles: [String], row: Int, on sheet: Worksheet) throws {
        // Bold Thai runs about a tenth wider than regular.
        try sheet.fitRowHeight(row, texts: titles.enumerated().map { ($0.offset, $0.element, 1.1) },
                               lineHeight: WorkbookStyle.rowHeight)
        for (column, text) in titles.enumerated() {
            try sheet.write(text, row: row, column: column, format: WorkbookStyle.header)
        }
    }
}
