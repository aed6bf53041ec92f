/// Finds where a key is written in a batch file. The parser reports positions only for syntax
/// errors, so a batch file's semantic errors (a date that is not a date) are located here.
struct TOMLKeyLocator {
    private struct Entry {
        var table: String
        var index: Int
        var key: String
        var line: Int
        var column: Int
    }

    private var entries: [Entry] = []
    private var tableLines: [String: [Int]] = [:]

    init(text: String) {
        var table = ""
        var counts: [String: Int] = [:]
        // TOML lines end in LF or CRLF; "\r\n" is one Character in Swift, so splitting on "\n"
        // alone would see a CRLF file as a single line.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, rawLine) in lines.enumerated() {
            let line = offset + 1
            let trimmed = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            let indent = rawLine.count - trimmed.count
            if trimmed.hasPrefix("[[") {
                table = String(trimmed.dropFirst(2).prefix { $0 != "]" }).filter { $0 != " " }
                counts[table, default: -1] += 1
                tableLines[table, default: []].append(line)
            } else if trimmed.hasPrefix("[") {
                table = String(trimmed.dropFirst().prefix { $0 != "]" }).filter { $0 != " " }
                counts[table] = 0
                tableLines[table, default: []].append(line)
            } else if let equals = trimmed.firstIndex(of: "="), !trimmed.hasPrefix("#") {
                let key = trimmed[..<equals].filter { $0 != " " && $0 != "\"" }
                let valueStart = trimmed[trimmed.index(after: equals)...].prefix { $0 == " " }.count
                let column = indent + trimmed.distance(from: trimmed.startIndex, to: equals) + 2 + valueStart
                entries.append(Entry(table: table, index: counts[table] ?? 0, key: String(key), line: line, column: column))
            }
        }
    }

    /// Line and column of the value of `key` in `table` ("" for the top level), in the
    /// `index`-th occurrence of an array of tables; the table's header line when the key is absent.
    func position(of key: String, in table: String = "", index: Int = 0) -> (line: Int, column: Int) {
        if let entry = entries.first(where: { $0.table == table && $0.index == index && $0.key == key }) {
            return (entry.line, entry.column)
        }
        if let lines = tableLines[table], index < lines.count { return (lines[index], 1) }
        return (1, 1)
    }
}
