/// A table for the terminal: columns padded to their widest cell, in characters as a terminal
/// shows Thai (without the combining marks, which take no column), amounts on the right.
enum TerminalTable {
    static func aligned(_ rows: [[String]], rightAligned: ClosedRange<Int>) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? width($0[column]) : 0 }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { column, text in
                let padding = String(repeating: " ", count: max(0, widths[column] - width(text)))
                return rightAligned.contains(column) ? padding + text : text + padding
            }.joined(separator: "  ")
        }
    }

    private static let spacingMarks: Set<UInt32> = [0x0E32, 0x0E33, 0x0E40, 0x0E41, 0x0E42, 0x0E43, 0x0E44, 0x0E45, 0x0E46, 0x0E4F]

    private static func width(_ text: String) -> Int {
        text.unicodeScalars.filter { !(0x0E31...0x0E4E).contains($0.value) || spacingMarks.contains($0.value) }.count
    }
}
