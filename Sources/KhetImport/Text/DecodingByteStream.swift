/// The bytes of a text file in a form the byte-level CSV parser can walk, whatever the file's
/// encoding: UTF-8 as it is, UTF-16 transcoded to UTF-8 chunk by chunk, Windows-874 as it is
/// (its delimiters, quotes and line ends are ASCII too) and decoded per field.
///
/// The encoding is settled from the byte-order mark, or else from the first chunk that holds a
/// byte above 0x7F: valid UTF-8 is UTF-8; otherwise bytes that are Windows-874 letters make it
/// Windows-874. A file of plain ASCII needs no decision at all.
final class DecodingByteStream {
    private let source: ByteSource
    private(set) var encoding: TextEncoding?
    /// True when the encoding was known from a byte-order mark.
    private(set) var hadByteOrderMark = false
    /// Why the file was read as UTF-8 although it is not all UTF-8, for the decoding error.
    private(set) var rejectedWindows874 = false
    private var transcoder: UTF16Transcoder?
    private var started = false
    private(set) var atEnd = false

    /// Bytes taken from the source so far (before any transcoding), for progress.
    private(set) var bytesRead = 0

    init(source: ByteSource) { self.source = source }

    /// In Windows-874 every byte is one character; in the UTF-8 the parser sees, only lead bytes.
    var countsEveryByte: Bool { encoding == .windows874 }

    /// The next chunk in parser form, or an empty array at the end.
    func next(upTo count: Int) throws -> [UInt8] {
        guard !atEnd else { return [] }
        var raw = try source.read(upTo: count)
        bytesRead += raw.count
        if !started {
            started = true
            raw = stripByteOrderMark(raw)
            // Only a mark was read (or the first chunk was all BOM); go on with the next chunk.
            if raw.isEmpty && hadByteOrderMark {
                raw = try source.read(upTo: count)
                bytesRead += raw.count
            }
        }
        if raw.isEmpty {
            atEnd = true
            return transcoder?.finish() ?? []
        }
        if transcoder != nil, let converted = transcoder?.transcode(raw) { return converted }
        if encoding == nil { decide(from: raw) }
        return raw
    }

    /// The text of one field's bytes, or what made them undecodable.
    func decode(_ bytes: [UInt8]) -> Result<String, DecodingFailure> {
        switch encoding {
        case .windows874:
            switch Windows874.decode(bytes) {
            case .success(let text): return .success(text)
            case .failure(let failure):
                return .failure(DecodingFailure(encoding: .windows874, bytes: Array(bytes[failure.offset...].prefix(4)),
                                                alsoTried: nil, offset: failure.offset))
            }
        case .utf16LittleEndian?, .utf16BigEndian?:
            if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
            return .failure(DecodingFailure(encoding: encoding ?? .utf16LittleEndian,
                                            bytes: transcoder?.firstInvalidUnit ?? [], alsoTried: nil))
        case .utf8?, nil:
            // `String(decoding:)` is specialised and quick; when it needed no repair, the bytes
            // were valid UTF-8 and come back unchanged.
            var quick = String(decoding: bytes, as: UTF8.self)
            let unchanged = quick.withUTF8 { decoded in
                bytes.withUnsafeBufferPointer { original in
                    guard decoded.count == original.count else { return false }
                    for index in 0..<original.count where decoded[index] != original[index] { return false }
                    return true
                }
            }
            if unchanged { return .success(quick) }
            if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
            var offset = 0
            if case .invalid(let at) = UTF8Validation.check(bytes[...], isComplete: true) { offset = at }
            return .failure(DecodingFailure(encoding: .utf8, bytes: Array(bytes[offset...].prefix(4)),
                                            alsoTried: rejectedWindows874 ? .windows874 : nil,
                                            characters: bytes[..<offset].lazy.filter { $0 & 0xC0 != 0x80 }.count))
        }
    }

    private func stripByteOrderMark(_ raw: [UInt8]) -> [UInt8] {
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8
            hadByteOrderMark = true
            return Array(raw.dropFirst(3))
        }
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            let bigEndian = raw[0] == 0xFE
            encoding = bigEndian ? .utf16BigEndian : .utf16LittleEndian
            hadByteOrderMark = true
            transcoder = UTF16Transcoder(bigEndian: bigEndian)
            return Array(raw.dropFirst(2))
        }
        return raw
    }

    /// Valid UTF-8 bytes above 0x7F before a broken spot that make the file UTF-8: about 20 Thai letters.
    private static let convincingUTF8Bytes = 64

    /// Settles the encoding from the first chunk that is not plain ASCII. Everything before it
    /// was ASCII, which reads the same in every candidate, so nothing already parsed changes.
    private func decide(from chunk: [UInt8]) {
        guard let firstHigh = chunk.firstIndex(where: { $0 >= 0x80 }) else { return }
        // Everything before `firstHigh` is ASCII, so it starts a character.
        let check = UTF8Validation.check(chunk[firstHigh...], isComplete: false)
        if check == .valid {
            encoding = .utf8
            return
        }
        // Plenty of valid UTF-8 before the first bad byte: a UTF-8 file with one broken spot (a
        // pasted character), to be reported at its own line and column, not the file read as
        // Thai Windows-874 and failing on its first line. Windows-874 text makes valid UTF-8
        // only by chance, a few bytes at a time (เขต is E0 A2 B5).
        if case .invalid(let at) = check,
           chunk[firstHigh..<min(firstHigh + at, chunk.count)].lazy.filter({ $0 >= 0x80 }).count >= Self.convincingUTF8Bytes {
            encoding = .utf8
            return
        }
        var thai = 0
        var other = 0
        for byte in chunk[firstHigh...] where byte >= 0x80 {
            if Windows874.isThai(byte) || (Windows874.isDefined(byte) && byte < 0xA1) { thai += 1 } else { other += 1 }
        }
        // A stray undefined byte in a Thai file is reported in its field. Broken UTF-8 Thai text
        // has far more bytes Windows-874 leaves undefined: about a third of them (most of 0x81–0x9F).
        if thai > 0 && other * 4 <= thai {
            encoding = .windows874
        } else {
            encoding = .utf8
            rejectedWindows874 = true
        }
    }
}

/// Bytes that could not be decoded, and in which encoding(s) they were tried.
struct DecodingFailure: Error {
    var encoding: TextEncoding
    var bytes: [UInt8]
    var alsoTried: TextEncoding?
    /// Characters of the field before the undecodable bytes, to place the error on them.
    var charactersBefore = 0

    init(encoding: TextEncoding, bytes: [UInt8], alsoTried: TextEncoding?, characters: Int = 0) {
        self.encoding = encoding
        self.bytes = bytes
        self.alsoTried = alsoTried
        self.charactersBefore = characters
    }

    init(encoding: TextEncoding, bytes: [UInt8], alsoTried: TextEncoding?, offset: Int) {
        self.init(encoding: encoding, bytes: bytes, alsoTried: alsoTried, characters: offset)
    }

    var hexBytes: String {
        bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return byte < 0x10 ? "0" + digits : digits
        }.joined(separator: " ")
    }
}
