/// One record of a CSV file with where each field started, so a mapper can point at a cell.
public struct CSVRecord: Sendable {
    public var fields: [String]
    /// The line and column (1-based, in characters) where each field starts.
    public var positions: [CSVPosition]

    public init(fields: [String], positions: [CSVPosition]) {
        self.fields = fields
        self.positions = positions
    }

    /// The line the record starts on.
    public var line: Int { positions.first?.line ?? 0 }

    public subscript(index: Int) -> String? {
        index < fields.count ? fields[index] : nil
    }

    /// Where field `index` starts; past the last field, the end of the record's first line.
    public func position(of index: Int) -> CSVPosition {
        if index < positions.count { return positions[index] }
        return positions.last ?? CSVPosition(line: 0, column: 0)
    }

    /// A line with nothing on it, or only commas: skipped by mappers.
    public var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

public struct CSVPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
