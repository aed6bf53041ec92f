/// Inline SVG charts for the annual report, drawn from integers: no script, no external font
/// or image, nothing fetched. Every text written into the markup (titles, labels, values) is
/// escaped here, because the report inserts the finished SVG unescaped.
///
/// Each chart carries `role="img"`, a `<title>` and a `<desc>` (its text alternative), and is
/// shown beside the table of its numbers, so it is never the only place a number is found.
struct SVGChart {
    /// One bar: a label, its length in any integer unit, and the text printed after it.
    struct Bar {
        var label: String
        var value: Int64
        var shown: String
    }

    /// One stacked bar: a label and one value per series.
    struct Stack {
        var label: String
        var values: [Int64]
        var shown: String
    }

    let id: String
    let title: String
    let description: String

    static let width = 720
    private static let rowHeight = 30
    private static let barHeight = 18
    private static let top = 12
    private static let labelWidth = 230
    private static let valueWidth = 120
    /// Colour-blind-safe hues that also differ in grey (print).
    static let palette = ["#1f4e79", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"]

    /// Horizontal bars scaled to the largest value; `reference` draws a dashed line at that
    /// value (100 % of a target).
    func bars(_ bars: [Bar], reference: (value: Int64, label: String)? = nil) -> String {
        let plotWidth = Self.width - Self.labelWidth - Self.valueWidth
        let largest = max(bars.map(\.value).max() ?? 0, reference?.value ?? 0, 1)
        let height = Self.top * 2 + bars.count * Self.rowHeight + (reference == nil ? 0 : 16)
        var body = ""
        // The reference line goes first, so the bars' value labels are drawn over it.
        if let reference {
            let x = Self.labelWidth + Int(reference.value * Int64(plotWidth) / largest)
            let bottom = Self.top + bars.count * Self.rowHeight
            body += "<line x1=\"\(x)\" y1=\"\(Self.top - 4)\" x2=\"\(x)\" y2=\"\(bottom)\" class=\"reference\"/>"
            body += "<text x=\"\(x)\" y=\"\(bottom + 14)\" text-anchor=\"middle\" class=\"note\">\(HTMLEscape.text(reference.label))</text>"
        }
        for (index, bar) in bars.enumerated() {
            let y = Self.top + index * Self.rowHeight
            let length = Int(max(bar.value, 0) * Int64(plotWidth) / largest)
            body += "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + 14)\" text-anchor=\"end\" class=\"label\">\(HTMLEscape.text(Self.clipped(bar.label)))</text>"
            body += "<rect x=\"\(Self.labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(Self.barHeight)\" fill=\"\(Self.palette[0])\"/>"
            body += "<text x=\"\(Self.labelWidth + length + 6)\" y=\"\(y + 14)\" class=\"value\">\(HTMLEscape.text(bar.shown))</text>"
        }
        return frame(height: height, body: body)
    }

    /// Horizontal stacked bars, one segment per series, with a legend above.
    func stackedBars(_ stacks: [Stack], series: [String]) -> String {
        let plotWidth = Self.width - Self.labelWidth - Self.valueWidth
        let largest = max(stacks.map { $0.values.reduce(0, +) }.max() ?? 0, 1)
        let legendHeight = 26
        let height = Self.top * 2 + legendHeight + stacks.count * Self.rowHeight
        var body = ""
        var legendX = Self.labelWidth
        for (index, name) in series.enumerated() {
            let colour = Self.palette[index % Self.palette.count]
            body += "<rect x=\"\(legendX)\" y=\"\(Self.top)\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            body += "<text x=\"\(legendX + 16)\" y=\"\(Self.top + 11)\" class=\"legend\">\(HTMLEscape.text(name))</text>"
            legendX += 24 + Self.estimatedWidth(name)
        }
        for (row, stack) in stacks.enumerated() {
            let y = Self.top + legendHeight + row * Self.rowHeight
            body += "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + 14)\" text-anchor=\"end\" class=\"label\">\(HTMLEscape.text(Self.clipped(stack.label)))</text>"
            var x = Self.labelWidth
            var running: Int64 = 0
            for (index, value) in stack.values.enumerated() where value > 0 {
                // Edges from the running total, so rounding never makes a stack longer than its sum.
                let start = Self.labelWidth + Int(running * Int64(plotWidth) / largest)
                running += value
                let end = Self.labelWidth + Int(running * Int64(plotWidth) / largest)
                body += "<rect x=\"\(start)\" y=\"\(y)\" width=\"\(end - start)\" height=\"\(Self.barHeight)\" fill=\"\(Self.palette[index % Self.palette.count])\"/>"
                x = end
            }
            body += "<text x=\"\(x + 6)\" y=\"\(y + 14)\" class=\"value\">\(HTMLEscape.text(stack.shown))</text>"
        }
        return frame(height: height, body: body)
    }

    private func frame(height: Int, body: String) -> String {
        let titleID = HTMLEscape.text(id + "-title")
        let descriptionID = HTMLEscape.text(id + "-desc")
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Self.width) \(height)\" "
            + "role=\"img\" aria-labelledby=\"\(titleID) \(descriptionID)\">"
            + "<title id=\"\(titleID)\">\(HTMLEscape.text(title))</title>"
            + "<desc id=\"\(descriptionID)\">\(HTMLEscape.text(description))</desc>"
            + body + "</svg>"
    }

    /// Thai combining vowels and tone marks take no width of their own.
    static func estimatedWidth(_ text: String) -> Int {
        let spacing = text.unicodeScalars.filter { !(0x0E31...0x0E4E).contains($0.value) || [0x0E32, 0x0E33, 0x0E40, 0x0E41, 0x0E42, 0x0E43, 0x0E44, 0x0E45, 0x0E46].contains($0.value) }
        // About 9 user units per spacing character at the chart's 17-unit Thai font, rounded up.
        return spacing.count * 10
    }

    /// Long labels are shortened to fit the label column; the table beside has them in full.
    static func clipped(_ text: String) -> String {
        guard estimatedWidth(text) > labelWidth - 12 else { return text }
        var result = ""
        for character in text {
            if estimatedWidth(result + String(character)) > labelWidth - 24 { break }
            result.append(character)
        }
        return result + "…"
    }
}
