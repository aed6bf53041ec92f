/// A per-grade column name as DMC reports write them when a grade is split by sex: `ป.1 ชาย`,
/// `ป.1 (หญิง)`, `ชาย ป.1`, `P1-total`, or a two-row header combined into one name (the grade
/// over its ชาย / หญิง / รวม sub-header). `base` is the name without the sex part.
struct SplitColumnName: Equatable {
    enum Part: Equatable { case total, male, female, unlabeled }

    var base: String
    var part: Part

    private static let separators: Set<Character> = [" ", "-", "_", "(", ")", "/", ":", "\u{00A0}"]

    init(_ name: String) {
        let tokens = name.split(whereSeparator: { Self.separators.contains($0) })
        if tokens.count >= 2, let last = tokens.last, let part = Self.part(String(last)) {
            base = Self.trimmed(String(name[..<last.startIndex]))
            self.part = part
        } else if tokens.count >= 2, let first = tokens.first, let part = Self.part(String(first)) {
            base = Self.trimmed(String(name[first.endIndex...]))
            self.part = part
        } else {
            base = name.trimmingCharacters(in: .whitespaces)
            part = .unlabeled
        }
    }

    /// What a sub-header cell says, or nil when it is not a sex or total label.
    static func part(_ label: String) -> Part? {
        let key = String(label.lowercased().filter { !$0.isWhitespace && $0 != "." && !separators.contains($0) })
        switch key {
        case "ชาย", "ช", "นักเรียนชาย", "male", "m", "boys", "boy": return .male
        case "หญิง", "ญ", "นักเรียนหญิง", "female", "f", "girls", "girl": return .female
        case "รวม", "ร", "total", "t", "sum", "รวมทั้งสิ้น": return .total
        default: return nil
        }
    }

    private static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while let first = text.first, separators.contains(first) { text = text.dropFirst() }
        while let last = text.last, separators.contains(last) { text = text.dropLast() }
        return String(text)
    }

    /// Whether `row` is the sub-header under `header`: at least two sex or total labels, and
    /// every other cell empty or repeating the header cell above (a merged header cell filled down).
    static func isSubHeader(_ row: CSVRecord, under header: CSVRecord) -> Bool {
        var labels = 0
        for (index, raw) in row.fields.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if part(text) != nil { labels += 1; continue }
            if index < header.fields.count, header.fields[index].trimmingCharacters(in: .whitespaces) == text { continue }
            return false
        }
        return labels >= 2
    }

    /// The two header rows as one: each column named by the header cell above it (a blank one,
    /// the second or third column of a grade merged across three, takes the grade on its left)
    /// and its sub-header label, `ป.1 ชาย`; a column the sub-header leaves blank keeps its name.
    static func combined(_ header: CSVRecord, _ subHeader: CSVRecord) -> CSVRecord {
        var fields: [String] = []
        var carried = ""
        let width = max(header.fields.count, subHeader.fields.count)
        for index in 0..<width {
            let upper = (header[index] ?? "").trimmingCharacters(in: .whitespaces)
            let lower = (subHeader[index] ?? "").trimmingCharacters(in: .whitespaces)
            if !upper.isEmpty { carried = upper }
            guard part(lower) != nil, !(lower == upper && upper.isEmpty) else {
                fields.append(upper.isEmpty ? lower : upper)
                if upper.isEmpty && lower.isEmpty { carried = "" }
                continue
            }
            fields.append(carried.isEmpty ? lower : "\(carried) \(lower)")
        }
        let positions = (0..<width).map { header.position(of: $0) }
        return CSVRecord(fields: fields, positions: positions)
    }
}
