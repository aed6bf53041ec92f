import KhetCore

/// Finds the schools a mistyped code or a name fragment probably meant, for the error of
/// `khet explain`: codes within two edits or sharing a long prefix, names containing the text.
struct SchoolMatcher {
    let schools: [School]
    var limit = 5

    /// The school whose code is `typed` (Thai digits and surrounding spaces allowed).
    func school(code typed: String) -> School? {
        let code = Self.normalized(typed)
        return schools.first { $0.code == code }
    }

    /// Up to `limit` likely schools, the closest first.
    func suggestions(for typed: String) -> [School] {
        let text = Self.normalized(typed)
        guard !text.isEmpty else { return [] }
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return codeSuggestions(for: text)
        }
        let needle = text.lowercased()
        return Array(schools.filter { $0.name.lowercased().contains(needle) }
            .sorted { $0.code < $1.code }
            .prefix(limit))
    }

    /// Codes within two edits (a wrong, missing or extra digit), or sharing all but the last two
    /// digits (a code typed half-way); ranked by edits, then by the shared prefix, then by code.
    private func codeSuggestions(for text: String) -> [School] {
        let typed = Array(text)
        let ranked = schools.compactMap { school -> (school: School, edits: Int, prefix: Int)? in
            let code = Array(school.code)
            let edits = Self.editDistance(typed, code, atMost: 2)
            let prefix = zip(typed, code).prefix { $0 == $1 }.count
            guard edits <= 2 || prefix >= max(6, code.count - 2) else { return nil }
            return (school, edits, prefix)
        }
        return ranked.sorted {
            ($0.edits, -$0.prefix, $0.school.code) < ($1.edits, -$1.prefix, $1.school.code)
        }.prefix(limit).map(\.school)
    }

    /// Levenshtein distance, or `atMost + 1` as soon as it must exceed `atMost`.
    static func editDistance(_ a: [Character], _ b: [Character], atMost: Int) -> Int {
        if abs(a.count - b.count) > atMost { return atMost + 1 }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            if current.min() ?? 0 > atMost { return atMost + 1 }
            previous = current
        }
        return min(previous[b.count], atMost + 1)
    }

    /// Trims spaces and reads Thai digits as Arabic ones, as the importers do.
    static func normalized(_ text: String) -> String {
        var result = ""
        for character in text.trimmingCharacters(in: .whitespaces) {
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
               let digit = ThaiDigits.value(of: scalar) {
                result.append(String(digit))
            } else {
                result.append(character)
            }
        }
        return result
    }
}
