/// Worksheet names that Excel accepts: at most 31 UTF-16 units, none of `[]:*?/\`, unique
/// ignoring case. Names built from framework text (programme short names) pass through here.
struct SheetNamer {
    private var used: Set<String> = []

    mutating func name(_ wanted: String) -> String {
        let cleaned = String(wanted.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        var base = ""
        for character in cleaned {
            guard (base + String(character)).utf16.count <= 28 else { break }
            base.append(character)
        }
        if base.isEmpty { base = "Sheet" }
        var candidate = base
        var number = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(base) \(number)"
            number += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
