/// Remembers the widest content written to each column, so widths can be fitted at close.
///
/// Only one number per column is kept, so memory does not grow with the number of rows.
struct ColumnWidthTracker {
    /// Characters of padding, so text does not touch the cell borders.
    static let padding = 2.0
    /// Excel's largest column width.
    static let excelMaximum = 255.0

    private var widest: [Int: Double] = [:]

    /// `characters` of text in a font `scale` times the default size.
    mutating func record(column: Int, characters: Int, scale: Double) {
        let width = Double(characters) * scale
        if width > widest[column, default: 0] {
            widest[column] = width
        }
    }

    /// Fitted widths, column by column in order so the output is deterministic.
    func fittedWidths(minimum: Double, maximum: Double) -> [(column: Int, width: Double)] {
        widest.keys.sorted().map { column in
            let content = widest[column, default: 0] + Self.padding
            let clamped = min(max(content, minimum), maximum)
            return (column, min(max(clamped, 0), Self.excelMaximum))
        }
    }

    func recordedWidth(column: Int) -> Double? {
        widest[column]
    }
}
