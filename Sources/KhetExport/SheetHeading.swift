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
    func write(on sheet: Worksheet, columns: Int, orientation: Orientation, tableHeaderOffset: Int = 0) throws -> Int {
        try sheet.setDefaultRowHeight(WorkbookStyle.rowHeight)
        var row = 0
        if isDraft {
            try sheet.setRowHeight(28, row: row)
            try sheet.merge(CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: max(columns - 1, 0)),
                            text: labels.draftBanner, format: WorkbookStyle.draftBanner)
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
