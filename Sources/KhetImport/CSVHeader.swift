import KhetCore

/// The header row of a CSV file resolved against the columns a mapper knows: which field holds
/// which column, in any order. Missing required columns are errors, unknown ones warnings.
public struct CSVHeader: Sendable {
    public private(set) var indexByKey: [String: Int] = [:]
    /// Fields that are not a known column, for mappers that accept extra kinds (grade columns).
    public private(set) var otherColumns: [(index: Int, name: String)] = []
    public let record: CSVRecord

    /// Resolves `record` against `columns`. `acceptsOther` lets a mapper claim further headers
    /// (it returns true for the ones it understands); the rest become warnings.
    public init(_ record: CSVRecord, columns: [CSVColumn], file: String,
                acceptsOther: (String) -> Bool = { _ in false },
                diagnostics: inout [Diagnostic]) {
        self.record = record
        for (index, rawName) in record.fields.enumerated() {
            let name = rawName.trimmingCharacters(in: .whitespaces)
            let position = record.position(of: index)
            if name.isEmpty { continue }
            if let column = columns.first(where: { $0.matches(name) }) {
                if column.isIgnored { continue }
                if indexByKey[column.key] != nil {
                    diagnostics.append(Diagnostic(.error, code: "CSV010", file: file, line: position.line,
                                                  column: position.column,
                                                  message: "column '\(Diagnostic.quoted(name))' appears twice in the header",
                                                  thaiMessage: "คอลัมน์ '\(Diagnostic.quoted(name))' ซ้ำในแถวหัวตาราง"))
                } else {
                    indexByKey[column.key] = index
                }
            } else if acceptsOther(name) {
                otherColumns.append((index, name))
            } else {
                let known = columns.flatMap(\.aliases)
                let guess = Suggestion.closest(to: name, among: known, normalize: CSVColumn.normalized)
                diagnostics.append(Diagnostic(.warning, code: "CSV011", file: file, line: position.line,
                                              column: position.column,
                                              message: "unknown column '\(Diagnostic.quoted(name))' is ignored",
                                              thaiMessage: "ไม่รู้จักคอลัมน์ '\(Diagnostic.quoted(name))' จึงข้ามไป",
                                              hint: guess.map { "did you mean \($0)?" }))
            }
        }
        for column in columns where column.isRequired && indexByKey[column.key] == nil {
            diagnostics.append(Diagnostic(.error, code: "CSV012", file: file, line: record.line, column: 1,
                                          message: "required column '\(column.aliases.first ?? column.key)' is missing",
                                          thaiMessage: "ไม่มีคอลัมน์ '\(column.aliases.first ?? column.key)' ซึ่งต้องมี",
                                          hint: "accepted header names: \(column.aliases.joined(separator: ", "))"))
        }
    }

    public func index(of key: String) -> Int? { indexByKey[key] }

    /// How many fields of `record` name a known column or one `acceptsOther` claims.
    static func score(_ record: CSVRecord, columns: [CSVColumn], acceptsOther: (String) -> Bool)
        -> (known: Int, hasRequired: Bool) {
        var found: Set<String> = []
        var known = 0
        for rawName in record.fields {
            let name = rawName.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            if let column = columns.first(where: { $0.matches(name) }) {
                found.insert(column.key)
                known += 1
            } else if acceptsOther(name) {
                known += 1
            }
        }
        let hasRequired = columns.allSatisfy { !$0.isRequired || found.contains($0.key) }
        return (known, hasRequired)
    }

    /// The trimmed text of column `key` in `row`, or nil when the column is absent.
    public func value(_ key: String, in row: CSVRecord) -> String? {
        guard let index = indexByKey[key] else { return nil }
        return (row[index] ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// The trimmed text of the column at `index` (looked up once per file with `index(of:)`, not
    /// by name in every row), or nil when the file has no such column.
    public func value(at index: Int?, in row: CSVRecord) -> String? {
        guard let index else { return nil }
        return (row[index] ?? "").trimmingCharacters(in: .whitespaces)
    }
}

extension String {
    enum TrimSet { case whitespaces }

    func trimmingCharacters(in _: TrimSet) -> String {
        // Nearly every cell has no space to trim: it starts and ends with a printable ASCII
        // character or a Thai letter (U+0E01–U+0E30, none of them a combining mark).
        // Read from the UTF-8 bytes: U+0E01–U+0E30 is E0 B8 81 to E0 B8 B0.
        var text = self
        let plainEnds = text.withUTF8 { bytes -> Bool in
            let count = bytes.count
            guard count > 0 else { return false }
            func plainASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
            func thaiLetter(at index: Int) -> Bool {
                index >= 0 && index + 2 < count && bytes[index] == 0xE0 && bytes[index + 1] == 0xB8
                    && bytes[index + 2] >= 0x81 && bytes[index + 2] <= 0xB0
            }
            let firstPlain = plainASCII(bytes[0]) || thaiLetter(at: 0)
            let lastPlain = plainASCII(bytes[count - 1]) || thaiLetter(at: count - 3)
            return firstPlain && lastPlain
        }
        if plainEnds || isEmpty { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

extension CSVHeader {
    /// The columns a row must fill: the header's fields up to its last named one.
    public var width: Int { (record.fields.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? -1) + 1 }

    /// A row with fewer fields than the header has columns, or with more that are not empty:
    /// a comma too many or too few (an unquoted comma in a name) shifts every later value into
    /// the wrong column, so the row is an error, never read. The message names no value.
    public func widthProblem(of row: CSVRecord, file: String) -> Diagnostic? {
        let filled = (row.fields.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? -1) + 1
        let found = row.fields.count
        guard found < width || filled > record.fields.count else { return nil }
        let (count, place) = found < width ? (found, row.position(of: found - 1)) : (filled, row.position(of: record.fields.count))
        return Diagnostic(.error, code: "CSV007", file: file, line: row.line, column: place.column,
                          message: "the row has \(count) fields but the header (line \(record.line)) has \(width) columns",
                          thaiMessage: "แถวนี้มี \(count) ช่อง แต่แถวหัวตาราง (บรรทัด \(record.line)) มี \(width) คอลัมน์",
                          hint: "a comma inside a value needs the value in quotes (\"…\"); a missing value needs its empty field")
    }
}
