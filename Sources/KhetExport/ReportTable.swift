/// A table of the report as the Mustache table partial renders it: a caption, header cells for
/// columns (and for each row's first cell), numeric cells right-aligned, totals in a footer.
struct ReportTable {
    struct Column {
        var text: String
        var numeric: Bool
    }

    struct Cell {
        var text: String
        var numeric: Bool
        var missing: Bool
        var isRowHeader: Bool

        static func header(_ text: String) -> Cell { Cell(text: text, numeric: false, missing: false, isRowHeader: true) }
        static func text(_ text: String) -> Cell { Cell(text: text, numeric: false, missing: false, isRowHeader: false) }
        static func number(_ text: String) -> Cell { Cell(text: text, numeric: true, missing: false, isRowHeader: false) }
        static func missing(_ text: String) -> Cell { Cell(text: text, numeric: true, missing: true, isRowHeader: false) }
        static func number(_ text: String, missingText: String) -> Cell {
            Cell(text: text, numeric: true, missing: text == missingText, isRowHeader: false)
        }
    }

    struct Row {
        var cells: [Cell]
    }

    var id: String
    var caption: String
    var columns: [Column]
    var rows: [Row]
    var totals: [Row]
    var note: String
    // Stored, not computed: Mustache reads values by reflection, which sees stored properties only.
    var hasTotals: Bool
    var hasNote: Bool

    init(id: String, caption: String, columns: [Column], rows: [Row], totals: [Row] = [], note: String = "") {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.note = note
        hasTotals = !totals.isEmpty
        hasNote = !note.isEmpty
    }
}

/// A chart and the table of its numbers, shown side by side (stacked on paper).
struct ReportFigure {
    var id: String
    var title: String
    /// The SVG from `SVGChart`, already escaped: the one unescaped insert of the report.
    var svg: String
    var table: ReportTable
}
