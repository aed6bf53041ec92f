import KhetCore

/// Reads the grade of a pupil record as schools write it: the codes `Grade(code:)` knows (`ป.1`,
/// `P1`, `ป๑`), the long names DMC exports use (`อนุบาล 1`, `ประถมศึกษาปีที่ 1`,
/// `มัธยมศึกษาปีที่ 1`) and a class with its room (`ป.1/2`, room 2 of ป.1).
enum GradeName {
    private static let longPrefixes: [(prefix: String, code: String)] = [
        ("อนุบาลปีที่", "อ"), ("อนุบาล", "อ"), ("ประถมศึกษาปีที่", "ป"), ("ประถมปีที่", "ป"),
        ("ประถม", "ป"), ("มัธยมศึกษาปีที่", "ม"), ("มัธยมปีที่", "ม"), ("มัธยม", "ม"),
    ]

    /// `ป.1` exactly as DMC writes it: one hash instead of the general parse, six million times.
    private static let exactCodes = Dictionary(uniqueKeysWithValues: Grade.allCases.map { ($0.thaiCode, $0) })

    static func grade(_ text: String) -> Grade? {
        if let grade = exactCodes[text] { return grade }
        var name = text.trimmingCharacters(in: .whitespaces)
        // `ป.1/2` is room 2 of ป.1; the room does not matter here.
        if let slash = name.firstIndex(of: "/") { name = String(name[..<slash]) }
        if let grade = Grade(code: name) { return grade }
        for (prefix, code) in longPrefixes where name.hasPrefix(prefix) {
            return Grade(code: code + name.dropFirst(prefix.count))
        }
        return nil
    }

    /// "did you mean ป.1?" for a grade that is nearly a code.
    static func suggestion(for text: String) -> String? {
        let codes = Grade.allCases.map(\.thaiCode) + Grade.allCases.map(\.latinCode)
        return Suggestion.closest(to: text, among: codes) { $0.uppercased().filter { $0 != " " } }
    }
}
