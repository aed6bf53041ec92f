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

    /// Writes the heading across `columns` columns and returns the first free row. The table's
    /// header row, repeated on every printed page, is `tableHeaderOffset` rows below it.
    /// `pagesTall` 0 prints as many pages as the table needs; 1 fits a notice on one page.
    /// `bannerWidth`, the width of the sheet's columns together, wraps the draft banner onto as
    /// many lines as it needs: a narrow portrait page must not cut the warning off.
    func write(on sheet: Worksheet, columns: Int, orientation: Orientation, tableHeaderOffset: Int = 0,
               pagesTall: Int = 0, bannerWidth: Double? = nil) throws -> Int {
        try sheet.setDefaultRowHeight(WorkbookStyle.rowHeight)
        var row = 0
        if isDraft {
            var format = WorkbookStyle.draftBanner
            var height = 28.0
            if let bannerWidth {
                // Bold 16-point text takes about 1.25 units of 14-point width per character.
                let lines = WorkbookStyle.wrappedRowHeight(clusters: labels.draftBanner.count, width: bannerWidth / 1.25)
                    / WorkbookStyle.rowHeight
                height = 24 * lines + 4
                format.wrapText = true
                format.verticalAlignment = .center
            }
            try sheet.setRowHeight(height, row: row)
            try sheet.merge(CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: max(columns - 1, 0)),
                            text: labels.draftBanner, format: format)
            row += 1
        }
        try sheet.setRowHeight(30, row: row)
        try sheet.write(title, row: row, column: 0, format: WorkbookStyle.title)
        try sheet.write(subtitle, row: row + 1, column: 0, format: WorkbookStyle.subtitle)
        let firstFree = row + 3
        var setup = PrintSetup()
        setup.paper = .a4
        setup.orientation = orientation
        setup.fitToWidth = true
        setup.fitToHeight = pagesTall
        let headerRow = firstFree + tableHeaderOffset
        setup.repeatRows = headerRow...headerRow
        setup.footer = "&L&A&R" + labels.pageFooter()
        if isDraft { setup.header = "&C&\"\(WorkbookStyle.font),Bold\"&16&KC00000" + labels.draftHeader }
        try sheet.setPrintSetup(setup)
        return firstFree
    }

    /// The table's header row: bold on a tinted background, tall enough for two lines.
    func writeTableHeader(_ titles: [String], row: Int, on sheet: Worksheet) throws {
        try sheet.setRowHeight(WorkbookStyle.rowHeight * 2 + 4, row: row)
        for (column, text) in titles.enumerated() {
            try sheet.write(text, row: row, column: column, format: WorkbookStyle.header)
        }
    }
}
