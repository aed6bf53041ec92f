/// The entries of a zip archive, read from its central directory (the reliable list: a local
/// header may leave sizes to a trailing data descriptor). Zip64 sizes and offsets are read, so a
/// large sheet works; stored and deflate entries can be streamed (`ZipEntryStream`).
struct ZipArchive {
    struct Entry: Equatable {
        var name: String
        var method: Int
        var flags: Int
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let source: RandomAccessBytes
    /// By lowercased name (the parts of an Office file are named without regard to case); the
    /// first of duplicate names wins, as in most readers.
    private(set) var entries: [String: Entry] = [:]

    /// The most entries and central-directory bytes Khet accepts: an XLSX has tens of parts.
    static let mostEntries = 100_000
    static let largestDirectory = 64 << 20

    init(source: RandomAccessBytes) throws {
        self.source = source
        let (count, directorySize, directoryOffset) = try Self.endOfCentralDirectory(in: source)
        guard count <= Self.mostEntries, directorySize <= Self.largestDirectory,
              directoryOffset >= 0, directoryOffset + directorySize <= source.size else {
            throw ZipError.damaged("the central directory is out of range")
        }
        let directory = try Self.read(source, at: directoryOffset, count: directorySize)
        var position = 0
        for _ in 0..<count {
            guard position + 46 <= directory.count, directory.uint32(at: position) == 0x0201_4B50 else {
                throw ZipError.damaged("a central-directory entry is missing")
            }
            let nameLength = directory.uint16(at: position + 28)
            let extraLength = directory.uint16(at: position + 30)
            let commentLength = directory.uint16(at: position + 32)
            let end = position + 46 + nameLength + extraLength + commentLength
            guard end <= directory.count else { throw ZipError.damaged("a central-directory entry is cut short") }
            let nameBytes = directory[(position + 46)..<(position + 46 + nameLength)]
            let name = String(decoding: nameBytes, as: UTF8.self)
            var entry = Entry(name: name, method: directory.uint16(at: position + 10), flags: directory.uint16(at: position + 8),
                              crc32: UInt32(directory.uint32(at: position + 16)),
                              compressedSize: directory.uint32(at: position + 20),
                              uncompressedSize: directory.uint32(at: position + 24),
                              localHeaderOffset: directory.uint32(at: position + 42))
            let extra = Array(directory[(position + 46 + nameLength)..<(position + 46 + nameLength + extraLength)])
            try Self.applyZip64(extra, to: &entry)
            if entries[name.lowercased()] == nil { entries[name.lowercased()] = entry }
            position = end
        }
    }

    /// The entry called `name`, or nil.
    func entry(_ name: String) -> Entry? { entries[name.lowercased()] }

    /// A stream of the entry's uncompressed bytes.
    func stream(_ entry: Entry, limit: Int) throws -> ZipEntryStream {
        if entry.flags & 1 != 0 { throw ZipError.encrypted(entry: entry.name) }
        guard entry.method == 0 || entry.method == 8 else {
            throw ZipError.unsupportedMethod(entry: entry.name, method: entry.method)
        }
        guard entry.uncompressedSize <= limit else { throw ZipError.tooLarge(entry: entry.name) }
        let header = try Self.read(source, at: entry.localHeaderOffset, count: 30)
        guard header.uint32(at: 0) == 0x0403_4B50 else { throw ZipError.damaged("a local header is missing") }
        let dataOffset = entry.localHeaderOffset + 30 + header.uint16(at: 26) + header.uint16(at: 28)
        guard dataOffset + entry.compressedSize <= source.size else {
            throw ZipError.damaged("a part runs past the end of the file")
        }
        return try ZipEntryStream(source: source, entry: entry, dataOffset: dataOffset)
    }

    /// The whole uncompressed entry, for the small parts (workbook, relationships, styles).
    func contents(of entry: Entry, limit: Int) throws -> [UInt8] {
        let stream = try stream(entry, limit: limit)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entry.uncompressedSize)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = try buffer.withUnsafeMutableBufferPointer { try stream.read(into: $0) }
            if got == 0 { break }
            bytes.append(contentsOf: buffer[..<got])
        }
        return bytes
    }

    // MARK: - Structure

    private static func read(_ source: RandomAccessBytes, at offset: Int, count: Int) throws -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try source.read(at: offset, count: count) } catch { throw ZipError.readFailed }
        guard bytes.count == count else { throw ZipError.damaged("the file ends early") }
        return bytes
    }

    /// Entry count, directory size and offset, from the end record (zip64 when it says so).
    private static func endOfCentralDirectory(in source: RandomAccessBytes) throws -> (Int, Int, Int) {
        // The record is 22 bytes plus a comment of at most 65,535.
        let tailLength = min(source.size, 22 + 65_535)
        guard tailLength >= 22 else { throw ZipError.notAnArchive }
        let tailStart = source.size - tailLength
        let tail = try read(source, at: tailStart, count: tailLength)
        var found: Int?
        var index = tail.count - 22
        while index >= 0 {
            if tail.uint32(at: index) == 0x0605_4B50 { found = index; break }
            index -= 1
        }
        guard let record = found else { throw ZipError.notAnArchive }
        var count = tail.uint16(at: record + 10)
        var size = tail.uint32(at: record + 12)
        var offset = tail.uint32(at: record + 16)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            let locatorAt = tailStart + record - 20
            guard locatorAt >= 0 else { throw ZipError.damaged("the zip64 locator is missing") }
            let locator = try read(source, at: locatorAt, count: 20)
            guard locator.uint32(at: 0) == 0x0706_4B50 else { throw ZipError.damaged("the zip64 locator is missing") }
            let zip64At = locator.uint64(at: 8)
            guard zip64At >= 0, zip64At + 56 <= source.size else { throw ZipError.damaged("the zip64 record is out of range") }
            let zip64 = try read(source, at: zip64At, count: 56)
            guard zip64.uint32(at: 0) == 0x0606_4B50 else { throw ZipError.damaged("the zip64 record is missing") }
            count = zip64.uint64(at: 32)
            size = zip64.uint64(at: 40)
            offset = zip64.uint64(at: 48)
        }
        return (count, size, offset)
    }

    /// Sizes and offset stored as 0xFFFFFFFF are in the zip64 extra field, in this order.
    private static func applyZip64(_ extra: [UInt8], to entry: inout Entry) throws {
        var position = 0
        while position + 4 <= extra.count {
            let id = extra.uint16(at: position)
            let length = extra.uint16(at: position + 2)
            let body = position + 4
            guard body + length <= extra.count else { break }
            if id == 0x0001 {
                var field = body
                func next() throws -> Int {
                    guard field + 8 <= body + length else { throw ZipError.damaged("a zip64 field is cut short") }
                    defer { field += 8 }
                    return extra.uint64(at: field)
                }
                if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = try next() }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try next() }
                if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = try next() }
            }
            position = body + length
        }
    }
}

extension Array where Element == UInt8 {
    /// Little-endian fields; callers check the range first.
    func uint16(at index: Int) -> Int { Int(self[index]) | Int(self[index + 1]) << 8 }
    func uint32(at index: Int) -> Int { uint16(at: index) | uint16(at: index + 2) << 16 }
    /// A zip64 field; a value past Int's range (a damaged file) comes back negative and fails the range checks.
    func uint64(at index: Int) -> Int {
        let low = UInt64(uint32(at: index)), high = UInt64(uint32(at: index + 4))
        return Int(truncatingIfNeeded: low | high << 32)
    }
}
