import Foundation
import KhetCore

/// A streaming RFC 4180 reader that works on bytes: quoted fields with embedded commas, quotes
/// and newlines; CRLF, LF or CR line ends; UTF-8 with or without a byte-order mark. It holds one
/// chunk of the file and one record in memory, whatever the file's size.
public final class CSVReader {
    public let displayName: String
    private let handle: FileHandle
    private var chunk: [UInt8] = []
    private var index = 0
    private var atEnd = false
    private var line = 1
    private var column = 1
    private var startedFile = false
    private static let chunkSize = 1 << 16

    private enum Byte {
        static let quote: UInt8 = 0x22
        static let comma: UInt8 = 0x2C
        static let lineFeed: UInt8 = 0x0A
        static let carriageReturn: UInt8 = 0x0D
    }

    /// Opens `path`; `displayName` is how diagnostics name the file (usually as the batch wrote it).
    public init(path: String, displayName: String? = nil) throws {
        let name = displayName ?? path
        self.displayName = name
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ImportError(exists ? .badData : .missingFile, Diagnostic(
                .error, code: "FILE001", file: name,
                message: exists ? "cannot read the file" : "file not found",
                hint: exists ? "check its permissions" : "check the path in the batch file"))
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next record, or nil at the end of the file. Throws an `ImportError` for a file whose
    /// structure is broken (an unclosed quote, text after a closing quote, bytes that are not UTF-8).
    public func next() throws -> CSVRecord? {
        try skipByteOrderMark()
        guard try peek() != nil else { return nil }
        var fields: [String] = []
        var positions: [CSVPosition] = []
        var field: [UInt8] = []
        while true {
            let start = CSVPosition(line: line, column: column)
            field.removeAll(keepingCapacity: true)
            let ended = try readField(into: &field, start: start)
            fields.append(try decode(field, at: start))
            positions.append(start)
            if ended { return CSVRecord(fields: fields, positions: positions) }
        }
    }

    /// Reads one field; returns true when it ended the record (line end or end of file).
    private func readField(into field: inout [UInt8], start: CSVPosition) throws -> Bool {
        if try peek() == Byte.quote {
            advance()
            while true {
                guard let byte = try peek() else {
                    throw malformed("CSV001", at: start, "a quoted field is never closed",
                                    hint: "add the closing \" or remove the opening one")
                }
                if byte == Byte.quote {
                    advance()
                    if try peek() == Byte.quote {
                        field.append(Byte.quote)
                        advance()
                        continue
                    }
                    break
                }
                try consumeInto(&field, byte)
            }
            guard let after = try peek() else { return true }
            switch after {
            case Byte.comma: advance(); return false
            case Byte.lineFeed, Byte.carriageReturn: try consumeLineEnd(); return true
            default:
                throw malformed("CSV002", at: CSVPosition(line: line, column: column),
                                "text after the closing quote of a field",
                                hint: "a quote inside a quoted field is written twice: \"\"")
            }
        }
        while let byte = try peek() {
            switch byte {
            case Byte.comma:
                advance()
                return false
            case Byte.lineFeed, Byte.carriageReturn:
                try consumeLineEnd()
                return true
            case Byte.quote:
                throw malformed("CSV003", at: CSVPosition(line: line, column: column),
                                "a quote inside a field that does not start with a quote",
                                hint: "put the whole field in quotes and double the inner quote")
            default:
                field.append(byte)
                advance()
            }
        }
        return true
    }

    /// Appends a byte of a quoted field, keeping line and column right across embedded line ends.
    private func consumeInto(_ field: inout [UInt8], _ byte: UInt8) throws {
        if byte == Byte.lineFeed || byte == Byte.carriageReturn {
            field.append(Byte.lineFeed)
            try consumeLineEnd()
        } else {
            field.append(byte)
            advance()
        }
    }

    private func consumeLineEnd() throws {
        if try peek() == Byte.carriageReturn {
            index += 1
            if try peek() == Byte.lineFeed { index += 1 }
        } else {
            index += 1
        }
        line += 1
        column = 1
    }

    private func decode(_ bytes: [UInt8], at start: CSVPosition) throws -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let shown = bytes.prefix(8).map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        throw malformed("CSV004", at: start, "the field is not valid UTF-8 (bytes \(shown))",
                        hint: "save the file as CSV UTF-8")
    }

    private func skipByteOrderMark() throws {
        guard !startedFile else { return }
        startedFile = true
        guard try peek() == 0xEF else { return }
        if chunk.count - index < 3 { try refill() }
        if chunk.count - index >= 3 && chunk[index + 1] == 0xBB && chunk[index + 2] == 0xBF {
            index += 3
        }
    }

    private func peek() throws -> UInt8? {
        if index >= chunk.count {
            if atEnd { return nil }
            try refill()
            if index >= chunk.count { return nil }
        }
        return chunk[index]
    }

    /// Moves past one byte; a UTF-8 continuation byte does not count as a new column.
    private func advance() {
        if chunk[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
    }

    private func refill() throws {
        let rest = index < chunk.count ? Array(chunk[index...]) : []
        let data: Data
        do {
            data = try handle.read(upToCount: CSVReader.chunkSize) ?? Data()
        } catch {
            throw ImportError(.badData, Diagnostic(.error, code: "FILE002", file: displayName, line: line,
                                                   message: "reading failed: \(error.localizedDescription)"))
        }
        if data.isEmpty { atEnd = true }
        chunk = rest + data
        index = 0
    }

    private func malformed(_ code: String, at position: CSVPosition, _ message: String, hint: String) -> ImportError {
        ImportError(.badData, Diagnostic(.error, code: code, file: displayName, line: position.line,
                                         column: position.column, message: message, hint: hint))
    }
}
