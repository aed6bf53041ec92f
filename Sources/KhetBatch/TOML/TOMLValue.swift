/// A value of a batch file: the TOML that batch files use (strings, whole numbers, booleans,
/// arrays, tables). Khet reads TOML itself: the package it used to read it with (TOMLKit 0.6.0,
/// over toml++) stopped the whole program on a malformed table header such as a lone `[`.
indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([TOMLValue])
    case table(TOMLTable)

    var string: String? { if case .string(let value) = self { return value } else { return nil } }
    var int: Int? { if case .integer(let value) = self { return value } else { return nil } }
    var bool: Bool? { if case .boolean(let value) = self { return value } else { return nil } }
    var array: [TOMLValue]? { if case .array(let value) = self { return value } else { return nil } }
    var table: TOMLTable? { if case .table(let value) = self { return value } else { return nil } }
}

/// A table of a batch file: its keys in the order written, and their values.
struct TOMLTable: Sendable, Equatable {
    private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]

    init() {}

    /// Parses a whole batch file; throws the first syntax error with its line and column.
    init(string text: String) throws(TOMLSyntaxError) {
        var parser = TOMLParser(text)
        self = try parser.document()
    }

    subscript(key: String) -> TOMLValue? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            values[key] = newValue
        }
    }
}

/// Why a batch file is not TOML, and where.
struct TOMLSyntaxError: Error, Sendable {
    var line: Int
    var column: Int
    var message: String
}
