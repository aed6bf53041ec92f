import Foundation

/// Where a reader's bytes come from: a file read in chunks, or bytes already in memory (tests,
/// fuzzing). An empty answer means the end.
protocol ByteSource: AnyObject {
    func read(upTo count: Int) throws -> [UInt8]
}

final class FileByteSource: ByteSource {
    private let handle: FileHandle

    init(handle: FileHandle) { self.handle = handle }
    deinit { try? handle.close() }

    func read(upTo count: Int) throws -> [UInt8] {
        guard let data = try handle.read(upToCount: count) else { return [] }
        return [UInt8](data)
    }
}

final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(upTo count: Int) throws -> [UInt8] {
        let end = min(offset + count, bytes.count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
