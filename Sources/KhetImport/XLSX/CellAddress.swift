/// An A1-style cell reference as a sheet's XML writes it (`B7`, `AA1048576`): 1-based column
/// and row. Spreadsheets stop at column XFD (16,384) and row 1,048,576.
struct CellAddress: Equatable, Sendable {
    var column: Int
    var row: Int

    static let lastColumn = 16_384
    static let lastRow = 1_048_576

    /// Nil for anything that is not a reference inside a sheet's bounds.
    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, (1...Self.lastColumn).contains(column), (1...Self.lastRow).contains(row) else { return nil }
        self.column = column
        self.row = row
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Only the column letters of a reference (`B` of `B7`), for a row of a `dimension`.
    static func column(of text: String) -> Int? {
        CellAddress(text).map(\.column)
    }
}

/// A merged range (`C3:E3`), as `mergeCell` elements give it.
struct CellRange: Equatable, Sendable {
    var first: CellAddress
    var last: CellAddress

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard let first = parts.first.flatMap({ CellAddress(String($0)) }) else { return nil }
        let last = parts.count == 2 ? CellAddress(String(parts[1])) : first
        guard parts.count <= 2, let last, last.row >= first.row, last.column >= first.column else { return nil }
        self.first = first
        self.last = last
    }

    func contains(row: Int) -> Bool { (first.row...last.row).contains(row) }
}
