import KhetCore

/// Plain text with one column of amounts, right-aligned at the same place on every line, as a
/// terminal shows it. Widths count grapheme clusters (`String.count`), not bytes or code
/// points, so Thai text with vowel and tone marks lines up.
struct AmountColumnText {
    enum Row {
        /// A heading or a note: no amount.
        case text(String)
        /// A line of arithmetic ending in `= amount`.
        case equals(String, Money)
        /// Words or a label, then the amount.
        case amount(String, Money)
        case blank
    }

    /// Text wider than this does not push the amount column further right; its amount goes on
    /// the next line instead, so one long line cannot spread every other line apart.
    var maximumTextWidth = 64

    private(set) var rows: [Row] = []

    mutating func append(_ row: Row) { rows.append(row) }

    func rendered() -> [String] {
        var textWidth = 0
        var amountWidth = 0
        for row in rows {
            switch row {
            case .equals(let text, let money), .amount(let text, let money):
                if text.count <= maximumTextWidth { textWidth = max(textWidth, text.count) }
                amountWidth = max(amountWidth, money.formatted.count)
            case .text, .blank:
                continue
            }
        }
        var lines: [String] = []
        for row in rows {
            switch row {
            case .text(let text):
                lines.append(text)
            case .blank:
                lines.append("")
            case .equals(let text, let money), .amount(let text, let money):
                let separator: String
                if case .equals = row { separator = " = " } else { separator = "   " }
                let amount = Self.padLeft(money.formatted, to: amountWidth)
                if text.count > textWidth {
                    lines.append(text)
                    lines.append(Self.padRight("", to: textWidth) + separator + amount)
                } else {
                    lines.append(Self.padRight(text, to: textWidth) + separator + amount)
                }
            }
        }
        return lines
    }

    static func padRight(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func padLeft(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
