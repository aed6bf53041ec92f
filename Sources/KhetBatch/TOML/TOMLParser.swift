/// Reads TOML text into a `TOMLTable`: comments, bare and quoted keys, dotted keys, `[tables]`
/// and `[[arrays of tables]]`, basic and literal strings (one-line and multi-line), whole
/// numbers, booleans, arrays and inline tables. Fractions, dates and times written bare are
/// refused with a hint, since batch files quote their dates. Every error has its line and
/// column (in characters), and no input can make it trap: it only ever reads within the text.
struct TOMLParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var root = TOMLTable()
    /// The table `key = value` lines go into: a path from the root, each step a key and, for an
    /// array of tables, the element.
    private var current: [(key: String, element: Int?)] = []
    /// Tables given by a `[header]`, which may not be given twice.
    private var definedTables: Set<[String]> = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func document() throws(TOMLSyntaxError) -> TOMLTable {
        while true {
            skipSpaces()
            guard let next = peek() else { return root }
            switch next {
            case "#": skipComment()
            case "\n": advance()
            case "\r":
                advance()
                guard peek() == "\n" else { throw failure("a carriage return must be followed by a line feed") }
                advance()
            case "[": try header()
            default:
                let (line, column) = (self.line, self.column)
                let (path, value) = try keyValue()
                try assign(value, to: path, at: (line, column))
                try endOfLine()
            }
        }
    }

    // MARK: - Headers and keys

    private mutating func header() throws(TOMLSyntaxError) {
        let (line, column) = (self.line, self.column)
        advance()
        let isArray = peek() == "["
        if isArray { advance() }
        skipSpaces()
        let path = try keyPath()
        skipSpaces()
        guard peek() == "]" else { throw failure("expected ']' to close the table header") }
        advance()
        if isArray {
            guard peek() == "]" else { throw failure("expected ']]' to close the array-of-tables header") }
            advance()
        }
        try endOfLine()
        let names = path.map(\.key)
        if isArray {
            current = try appendTable(to: names, at: (line, column))
        } else {
            guard definedTables.insert(names).inserted else {
                throw TOMLSyntaxError(line: line, column: column, message: "table [\(names.joined(separator: "."))] is defined twice")
            }
            current = try openTable(names, at: (line, column))
        }
    }

    /// `key = value`, in a table or an inline table.
    private mutating func keyValue() throws(TOMLSyntaxError) -> (path: [(key: String, line: Int, column: Int)], value: TOMLValue) {
        let path = try keyPath()
        skipSpaces()
        guard peek() == "=" else { throw failure("expected '=' after the key") }
        advance()
        skipSpaces()
        return (path, try value())
    }

    private mutating func keyPath() throws(TOMLSyntaxError) -> [(key: String, line: Int, column: Int)] {
        var path: [(key: String, line: Int, column: Int)] = []
        while true {
            skipSpaces()
            let (line, column) = (self.line, self.column)
            path.append((try key(), line, column))
            skipSpaces()
            guard peek() == "." else { return path }
            advance()
        }
    }

    private mutating func key() throws(TOMLSyntaxError) -> String {
        switch peek() {
        case "\"": return try basicString()
        case "'": return try literalString()
        default:
            var key = ""
            while let next = peek(), next.isASCII, next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "_" || next == "-" {
                key.unicodeScalars.append(next)
                advance()
            }
            guard !key.isEmpty else { throw failure("expected a key (letters, digits, _ or -, or a quoted key)") }
            return key
        }
    }

    // MARK: - Values

    private mutating func value() throws(TOMLSyntaxError) -> TOMLValue {
        guard let next = peek() else { throw failure("expected a value after '='") }
        switch next {
        case "\"":
            return .string(lookingAt("\"\"\"") ? try multilineString("\"\"\"", escapes: true) : try basicString())
        case "'":
            return .string(lookingAt("'''") ? try multilineString("'''", escapes: false) : try literalString())
        case "[": return try array()
        case "{": return try inlineTable()
        case "t", "f":
            if lookingAt("true") { advance(4); return .boolean(true) }
            if lookingAt("false") { advance(5); return .boolean(false) }
            throw failure("expected true or false")
        case "+", "-", "0"..."9":
            return try integer()
        default:
            throw failure("a value is a \"string\", a whole number, true or false, or an [array]")
        }
    }

    private mutating func integer() throws(TOMLSyntaxError) -> TOMLValue {
        let (line, column) = (self.line, self.column)
        var text = ""
        if let sign = peek(), sign == "+" || sign == "-" { text.unicodeScalars.append(sign); advance() }
        var lastWasDigit = false
        while let next = peek() {
            if ("0"..."9").contains(next) {
                text.unicodeScalars.append(next)
                lastWasDigit = true
            } else if next == "_" && lastWasDigit {
                lastWasDigit = false
            } else {
                break
            }
            advance()
        }
        if let next = peek(), [".", "e", "E", "-", ":", "T"].contains(next) || next.properties.isAlphabetic {
            throw TOMLSyntaxError(line: line, column: column,
                                  message: "a value here is a whole number; write dates and other text in quotes, e.g. \"2568-06-10\"")
        }
        let digits = text.drop { $0 == "+" || $0 == "-" }
        guard lastWasDigit, !digits.isEmpty, digits.count == 1 || !digits.hasPrefix("0"), let value = Int(text) else {
            throw TOMLSyntaxError(line: line, column: column, message: "not a whole number (or too large)")
        }
        return .integer(value)
    }

    private mutating func array() throws(TOMLSyntaxError) -> TOMLValue {
        advance()
        var elements: [TOMLValue] = []
        while true {
            try skipBlank()
            if peek() == "]" { advance(); return .array(elements) }
            elements.append(try value())
            try skipBlank()
            if peek() == "," { advance(); continue }
            guard peek() == "]" else { throw failure("expected ',' or ']' in the array") }
            advance()
            return .array(elements)
        }
    }

    private mutating func inlineTable() throws(TOMLSyntaxError) -> TOMLValue {
        advance()
        var table = TOMLTable()
        skipSpaces()
        if peek() == "}" { advance(); return .table(table) }
        while true {
            skipSpaces()
            let (path, value) = try keyValue()
            try Self.set(value, at: path.map(\.key), in: &table, position: (path[0].line, path[0].column))
            skipSpaces()
            if peek() == "," { advance(); continue }
            guard peek() == "}" else { throw failure("expected ',' or '}' in the inline table") }
            advance()
            return .table(table)
        }
    }

    // MARK: - Strings

    private mutating func basicString() throws(TOMLSyntaxError) -> String {
        advance()
        var text = ""
        while true {
            guard let next = peek(), next != "\n" else { throw failure("the string is never closed on its line") }
            advance()
            switch next {
            case "\"": return text
            case "\\": text.unicodeScalars.append(try escape())
            default:
                guard next.value >= 0x20 || next == "\t", next.value != 0x7F else { throw failure("a control character in a string") }
                text.unicodeScalars.append(next)
            }
        }
    }

    /// A `"""` string (escapes, and a backslash at a line's end joining it to the next) or a
    /// `'''` string (every character as written); a line break right after the opening is dropped.
    private mutating func multilineString(_ delimiter: String, escapes: Bool) throws(TOMLSyntaxError) -> String {
        advance(3)
        skipNewline()
        var text = ""
        while true {
            guard let next = peek() else { throw failure("the multi-line string is never closed") }
            if lookingAt(delimiter) {
                advance(3)
                return text
            }
            advance()
            guard escapes, next == "\\" else {
                text.unicodeScalars.append(next)
                continue
            }
            if let after = peek(), after == "\n" || after == " " || after == "\t" || after == "\r" {
                while let blank = peek(), blank == "\n" || blank == " " || blank == "\t" || blank == "\r" { advance() }
            } else {
                text.unicodeScalars.append(try escape())
            }
        }
    }

    private mutating func literalString() throws(TOMLSyntaxError) -> String {
        advance()
        var text = ""
        while true {
            guard let next = peek(), next != "\n" else { throw failure("the string is never closed on its line") }
            advance()
            if next == "'" { return text }
            text.unicodeScalars.append(next)
        }
    }

    private mutating func escape() throws(TOMLSyntaxError) -> Unicode.Scalar {
        guard let code = peek() else { throw failure("the string is never closed") }
        advance()
        switch code {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "u", "U":
            var hex = ""
            for _ in 0..<(code == "u" ? 4 : 8) {
                guard let digit = peek(), digit.properties.isASCIIHexDigit else { throw failure("expected hexadecimal digits after \\\(code)") }
                hex.unicodeScalars.append(digit)
                advance()
            }
            guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw failure("\\\(code)\(hex) is not a character")
            }
            return scalar
        default:
            throw failure("unknown escape \\\(code) (use \\\\ for a backslash)")
        }
    }

    // MARK: - The tree

    /// `key = value` in the current table.
    private mutating func assign(_ value: TOMLValue, to path: [(key: String, line: Int, column: Int)],
                                 at position: (Int, Int)) throws(TOMLSyntaxError) {
        let names = path.map(\.key)
        try Self.update(&root, along: current[...]) { table throws(TOMLSyntaxError) in
            try Self.set(value, at: names, in: &table, position: position)
        }
    }

    private static func set(_ value: TOMLValue, at names: [String], in table: inout TOMLTable,
                            position: (Int, Int)) throws(TOMLSyntaxError) {
        guard let first = names.first else { return }
        if names.count == 1 {
            guard table[first] == nil else {
                throw TOMLSyntaxError(line: position.0, column: position.1, message: "key '\(first)' is given twice")
            }
            table[first] = value
            return
        }
        var inner: TOMLTable
        switch table[first] {
        case nil: inner = TOMLTable()
        case .table(let existing)?: inner = existing
        default: throw TOMLSyntaxError(line: position.0, column: position.1, message: "key '\(first)' is not a table")
        }
        try set(value, at: Array(names.dropFirst()), in: &inner, position: position)
        table[first] = .table(inner)
    }

    /// Runs `body` on the table at `path` below `table`.
    private static func update(_ table: inout TOMLTable, along path: ArraySlice<(key: String, element: Int?)>,
                               _ body: (inout TOMLTable) throws(TOMLSyntaxError) -> Void) throws(TOMLSyntaxError) {
        guard let step = path.first else { return try body(&table) }
        let rest = path.dropFirst()
        switch table[step.key] {
        case .table(var inner)?:
            try update(&inner, along: rest, body)
            table[step.key] = .table(inner)
        case .array(var elements)?:
            guard let element = step.element, elements.indices.contains(element), case .table(var inner) = elements[element] else { return }
            try update(&inner, along: rest, body)
            elements[element] = .table(inner)
            table[step.key] = .array(elements)
        default:
            return
        }
    }

    /// `[a.b.c]`: the path to that table, created where missing.
    private mutating func openTable(_ names: [String], at position: (Int, Int)) throws(TOMLSyntaxError) -> [(key: String, element: Int?)] {
        var path: [(key: String, element: Int?)] = []
        for name in names {
            var step: (key: String, element: Int?) = (name, nil)
            var problem: String?
            try Self.update(&root, along: path[...]) { table throws(TOMLSyntaxError) in
                switch table[name] {
                case nil: table[name] = .table(TOMLTable())
                case .table?: break
                case .array(let elements)? where elements.last?.table != nil && elements.allSatisfy({ $0.table != nil }):
                    step.element = elements.count - 1
                default: problem = "key '\(name)' is not a table"
                }
            }
            if let problem { throw TOMLSyntaxError(line: position.0, column: position.1, message: problem) }
            path.append(step)
        }
        return path
    }

    /// `[[a.b]]`: a new table at the end of the array `a.b`, and the path to it.
    private mutating func appendTable(to names: [String], at position: (Int, Int)) throws(TOMLSyntaxError) -> [(key: String, element: Int?)] {
        guard let last = names.last else { return [] }
        var path = try openTable(Array(names.dropLast()), at: position)
        var element = 0
        var problem: String?
        try Self.update(&root, along: path[...]) { table throws(TOMLSyntaxError) in
            switch table[last] {
            case nil:
                table[last] = .array([.table(TOMLTable())])
            case .array(var elements)? where elements.allSatisfy({ $0.table != nil }) && !elements.isEmpty:
                elements.append(.table(TOMLTable()))
                element = elements.count - 1
                table[last] = .array(elements)
            default:
                problem = "key '\(last)' is not an array of tables"
            }
        }
        if let problem { throw TOMLSyntaxError(line: position.0, column: position.1, message: problem) }
        path.append((last, element))
        return path
    }

    // MARK: - Reading

    private func peek() -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func lookingAt(_ text: String) -> Bool {
        var position = index
        for scalar in text.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }

    private mutating func skipSpaces() {
        while let next = peek(), next == " " || next == "\t" { advance() }
    }

    private mutating func skipComment() {
        while let next = peek(), next != "\n" { advance() }
    }

    private mutating func skipNewline() {
        if peek() == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" { advance(2) } else if peek() == "\n" { advance() }
    }

    /// Spaces, line breaks and comments between an array's values.
    private mutating func skipBlank() throws(TOMLSyntaxError) {
        while let next = peek() {
            switch next {
            case " ", "\t", "\n", "\r": advance()
            case "#": skipComment()
            default: return
            }
        }
    }

    /// After a value or header: spaces, maybe a comment, then the line's end.
    private mutating func endOfLine() throws(TOMLSyntaxError) {
        skipSpaces()
        if peek() == "#" { skipComment() }
        switch peek() {
        case nil, "\n"?: return
        case "\r"?:
            guard index + 1 < scalars.count, scalars[index + 1] == "\n" else { throw failure("a carriage return must be followed by a line feed") }
        default:
            throw failure("expected the end of the line")
        }
    }

    private func failure(_ message: String) -> TOMLSyntaxError {
        TOMLSyntaxError(line: line, column: column, message: message)
    }
}
