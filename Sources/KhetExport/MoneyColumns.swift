import KhetCore
import XLSXWriter

/// A block of money columns followed by a row-total column, as the summary tables have: each
/// row's amounts with a SUM of them, and at the bottom a SUM of each column, every formula with
/// its value cached. It keeps the column totals as it goes, so the cached values are exact.
struct MoneyColumns {
    let firstColumn: Int
    let count: Int
    private(set) var totals: [Money]

    init(firstColumn: Int, count: Int) {
        self.firstColumn = firstColumn
        self.count = count
        totals = Array(repeating: .zero, count: count + 1)
    }

    var totalColumn: Int { firstColumn + count }

    /// Writes `amounts` (one per column) and their sum.
    mutating func writeRow(_ amounts: [Money], row: Int, on sheet: Worksheet) throws {
        var rowTotal = Money.zero
        for (index, amount) in amounts.prefix(count).enumerated() {
            rowTotal += amount
            totals[index] += amount
            try sheet.write(amount.cellValue, row: row, column: firstColumn + index, format: WorkbookStyle.money)
        }
        totals[count] += rowTotal
        try sheet.writeFormula(TableFormula.rowSum(row: row, from: firstColumn, to: totalColumn - 1),
                               cached: rowTotal.cellValue, row: row, column: totalColumn, format: WorkbookStyle.money)
    }

    /// Writes the column sums of rows `first...last` into `row`.
    func writeTotals(row: Int, first: Int, last: Int, on sheet: Worksheet) throws {
        for index in 0...count {
            let column = firstColumn + index
            try sheet.writeFormula(TableFormula.columnSum(column: column, from: first, to: last),
                                   cached: totals[index].cellValue, row: row, column: column, format: WorkbookStyle.totalMoney)
        }
    }
}
