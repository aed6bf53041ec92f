/// A column a mapper knows, with the header names people use for it in Thai and English.
public struct CSVColumn: Sendable, Hashable {
    public let key: String
    public let aliases: [String]
    /// The aliases as `normalized` makes them, worked out once: headers are compared against
    /// them for every field of every candidate header row.
    private let normalizedAliases: Set<String>
    public var isRequired: Bool
    /// A column files carry that the mapper does not read (names, room numbers): it gives no
    /// warning and may appear more than once (first name, last name).
    public var isIgnored = false

    public init(_ key: String, aliases: [String], required: Bool = true) {
        self.key = key
        self.aliases = aliases
        self.isRequired = required
        normalizedAliases = Set(aliases.map(CSVColumn.normalized))
    }

    /// A known column whose values are never read.
    public static func ignored(_ key: String, aliases: [String]) -> CSVColumn {
        var column = CSVColumn(key, aliases: aliases, required: false)
        column.isIgnored = true
        return column
    }

    /// Header text compared without case, spaces, underscores, hyphens or dots, so
    /// `School Code`, `school_code` and `schoolcode` are one name.
    static func normalized(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter {
            !($0.properties.isWhitespace || $0 == "_" || $0 == "-" || $0 == "." || $0 == "\u{FEFF}")
        }.map(Character.init))
    }

    func matches(_ header: String) -> Bool {
        normalizedAliases.contains(CSVColumn.normalized(header))
    }
}
