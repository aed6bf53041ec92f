/// A1-style names for 0-based rows and columns, as used in formulas and defined names.
public enum CellReference {
    /// Excel's grid: 1,048,576 rows by 16,384 columns (A...XFD).
    public static let rowCount = 1_048_576
    public static let columnCount = 16_384

    /// "B3" for (2, 1), or "$B$3" when `absolute`. Negative positions give "" rather than crash.
    /// Written byte by byte: formulas name cells by the hundred thousand in a national run.
    public static func a1(row: Int, column: Int, absolute: Bool = false) -> String {
        guard row >= 0, column >= 0 else { return "" }
        let rowNumber = row + 1
        let letters = letterCount(column)
        let digits = decimalDigits(rowNumber)
        let length = letters + digits + (absolute ? 2 : 0)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var index = 0
            if absolute { buffer[index] = UInt8(ascii: "$"); index += 1 }
            writeLetters(column, count: letters, into: buffer, at: index)
            index += letters
            if absolute { buffer[index] = UInt8(ascii: "$"); index += 1 }
            var rest = rowNumber
            for position in stride(from: index + digits - 1, through: index, by: -1) {
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            return length
        }
    }

    /// 0 -> "A", 25 -> "Z", 26 -> "AA", 16383 -> "XFD"; "" for a negative column.
    public static func columnName(_ column: Int) -> String {
        guard column >= 0 else { return "" }
        let letters = letterCount(column)
        return String(unsafeUninitializedCapacity: letters) { buffer in
            writeLetters(column, count: letters, into: buffer, at: 0)
            return letters
        }
    }

    // Bijective base 26: there is no zero digit, so subtract one at every step.
    private static func letterCount(_ column: Int) -> Int {
        var remaining = column + 1
        var count = 0
        while remaining > 0 {
            count += 1
            remaining = (remaining - 1) / 26
        }
        return count
    }

    private static func writeLetters(
        _ column: Int, count: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) {
        var remaining = column + 1
        for position in stride(from: start + count - 1, through: start, by: -1) {
            buffer[position] = UInt8(ascii: "A") + UInt8((remaining - 1) % 26)
            remaining = (remaining - 1) / 26
        }
    }

    private static func decimalDigits(_ value: Int) -> Int {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
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
