import Foundation
import KhetCore

/// A streaming RFC 4180 reader that works on bytes: quoted fields with embedded delimiters,
/// quotes and newlines; CRLF, LF or CR line ends. It holds one chunk of the file and one record
/// in memory, whatever the file's size, and makes a String once per field, never per byte.
///
/// Encoding (UTF-8 with or without BOM, UTF-16 with BOM, Windows-874) and delimiter (comma,
/// semicolon, tab) are detected from the file; see `DecodingByteStream` and `DelimiterSniffer`.
public final class CSVReader {
    public let displayName: String
    /// Where the bytes came from, so a faster reader can take over after the header.
    let origin: Origin
    private let input: DecodingByteStream
    private var chunk: [UInt8] = []
    private var index = 0
    private var line = 1
    private var column = 1
    private var started = false
    private var separator: UInt8 = Byte.comma
    private var lastWidth = 8
    private static let chunkSize = 1 << 16

    enum Origin {
        case file(path: String)
        case bytes([UInt8])
    }

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
                thaiMessage: exists ? "อ่านไฟล์ไม่ได้" : "ไม่พบไฟล์",
                hint: exists ? "check its permissions" : "check the path in the batch file"))
        }
        input = DecodingByteStream(source: FileByteSource(handle: handle))
        origin = .file(path: path)
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Reads `bytes` already in memory, as if they were a file called `displayName`.
    public init(bytes: [UInt8], displayName: String) {
        self.displayName = displayName
        origin = .bytes(bytes)
        input = DecodingByteStream(source: MemoryByteSource(bytes))
    }

    /// A new reader of the same file or bytes, from the top.
    func reopened() throws -> CSVReader {
        switch origin {
        case .file(let path): return try CSVReader(path: path, displayName: displayName)
        case .bytes(let bytes): return CSVReader(bytes: bytes, displayName: displayName)
        }
    }

    /// Bytes of the file read so far, for a progress display.
    public var bytesRead: Int { input.bytesRead }
    /// The file's size in bytes, when it is a file; 0 for bytes in memory.
    public private(set) var totalBytes = 0

    /// The encoding the file is read in; nil while everything read so far is plain ASCII.
    public var encoding: TextEncoding? { input.encoding }
    /// The delimiter found in the first lines (`,` `;` or tab); a comma until reading starts.
    public var delimiter: Character { Character(Unicode.Scalar(separator)) }

    /// Where the next record starts, for a reader that takes over from here: its offset in the
    /// source's bytes, its line, and the delimiter. Nil when the bytes the parser walks are not
    /// the source's own (UTF-16 transcoded to UTF-8) or before the first record was read.
    var resumePoint: (offset: Int, line: Int, separator: UInt8)? {
        guard started, input.encoding == nil || input.encoding == .utf8 else { return nil }
        return (input.bytesRead - (chunk.count - index), line, separator)
    }

    /// The next record, or nil at the end of the file. Throws an `ImportError` for a file whose
    /// structure is broken (an unclosed quote, text after a closing quote, undecodable bytes).
    public func next() throws -> CSVRecord? {
        if !started { try start() }
        guard try peek() != nil else { return nil }
        var fields: [String] = []
        var positions: [CSVPosition] = []
        // Records of a file have the same width, nearly always: one allocation each, not several.
        fields.reserveCapacity(lastWidth)
        positions.reserveCapacity(lastWidth)
        var field: [UInt8] = []
        while true {
            let start = CSVPosition(line: line, column: column)
            field.removeAll(keepingCapacity: true)
            let ended = try readField(into: &field, start: start)
            try checkText(field, at: start)
            fields.append(try decode(field, at: start))
            positions.append(start)
            if ended {
                lastWidth = fields.count
                return CSVRecord(fields: fields, positions: positions)
            }
        }
    }

    private func start() throws {
        started = true
        try refill()
        separator = DelimiterSniffer.delimiter(in: chunk[...])
    }

    /// Reads one field; returns true when it ended the record (line end or end of file).
    private func readField(into field: inout [UInt8], start: CSVPosition) throws -> Bool {
        if try peek() == Byte.quote {
            advance()
            while true {
                guard let byte = try peek() else {
                    throw malformed("CSV001", at: start, "a quoted field is never closed",
                                    thai: "เครื่องหมายคำพูด \" ที่เปิดไว้ไม่ได้ปิด",
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
            case separator: advance(); return false
            case Byte.lineFeed, Byte.carriageReturn: try consumeLineEnd(); return true
            default:
                throw malformed("CSV002", at: CSVPosition(line: line, column: column),
                                "text after the closing quote of a field",
                                thai: "มีข้อความต่อท้ายเครื่องหมายคำพูดปิดของช่อง",
                                hint: "a quote inside a quoted field is written twice: \"\"")
            }
        }
        while try peek() != nil {
            // The run of plain bytes up to the next delimiter, line end or quote, in one pass
            // over the chunk rather than a peek and an advance per byte.
            let separator = self.separator
            let countsEveryByte = input.countsEveryByte
            var stop = index
            var characters = 0
            chunk.withUnsafeBufferPointer { bytes in
                while stop < bytes.count {
                    let byte = bytes[stop]
                    if byte == separator || byte == Byte.lineFeed || byte == Byte.carriageReturn || byte == Byte.quote {
                        break
                    }
                    if countsEveryByte || byte & 0xC0 != 0x80 { characters += 1 }
                    stop += 1
                }
            }
            if stop > index {
                field.append(contentsOf: chunk[index..<stop])
                column += characters
                index = stop
                continue
            }
            guard let byte = try peek() else { break }
            switch byte {
            case separator:
                advance()
                return false
            case Byte.lineFeed, Byte.carriageReturn:
                try consumeLineEnd()
                return true
            case Byte.quote:
                throw malformed("CSV003", at: CSVPosition(line: line, column: column),
                                "a quote inside a field that does not start with a quote",
                                thai: "มีเครื่องหมายคำพูดอยู่กลางช่องที่ไม่ได้ขึ้นต้นด้วยเครื่องหมายคำพูด",
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

    /// The most characters an XLSX cell holds: a longer value could never be written out.
    static let longestField = 32_767

    /// Control characters (but tab, and the line breaks a quoted field may hold) and NUL cut
    /// names short or make output files that do not open; a field no cell can hold fails late.
    /// Both are errors at the field, before anything is read into the batch.
    private func checkText(_ bytes: [UInt8], at start: CSVPosition) throws {
        if let bad = bytes.first(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F }) {
            let name = bad == 0 ? "NUL" : String(format: "U+%04X", Int(bad))
            throw malformed("CSV005", at: start, "the field holds a control character (\(name))",
                            thai: "ช่องนี้มีอักขระควบคุม (\(name))", hint: "delete the invisible character, or retype the value")
        }
        // Bytes bound the characters from above: only a long field is counted.
        if bytes.count > Self.longestField, (try? decode(bytes, at: start))?.utf16.count ?? 0 > Self.longestField {
            throw malformed("CSV006", at: start, "the field is longer than \(Self.longestField) characters, the most a spreadsheet cell holds",
                            thai: "ช่องนี้ยาวเกิน \(Self.longestField) ตัวอักษร ซึ่งเป็นความยาวสูงสุดของเซลล์", hint: "shorten the text; a spreadsheet cell holds at most 32,767 characters")
        }
    }

    private func decode(_ bytes: [UInt8], at start: CSVPosition) throws -> String {
        switch input.decode(bytes) {
        case .success(let text):
            return text
        case .failure(let failure):
            var tried = "as \(failure.encoding.name)"
            var thaiTried = "แบบ \(failure.encoding.name)"
            if let also = failure.alsoTried {
                tried += " nor as \(also.name)"
                thaiTried += " หรือ \(also.name)"
            }
            // The error sits on the bad bytes themselves, not on the start of their field.
            let at = CSVPosition(line: start.line, column: start.column + failure.charactersBefore)
            throw malformed("CSV004", at: at, "bytes \(failure.hexBytes) in this field cannot be read \(tried)",
                            thai: "ไบต์ \(failure.hexBytes) ในช่องนี้อ่าน\(thaiTried)ไม่ได้",
                            hint: "save the file again from Excel as “CSV UTF-8”")
        }
    }

    private func peek() throws -> UInt8? {
        if index >= chunk.count {
            if input.atEnd { return nil }
            try refill()
            if index >= chunk.count { return nil }
        }
        return chunk[index]
    }

    /// Moves past one byte; in UTF-8 a continuation byte does not start a new column.
    private func advance() {
        if input.countsEveryByte || chunk[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
    }

    /// Reads until there is something past `index` or the file has ended (a UTF-16 chunk can
    /// transcode to nothing when it holds only half a character).
    private func refill() throws {
        var rest = index < chunk.count ? Array(chunk[index...]) : []
        do {
            while !input.atEnd {
                let more = try input.next(upTo: CSVReader.chunkSize)
                rest += more
                if !more.isEmpty { break }
            }
        } catch {
            throw ImportError(.badData, Diagnostic(.error, code: "FILE002", file: displayName, line: line,
                                                   message: "reading failed: \(error.localizedDescription)",
                                                   thaiMessage: "อ่านไฟล์ไม่สำเร็จ: \(error.localizedDescription)"))
        }
        chunk = rest
        index = 0
    }

    private func malformed(_ code: String, at position: CSVPosition, _ message: String, thai: String,
                           hint: String) -> ImportError {
        ImportError(.badData, Diagnostic(.error, code: code, file: displayName, line: position.line,
                                         column: position.column, message: message, thaiMessage: thai, hint: hint))
    }
}
