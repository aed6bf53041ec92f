/// A problem found in an input, pinned to its place so the analyst can fix the file.
/// Messages never carry personal data (names, national IDs, birth dates).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .note: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable code such as `CSV002`, so documentation and tests can refer to the problem.
    public var code: String
    public var file: String
    /// 1-based; 0 when the problem is about the file as a whole.
    public var line: Int
    /// 1-based, counted in characters; 0 when unknown.
    public var column: Int
    /// English, the default for the console.
    public var message: String
    /// The same message in Thai, for Thai outputs; nil where none was written yet.
    public var thaiMessage: String?
    public var hint: String?
    /// The sheet of an XLSX input the problem is on; line and column are then its row and
    /// column, and the location names the cell (`B7`).
    public var sheet: String?

    public init(_ severity: Severity, code: String, file: String, line: Int = 0, column: Int = 0,
                message: String, thaiMessage: String? = nil, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = Diagnostic.capped(message)
        self.thaiMessage = thaiMessage.map(Diagnostic.capped)
        self.hint = hint.map(Diagnostic.capped)
    }

    /// `schools.csv:12:3`, shortened when line or column is unknown; in a workbook
    /// `pupils.xlsx [Sheet1!C7]` (the sheet, then the cell or the row).
    public var location: String {
        if let sheet {
            guard line > 0 else { return "\(file) [\(sheet)]" }
            guard column > 0 else { return "\(file) [\(sheet)!\(line):\(line)]" }
            return "\(file) [\(sheet)!\(Diagnostic.columnLetters(column))\(line)]"
        }
        guard line > 0 else { return file }
        guard column > 0 else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// The one-line form compilers use: `schools.csv:12:3: error: … [CSV002]`.
    public var description: String { line(in: .english) }

    /// The message in `language`; English where no Thai text exists.
    public func message(in language: Language) -> String {
        language == .thai ? (thaiMessage ?? message) : message
    }

    /// The one-line form with the message in `language`; English where no Thai text exists.
    public func line(in language: Language) -> String {
        let text = message(in: language)
        var result = "\(location): \(severity.rawValue): \(text) [\(code)]"
        if let hint { result += " (\(hint))" }
        return result
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Sorted by file, then line and column, so reports read top to bottom.
    public var sortedByLocation: [Diagnostic] {
        sorted { ($0.file, $0.line, $0.column, $0.code) < ($1.file, $1.line, $1.column, $1.code) }
    }
}

extension Diagnostic {
    /// A note on how a file was read (its encoding, its sheet, title and totals rows skipped):
    /// for the analyst at the terminal, left out of the outputs, which show what bears on the
    /// figures. So a CSV and an XLSX copy of the same data write the same workbooks.
    public var isReadingNote: Bool { severity == .note && Self.readingNoteCodes.contains(code) }
    static let readingNoteCodes: Set<String> = ["CSV014", "CSV015", "XLS014", "PUP014", "SCH009"]

    /// `1` → `A`, `28` → `AB`: a spreadsheet's column name.
    public static func columnLetters(_ column: Int) -> String {
        var number = column
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }

    /// The most characters of an input's value a message quotes: a 100 MB line is never echoed.
    public static let quotedLength = 200

    /// `value` as a message quotes it: at most `quotedLength` characters, then "…", with control
    /// characters shown as `\u{…}` so a message is always one printable line.
    public static func quoted(_ value: String) -> String {
        var shown = ""
        var count = 0
        for character in value {
            if count == quotedLength { return shown + "…" }
            if character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                shown += character.unicodeScalars.map { "\\u{\(String($0.value, radix: 16))}" }.joined()
            } else {
                shown.append(character)
            }
            count += 1
        }
        return shown
    }

    /// Messages longer than this are cut (a safety net: values are quoted short already).
    static let longestMessage = 600

    static func capped(_ text: String) -> String {
        text.count <= longestMessage ? text : String(text.prefix(longestMessage - 1)) + "…"
    }
}
