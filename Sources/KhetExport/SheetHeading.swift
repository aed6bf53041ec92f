import XLSXWriter

/// The top of every sheet: a title, a subtitle, and the draft banner when the framework is
/// provisional, plus the print setup every Khet sheet shares (A4, page numbers, the table's
/// header row repeated, and "draft" in the page header so a printout cannot lose it).
struct SheetHeading {
    let title: String
    let subtitle: String
    let isDraft: Bool
    let labels: Labels

    /// Writes the heading across `columns` columns and returns the row where the table's header
    /// goes (the row repeated on every printed page).
    func write(on sheet: Worksheet, columns: Int, orientation: Orientation) throws -> Int {
        var row = 0
        if isDraft {
            try sheet.merge(CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: max(columns - 1, 0)),
                            text: labels.draftBanner, format: WorkbookStyle.draftBanner)
            try sheet.setRowHeight(26, row: row)
            row += 1
        }
        try sheet.write(title, row: row, column: 0, format: WorkbookStyle.title)
        try sheet.write(subtitle, row: row + 1, column: 0, format: WorkbookStyle.subtitle)
        let headerRow = row + 3
        var setup = PrintSetup()
        setup.paper = .a4
        setup.orientation = orientation
        setup.fitToWidth = true
        setup.repeatRows = headerRow...headerRow
        setup.footer = "&C" + labels.pageFooter()
        if isDraft { setup.header = "&C" + labels.draftHeader }
        try sheet.setPrintSetup(setup)
        return headerRow
    }
}
