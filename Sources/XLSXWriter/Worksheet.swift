import CXlsxWriter

/// One sheet of a `Workbook`. Rows and columns are 0-based.
///
/// Every call checks its cells and values first, then the library's status; once the workbook is
/// closed or released, calls throw `.workbookClosed` (or, for the non-throwing ones, do nothing).
public final class Worksheet {
    public let name: String
    private let handle: WorkbookHandle
    private let sheet: UnsafeMutablePointer<lxw_worksheet>
    private var widths = ColumnWidthTracker()
    /// Numbers alone, every column: a number cannot wrap, and one wider than its column prints
    /// as ###, so at close a column of explicit width widens to its widest number.
    private var numberWidths = ColumnWidthTracker()
    private var fitting: (minimum: Double, maximum: Double)?
    private var measuresContent = true
    private var explicitWidthColumns: [ClosedRange<Int>] = []
    /// By column: true when an explicit width is set, so measuring its cells would be wasted.
    private var isExplicitWidth: [Bool] = []
    private var lastTextWidth: [(text: String, width: Int)?] = []
    private var merges: [CellRange] = []
    /// By column: true when some merge covers it, so only those cells look through `merges`.
    private var mergedColumns: [Bool] = []
    /// By column: the format its last cell used. Columns keep one format row after row, and one
    /// comparison is cheaper than the workbook's format cache.
    private var lastFormats: [FormatEntry?] = []
    private let constantMemory: Bool
    /// Explicit column widths by column, for the print-scale decision at close.
    private var explicitWidths: [Int: Double] = [:]
    /// The rightmost column written to, -1 for none.
    private var lastColumn = -1
    /// A legible fit to width to decide at close (`PrintSetup.minimumFitScale`).
    private var pendingScaleDecision: PrintSetup?
    /// Rows whose height follows their wrapped texts once column widths are final.
    private var fittedRows: [(row: Int, texts: [(column: Int, text: String, scale: Double)], lineHeight: Double)] = []
    /// Constant-memory mode only: the row the library is currently streaming.
    private var streamingRow: Int?

    init(name: String, handle: WorkbookHandle, sheet: UnsafeMutablePointer<lxw_worksheet>) {
        self.name = name
        self.handle = handle
        self.sheet = sheet
        self.constantMemory = handle.constantMemory
    }

    // MARK: Cells

    public func write(_ text: String, row: Int, column: Int, format: CellFormat? = nil) throws {
        let entry = try prepareCell(row: row, column: column, format: format)
        let code = text.withCString { worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), $0, entry?.pointer) }
        try finishCell(code, "worksheet_write_string", row: row, column: column)
        if isMeasured(row: row, column: column) {
            widths.record(column: column, characters: textWidth(text, column: column), scale: entry?.widthScale ?? 1)
        }
    }

    public func write(_ number: Double, row: Int, column: Int, format: CellFormat? = nil) throws {
        try checkFinite(number, row: row, column: column)
        let entry = try prepareCell(row: row, column: column, format: format)
        let code = worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, entry?.pointer)
        try finishCell(code, "worksheet_write_number", row: row, column: column)
        measureNumber(number, row: row, column: column, entry: entry)
    }

    /// Exact decimals: the cell receives the double nearest to the decimal value.
    public func write(_ value: FixedDecimal, row: Int, column: Int, format: CellFormat? = nil) throws {
        try write(value.doubleValue, row: row, column: column, format: format)
    }

    /// Stored as a double, as Excel stores every number: exact up to 2^53.
    public func write(_ integer: Int, row: Int, column: Int, format: CellFormat? = nil) throws {
        try write(Double(integer), row: row, column: column, format: format)
    }

    /// An empty cell that still carries a format (borders, fill); the library ignores format-less blanks.
    public func writeBlank(row: Int, column: Int, format: CellFormat) throws {
        let entry = try prepareCell(row: row, column: column, format: format)
        let code = worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), entry?.pointer)
        try finishCell(code, "worksheet_write_blank", row: row, column: column)
    }

    /// A formula with its computed value cached, so viewers that do not recalculate show it.
    public func writeFormula(
        _ formula: String, cached: FixedDecimal, row: Int, column: Int, format: CellFormat? = nil
    ) throws {
        try writeFormula(formula, cached: cached.doubleValue, row: row, column: column, format: format)
    }

    public func writeFormula(
        _ formula: String, cached: Double, row: Int, column: Int, format: CellFormat? = nil
    ) throws {
        try checkFinite(cached, row: row, column: column)
        let entry = try prepareCell(row: row, column: column, format: format)
        let code = formula.withCString {
            worksheet_write_formula_num(sheet, lxw_row_t(row), lxw_col_t(column), $0, entry?.pointer, cached)
        }
        try finishCell(code, "worksheet_write_formula_num", row: row, column: column)
        measureNumber(cached, row: row, column: column, entry: entry)
    }

    public func writeFormula(
        _ formula: String, cachedText: String, row: Int, column: Int, format: CellFormat? = nil
    ) throws {
        let entry = try prepareCell(row: row, column: column, format: format)
        let code = formula.withCString { formula in
            cachedText.withCString { text in
                worksheet_write_formula_str(sheet, lxw_row_t(row), lxw_col_t(column), formula, entry?.pointer, text)
            }
        }
        try finishCell(code, "worksheet_write_formula_str", row: row, column: column)
        if isMeasured(row: row, column: column) {
            widths.record(column: column, characters: DisplayText.characterCount(cachedText),
                          scale: entry?.widthScale ?? 1)
        }
    }

    /// Merges `range` and writes `text` into it. Merged text does not count toward fitted widths.
    /// A one-cell range is simply written: the library refuses to merge a single cell.
    public func merge(_ range: CellRange, text: String, format: CellFormat? = nil) throws {
        _ = try handle.open()
        try range.validate()
        if let existing = merges.first(where: { $0.overlaps(range) }) {
            throw XLSXError.overlappingMerge(range.a1, existing: existing.a1)
        }
        try checkStreamingOrder(row: range.firstRow)
        let cFormat = try format.map { try handle.format(for: $0) }
        if range.rowCount == 1 && range.columnCount == 1 {
            try checkLibrary(
                worksheet_write_string(sheet, row(range.firstRow), column(range.firstColumn), text, cFormat),
                "worksheet_write_string at \(location(range.firstRow, range.firstColumn))")
        } else {
            try checkLibrary(
                worksheet_merge_range(sheet, row(range.firstRow), column(range.firstColumn),
                                      row(range.lastRow), column(range.lastColumn), text, cFormat),
                "worksheet_merge_range at \(quotedName)!\(range.a1)")
            merges.append(range)
            lastColumn = max(lastColumn, range.lastColumn)
            if mergedColumns.count <= range.lastColumn {
                mergedColumns += Array(repeating: false, count: range.lastColumn + 1 - mergedColumns.count)
            }
            for column in range.firstColumn...range.lastColumn { mergedColumns[column] = true }
        }
        // The library writes every row of the merge, so streaming continues from its last row.
        advanceStreaming(to: range.lastRow)
    }

    // MARK: Layout

    /// An explicit width (in characters) wins over fitting for these columns.
    public func setColumnWidth(_ width: Double, columns: ClosedRange<Int>) throws {
        _ = try handle.open()
        try CellReference.validate(row: 0, column: columns.lowerBound)
        try CellReference.validate(row: 0, column: columns.upperBound)
        guard width.isFinite, (0...ColumnWidthTracker.excelMaximum).contains(width) else {
            throw XLSXError.invalidArgument(String(width), reason: "column width must be between 0 and 255")
        }
        try checkLibrary(
            worksheet_set_column(sheet, column(columns.lowerBound), column(columns.upperBound), width, nil),
            "worksheet_set_column on \(quotedName)")
        explicitWidthColumns.append(columns)
        for column in columns { explicitWidths[column] = width }
        if isExplicitWidth.count <= columns.upperBound {
            isExplicitWidth += Array(repeating: false, count: columns.upperBound + 1 - isExplicitWidth.count)
        }
        for column in columns { isExplicitWidth[column] = true }
    }

    /// Size columns from what was written (before or after this call); applied at close.
    /// Text counts grapheme clusters, longest line; numbers their displayed form; plus padding,
    /// scaled for larger fonts and clamped to `minimum...maximum`.
    public func fitColumnsToContent(minimum: Double = 6, maximum: Double = 60) {
        let safeMinimum = minimum.isFinite ? max(0, minimum) : 6
        let safeMaximum = maximum.isFinite ? max(safeMinimum, maximum) : 60
        fitting = (safeMinimum, safeMaximum)
    }

    /// Stops measuring cells for `fitColumnsToContent`. For sheets whose every column has an
    /// explicit width and that are written by the thousand (school notices): measuring each
    /// cell's displayed text is then wasted work.
    public func stopMeasuringContent() {
        measuresContent = false
    }

    public func setRowHeight(_ height: Double, row: Int) throws {
        _ = try handle.open()
        try CellReference.validate(row: row, column: 0)
        guard height.isFinite, (0...409).contains(height) else {
            throw XLSXError.invalidArgument(String(height), reason: "row height must be between 0 and 409 points")
        }
        try checkStreamingOrder(row: row)
        try checkLibrary(worksheet_set_row(sheet, self.row(row), height, nil),
                         "worksheet_set_row at \(quotedName) row \(row + 1)")
        advanceStreaming(to: row)
    }

    /// The height of every row without a height of its own. Fonts larger than the default
    /// (Thai fonts at 14 points and their tone marks) need taller rows than Excel's 15 points.
    public func setDefaultRowHeight(_ height: Double) throws {
        _ = try handle.open()
        guard height.isFinite, (0...409).contains(height) else {
            throw XLSXError.invalidArgument(String(height), reason: "row height must be between 0 and 409 points")
        }
        worksheet_set_default_row(sheet, height, 0)
    }

    /// Freezes the rows above `row` and the columns left of `column`; (1, 0) keeps a header row.
    public func freezePanes(row: Int, column: Int) throws {
        _ = try handle.open()
        try CellReference.validate(row: row, column: column)
        worksheet_freeze_panes(sheet, self.row(row), self.column(column))
    }

    public func autofilter(_ range: CellRange) throws {
        _ = try handle.open()
        try range.validate()
        try checkLibrary(
            worksheet_autofilter(sheet, row(range.firstRow), column(range.firstColumn),
                                 row(range.lastRow), column(range.lastColumn)),
            "worksheet_autofilter at \(quotedName)!\(range.a1)")
    }

    public func setPrintSetup(_ setup: PrintSetup) throws {
        _ = try handle.open()
        // Check everything first so a bad value leaves the sheet's setup untouched.
        if let rows = setup.repeatRows {
            try CellReference.validate(row: rows.lowerBound, column: 0)
            try CellReference.validate(row: rows.upperBound, column: 0)
        }
        try setup.printArea?.validate()
        if let margins = setup.margins {
            for value in [margins.left, margins.right, margins.top, margins.bottom]
            where !(value.isFinite && value >= 0) {
                throw XLSXError.invalidArgument(String(value), reason: "margins are inches, 0 or more")
            }
        }

        worksheet_set_paper(sheet, setup.paper.rawValue)
        switch setup.orientation {
        case .portrait: worksheet_set_portrait(sheet)
        case .landscape: worksheet_set_landscape(sheet)
        }
        if setup.fitToWidth && setup.minimumFitScale != nil {
            // Decided at close, once the columns' widths are known.
            pendingScaleDecision = setup
        } else if setup.fitToWidth {
            // Height 0 means "as many pages as needed".
            worksheet_fit_to_pages(sheet, 1, UInt16(clamping: max(0, setup.fitToHeight)))
        } else if let scale = setup.scale {
            worksheet_set_print_scale(sheet, UInt16(clamping: min(max(scale, 10), 400)))
        }
        if let columns = setup.repeatColumns {
            try CellReference.validate(row: 0, column: columns.upperBound)
            try checkLibrary(worksheet_repeat_columns(sheet, column(columns.lowerBound), column(columns.upperBound)),
                             "worksheet_repeat_columns on \(quotedName)")
        }
        if let rows = setup.repeatRows {
            try checkLibrary(worksheet_repeat_rows(sheet, row(rows.lowerBound), row(rows.upperBound)),
                             "worksheet_repeat_rows on \(quotedName)")
        }
        if let header = setup.header {
            try checkLibrary(worksheet_set_header(sheet, header), "worksheet_set_header on \(quotedName)")
        }
        if let footer = setup.footer {
            try checkLibrary(worksheet_set_footer(sheet, footer), "worksheet_set_footer on \(quotedName)")
        }
        if setup.centerHorizontally {
            worksheet_center_horizontally(sheet)
        }
        if let margins = setup.margins {
            worksheet_set_margins(sheet, margins.left, margins.right, margins.top, margins.bottom)
        }
        if let area = setup.printArea {
            try checkLibrary(
                worksheet_print_area(sheet, row(area.firstRow), column(area.firstColumn),
                                     row(area.lastRow), column(area.lastColumn)),
                "worksheet_print_area on \(quotedName)")
        }
    }

    /// Adds a conditional format over `range`. Rules apply in the order they are added.
    public func addConditionalFormat(_ conditional: ConditionalFormat, range: CellRange) throws {
        _ = try handle.open()
        try range.validate()
        try conditional.validate()
        let cFormat = try handle.format(for: conditional.format)
        var options = lxw_conditional_format()
        options.format = cFormat
        options.stop_if_true = conditional.stopIfTrue ? 1 : 0
        // The library copies every string it is given, so these need live only for the call.
        var text: String?
        switch conditional.rule {
        case .cell(let comparison, let value):
            options.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            options.criteria = UInt8(comparison.criteria.rawValue)
            options.value = value.doubleValue
        case .between(let minimum, let maximum):
            options.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            options.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_BETWEEN.rawValue)
            options.min_value = minimum.doubleValue
            options.max_value = maximum.doubleValue
        case .textContaining(let value):
            options.type = UInt8(LXW_CONDITIONAL_TYPE_TEXT.rawValue)
            options.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING.rawValue)
            text = value
        case .formula(let formula):
            options.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            text = formula
        case .blank:
            options.type = UInt8(LXW_CONDITIONAL_TYPE_BLANKS.rawValue)
        }
        let operation = "worksheet_conditional_format_range at \(quotedName)!\(range.a1)"
        let first = (row(range.firstRow), column(range.firstColumn))
        let last = (row(range.lastRow), column(range.lastColumn))
        if let text {
            try text.withCString { pointer in
                options.value_string = UnsafeMutablePointer(mutating: pointer)
                try checkLibrary(worksheet_conditional_format_range(sheet, first.0, first.1, last.0, last.1, &options), operation)
            }
        } else {
            try checkLibrary(worksheet_conditional_format_range(sheet, first.0, first.1, last.0, last.1, &options), operation)
        }
    }

    /// Hides gridlines on screen and/or on paper. Does nothing once the workbook is closed.
    public func hideGridlines(onScreen: Bool = true, inPrint: Bool = true) {
        guard handle.isOpen else { return }
        let option: lxw_gridlines
        switch (onScreen, inPrint) {
        case (true, true): option = LXW_HIDE_ALL_GRIDLINES
        case (true, false): option = LXW_SHOW_PRINT_GRIDLINES
        case (false, true): option = LXW_SHOW_SCREEN_GRIDLINES
        case (false, false): option = LXW_SHOW_ALL_GRIDLINES
        }
        worksheet_gridlines(sheet, UInt8(option.rawValue))
    }

    // MARK: Internals

    /// Makes `row` as tall as the most lines any of `texts` wraps onto in its column, once the
    /// columns' widths are final (at close): `lineHeight` points a line plus a little room.
    /// `scale` is the text's width against regular text of the sheet's body size (bold counts a
    /// tenth wider). In constant-memory mode rows cannot be revisited, so the row gets two lines
    /// at once.
    public func fitRowHeight(_ row: Int, texts: [(column: Int, text: String, scale: Double)], lineHeight: Double) throws {
        _ = try handle.open()
        try CellReference.validate(row: row, column: 0)
        guard lineHeight.isFinite, lineHeight > 0 else {
            throw XLSXError.invalidArgument(String(lineHeight), reason: "line height must be positive")
        }
        if constantMemory {
            try setRowHeight(min(409, lineHeight * 2 + 4), row: row)
        } else {
            fittedRows.append((row, texts, lineHeight))
        }
    }

    /// Called by `Workbook.close()` before the library writes the file: fitted widths, then the
    /// heights and the print scale that depend on them.
    func applyFittedColumnWidths() throws {
        var finalWidths = explicitWidths
        if let fitting {
            for (column, width) in widths.fittedWidths(minimum: fitting.minimum, maximum: fitting.maximum)
            where !explicitWidthColumns.contains(where: { $0.contains(column) }) {
                try checkLibrary(worksheet_set_column(sheet, self.column(column), self.column(column), width, nil),
                                 "worksheet_set_column on \(quotedName)")
                finalWidths[column] = width
            }
        }
        var widened = Set<Int>()
        for (column, needed) in numberWidths.fittedWidths(minimum: 0, maximum: ColumnWidthTracker.excelMaximum) {
            guard let explicit = finalWidths[column], needed > explicit else { continue }
            finalWidths[column] = needed
            widened.insert(column)
        }
        // The library keeps one width per range set, keyed by its first column: a range holding
        // a widened column is set again column by column, or its other columns would lose theirs.
        for range in explicitWidthColumns where range.contains(where: widened.contains) {
            for column in range {
                try checkLibrary(worksheet_set_column(sheet, self.column(column), self.column(column),
                                                      finalWidths[column] ?? PrintScaleDecision.defaultColumnWidth, nil),
                                 "worksheet_set_column on \(quotedName)")
            }
        }
        let width = { (column: Int) in finalWidths[column] ?? PrintScaleDecision.defaultColumnWidth }
        for fitted in fittedRows {
            let lines = fitted.texts.map { TextWidth.wrappedLines($0.text, width: width($0.column), scale: $0.scale) }.max() ?? 1
            try checkLibrary(worksheet_set_row(sheet, self.row(fitted.row), min(409, Double(lines) * fitted.lineHeight + 4), nil),
                             "worksheet_set_row at \(quotedName) row \(fitted.row + 1)")
        }
        if let setup = pendingScaleDecision {
            let decision = PrintScaleDecision(setup: setup, columnWidths: (0...max(lastColumn, 0)).map(width))
            switch decision.orientation {
            case .portrait: worksheet_set_portrait(sheet)
            case .landscape: worksheet_set_landscape(sheet)
            }
            if let percent = decision.fixedScale {
                worksheet_set_print_scale(sheet, UInt16(clamping: min(max(percent, 10), 400)))
            } else {
                worksheet_fit_to_pages(sheet, 1, UInt16(clamping: max(0, setup.fitToHeight)))
            }
        }
    }

    /// The content width recorded for a column, in characters before padding (for tests).
    func recordedWidth(column: Int) -> Double? {
        widths.recordedWidth(column: column)
    }

    /// The checks before every cell write: open workbook, cell on the grid, streaming order;
    /// then the cell's library format (nil for none).
    @inline(__always)
    private func prepareCell(row: Int, column: Int, format: CellFormat?) throws -> FormatEntry? {
        guard handle.isOpen else { throw XLSXError.workbookClosed }
        try CellReference.validate(row: row, column: column)
        if constantMemory { try checkStreamingOrder(row: row) }
        if column > lastColumn { lastColumn = column }
        guard let format else { return nil }
        if column < lastFormats.count, let last = lastFormats[column], last.format == format { return last }
        let entry = try handle.formatEntry(for: format)
        if column >= lastFormats.count {
            lastFormats += Array(repeating: nil, count: column + 1 - lastFormats.count)
        }
        lastFormats[column] = entry
        return entry
    }

    /// The library's status, then streaming bookkeeping. The message is built only on failure.
    @inline(__always)
    private func finishCell(_ code: lxw_error, _ operation: StaticString, row: Int, column: Int) throws {
        if code != LXW_NO_ERROR {
            throw libraryError(code, "\(operation) at \(location(row, column))")
        }
        if constantMemory { advanceStreaming(to: row) }
    }

    /// Whether a written cell counts toward fitted widths: measuring costs more than writing, so
    /// not for sheets that stopped measuring, columns with explicit widths, or merged cells.
    @inline(__always)
    private func isMeasured(row: Int, column: Int) -> Bool {
        guard measuresContent, !hasExplicitWidth(column) else { return false }
        return !isMerged(row: row, column: column)
    }

    @inline(__always)
    private func hasExplicitWidth(_ column: Int) -> Bool { column < isExplicitWidth.count && isExplicitWidth[column] }

    /// Only columns some merge covers look through `merges`.
    @inline(__always)
    private func isMerged(row: Int, column: Int) -> Bool {
        column < mergedColumns.count && mergedColumns[column] && merges.contains(where: { $0.contains(row: row, column: column) })
    }

    /// A number counts toward the width its column needs so it does not print as ###, and toward
    /// the column's fitted width unless the column has an explicit one (set before or after).
    @inline(__always)
    private func measureNumber(_ value: Double, row: Int, column: Int, entry: FormatEntry?) {
        guard measuresContent, !isMerged(row: row, column: column) else { return }
        let characters = entry?.widthPlan.characterCount(value) ?? Self.generalWidth.characterCount(value)
        let scale = entry?.widthScale ?? 1
        numberWidths.record(column: column, characters: characters, scale: scale)
        if !hasExplicitWidth(column) { widths.record(column: column, characters: characters, scale: scale) }
    }

    private static let generalWidth = NumberWidthPlan(numberFormat: nil)

    /// ASCII, Thai and common punctuation are counted directly. Counting other text by grapheme clusters is slow
    /// and a column often repeats the text of the row above, so the last such text of each
    /// column is remembered.
    private func textWidth(_ text: String, column: Int) -> Int {
        if let width = TextWidth.counts(text)?.longestLine { return width }
        if column < lastTextWidth.count, let last = lastTextWidth[column], last.text == text { return last.width }
        let width = DisplayText.clusterCount(text)
        if column >= lastTextWidth.count {
            lastTextWidth += Array(repeating: nil, count: column + 1 - lastTextWidth.count)
        }
        lastTextWidth[column] = (text, width)
        return width
    }

    private func checkFinite(_ value: Double, row: Int, column: Int) throws {
        guard value.isFinite else { throw XLSXError.nonFiniteNumber(row: row, column: column) }
    }

    /// In constant-memory mode the library has already flushed earlier rows to disk and would
    /// reject (or, in older versions, silently drop) a write there; say so clearly instead.
    private func checkStreamingOrder(row: Int) throws {
        guard handle.constantMemory, let current = streamingRow, row < current else { return }
        throw XLSXError.rowOutOfOrder(sheet: name, row: row, currentRow: current)
    }

    private func advanceStreaming(to row: Int) {
        guard handle.constantMemory else { return }
        streamingRow = max(streamingRow ?? row, row)
    }

    private var quotedName: String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private func location(_ row: Int, _ column: Int) -> String {
        quotedName + "!" + CellReference.a1(row: row, column: column)
    }

    // Only ever called after CellReference.validate, so the narrowing cannot trap.
    private func row(_ value: Int) -> lxw_row_t { lxw_row_t(value) }
    private func column(_ value: Int) -> lxw_col_t { lxw_col_t(value) }
}
