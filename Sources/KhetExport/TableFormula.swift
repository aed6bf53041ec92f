import XLSXWriter

/// The few formulas Khet's tables use, written one way everywhere.
enum TableFormula {
    /// `=SUM(E6:I6)`
    static func rowSum(row: Int, from first: Int, to last: Int) -> String {
        guard last >= first else { return "=0" }
        return "=SUM(\(CellReference.a1(row: row, column: first)):\(CellReference.a1(row: row, column: last)))"
    }

    /// `=SUM(J6:J205)`, or `=0` for an empty table.
    static func columnSum(column: Int, from first: Int, to last: Int) -> String {
        guard last >= first else { return "=0" }
        return "=SUM(\(CellReference.a1(row: first, column: column)):\(CellReference.a1(row: last, column: column)))"
    }

    /// `=G6*H6`
    static func product(row: Int, _ left: Int, _ right: Int) -> String {
        "=\(CellReference.a1(row: row, column: left))*\(CellReference.a1(row: row, column: right))"
    }
}
