import Foundation

/// Approximates the text Excel shows for a cell, only to size columns.
///
/// Not a number-format engine: it understands digit placeholders, grouping, decimals, percent,
/// literal text and sections, and treats anything else (date codes, say) as literal characters,
/// which is the right length for "dd/mm/yyyy" and close enough elsewhere.
enum DisplayText {
    /// Width in characters: grapheme clusters, so Thai vowel and tone marks take no room; for
    /// text with line breaks, the longest line.
    static func characterCount(_ text: String) -> Int {
        TextWidth.counts(text)?.longestLine ?? clusterCount(text)
    }

    /// The general count through `Character`, for any text.
    static func clusterCount(_ text: String) -> Int {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map(\.count)
            .max() ?? 0
    }

    static func number(_ value: Double, numberFormat: String?) -> String {
        guard value.isFinite else { return "" }
        guard let numberFormat, !numberFormat.isEmpty, numberFormat.lowercased() != "general" else {
            return general(value)
        }
        let sections = splitSections(numberFormat)
        if value < 0, sections.count >= 2 {
            // A negative section supplies its own sign or brackets.
            return render(sections[1], magnitude: -value)
        }
        if value == 0, sections.count >= 3 {
            return render(sections[2], magnitude: 0)
        }
        return (value < 0 ? "-" : "") + render(sections[0], magnitude: abs(value))
    }

    /// Excel's "General": integers as they are, otherwise about ten significant digits.
    static func general(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e11 {
            return String(Int64(value))
        }
        let magnitude = abs(value)
        if magnitude >= 1e11 || magnitude < 1e-9 {
            return String(format: "%.5E", value)
        }
        let integerDigits = max(1, Int(log10(magnitude)) + 1)
        var text = String(format: "%.\(max(0, 10 - integerDigits))f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Splits "pos;neg;zero;text" at semicolons that are not quoted or escaped.
    static func splitSections(_ format: String) -> [String] {
        var sections: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in format {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                sections.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        sections.append(current)
        return sections
    }

    private static func render(_ section: String, magnitude: Double) -> String {
        let value = section.contains("%") ? magnitude * 100 : magnitude
        var output = ""
        var numberWritten = false
        for part in FormatSectionPart.parts(of: section) {
            switch part {
            case .literal(let text): output += text
            case .general: output += general(magnitude)
            case .placeholders(let run):
                // Only the first run shows the number; later ones show nothing.
                if !numberWritten {
                    output += digits(value, placeholders: run)
                    numberWritten = true
                }
            }
        }
        return output
    }

    /// Renders `value` for a run of placeholders such as "#,##0.00".
    private static func digits(_ value: Double, placeholders: ArraySlice<Character>) -> String {
        var run = placeholders
        var scaled = value
        // Trailing commas divide by a thousand each.
        while run.last == "," {
            run.removeLast()
            scaled /= 1000
        }
        let point = run.firstIndex(of: ".")
        let integerPart = point.map { run[run.startIndex..<$0] } ?? run
        let fractionPart = point.map { run[run.index(after: $0)...] } ?? []
        let decimals = fractionPart.filter { "0#?".contains($0) }.count
        let grouping = integerPart.contains(",")
        let minimumIntegerDigits = integerPart.filter { $0 == "0" }.count

        let fixed = String(format: "%.\(decimals)f", scaled)
        let pieces = fixed.split(separator: ".", omittingEmptySubsequences: false)
        var integerDigits = String(pieces.first ?? "0")
        if integerDigits == "0" && minimumIntegerDigits == 0 { integerDigits = "" }
        if integerDigits.count < minimumIntegerDigits {
            integerDigits = String(repeating: "0", count: minimumIntegerDigits - integerDigits.count)
                + integerDigits
        }
        if grouping { integerDigits = grouped(integerDigits) }
        guard decimals > 0, pieces.count > 1 else { return integerDigits }
        return integerDigits + "." + pieces[1]
    }

    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
