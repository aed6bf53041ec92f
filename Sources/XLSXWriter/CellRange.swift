/// A rectangle of cells, inclusive at both ends, 0-based.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// A single cell as a range.
    public init(row: Int, column: Int) {
        self.init(firstRow: row, firstColumn: column, lastRow: row, lastColumn: column)
    }

    /// "A1:D10"; a single cell is just "A1", as Excel writes it.
    public var a1: String { reference(absolute: false) }

    /// "$A$1:$D$10", for defined names and print areas that must not shift.
    public var absoluteA1: String { reference(absolute: true) }

    public var description: String { a1 }

    public var rowCount: Int { lastRow - firstRow + 1 }
    public var columnCount: Int { lastColumn - firstColumn + 1 }

    public func contains(row: Int, column: Int) -> Bool {
        // Comparisons, not ClosedRange: an inverted range must answer false, not trap.
        firstRow <= row && row <= lastRow && firstColumn <= column && column <= lastColumn
    }

    /// True when the two rectangles share at least one cell.
    public func overlaps(_ other: CellRange) -> Bool {
        firstRow <= other.lastRow && other.firstRow <= lastRow
            && firstColumn <= other.lastColumn && other.firstColumn <= lastColumn
    }

    private func reference(absolute: Bool) -> String {
        let first = CellReference.a1(row: firstRow, column: firstColumn, absolute: absolute)
        if firstRow == lastRow && firstColumn == lastColumn { return first }
        return first + ":" + CellReference.a1(row: lastRow, column: lastColumn, absolute: absolute)
    }

    /// Both corners on the grid and in order; checked before any range reaches the library.
    func validate() throws {
        try CellReference.validate(row: firstRow, column: firstColumn)
        try CellReference.validate(row: lastRow, column: lastColumn)
        guard firstRow <= lastRow, firstColumn <= lastColumn else {
            throw XLSXError.invalidRange(a1)
        }
    }
}
