/// Guesses a CSV file's delimiter from its first lines: comma, semicolon (Excel in locales with a
/// decimal comma) or tab (Excel's "Unicode text"). The delimiter that splits the most lines into
/// the same number of fields wins; a title row above the header, with fewer fields, does not
/// sway it. Text inside quotes is not counted.
enum DelimiterSniffer {
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09]
    static let linesLooked = 30

    static func delimiter(in bytes: ArraySlice<UInt8>) -> UInt8 {
        var perLine: [[Int]] = []
        var counts = [0, 0, 0]
        var inQuotes = false
        var lineHasText = false
        var index = bytes.startIndex
        while index < bytes.endIndex && perLine.count < linesLooked {
            let byte = bytes[index]
            index += 1
            if byte == 0x22 { inQuotes.toggle(); lineHasText = true; continue }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D {
                if lineHasText { perLine.append(counts) }
                counts = [0, 0, 0]
                lineHasText = false
                continue
            }
            if let which = candidates.firstIndex(of: byte) { counts[which] += 1 }
            if byte != 0x20 { lineHasText = true }
        }
        if lineHasText { perLine.append(counts) }

        var best: (delimiter: UInt8, lines: Int, fields: Int) = (candidates[0], 0, 0)
        for (which, delimiter) in candidates.enumerated() {
            var frequency: [Int: Int] = [:]
            for line in perLine where line[which] > 0 { frequency[line[which], default: 0] += 1 }
            // The most common count, the larger count on a tie, so the pick does not depend on
            // dictionary order.
            guard let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if (mode.value, mode.key) > (best.lines, best.fields) {
                best = (delimiter, mode.value, mode.key)
            }
        }
        return best.delimiter
    }
}
