/// A1-style names for 0-based rows and columns, as used in formulas and defined names.
public enum CellReference {
    /// Excel's grid: 1,048,576 rows by 16,384 columns (A...XFD).
    public static let rowCount = 1_048_576
    public static let columnCount = 16_384

    /// "B3" for (2, 1), or "$B$3" when `absolute`. Negative positions give "" rather than crash.
    public static func a1(row: Int, column: Int, absolute: Bool = false) -> String {
        guard row >= 0, column >= 0 else { return "" }
        let dollar = absolute ? "$" : ""
        return dollar + columnName(column) + dollar + String(row + 1)
    }

    /// 0 -> "A", 25 -> "Z", 26 -> "AA", 16383 -> "XFD"; "" for a negative column.
    public static func columnName(_ column: Int) -> String {
        guard column >= 0 else { return "" }
        // Bijective base 26: there is no zero digit, so subtract one at every step.
        var remaining = column + 1
        var letters: [Character] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }

    /// Whether (row, column) lies on Excel's grid.
    public static func isValid(row: Int, column: Int) -> Bool {
        (0..<rowCount).contains(row) && (0..<columnCount).contains(column)
    }

    static func validate(row: Int, column: Int) throws {
        guard isValid(row: row, column: column) else {
            throw XLSXError.invalidCell(row: row, column: column)
        }
    }
}
