import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes that can be read at any offset: a zip archive is read from its end (the central
/// directory) and then at each entry's offset. A file is read with `pread`, never loaded whole.
protocol RandomAccessBytes: AnyObject {
    var size: Int { get }
    /// Up to `count` bytes at `offset`; fewer only at the end. Throws when reading fails.
    func read(at offset: Int, count: Int) throws -> [UInt8]
}

struct RandomAccessReadError: Error {}

final class FileRandomAccessBytes: RandomAccessBytes {
    private let descriptor: Int32
    let size: Int

    /// Nil when the file cannot be opened.
    init?(path: String) {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            return nil
        }
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    func read(at offset: Int, count: Int) throws -> [UInt8] {
        let wanted = max(0, min(count, size - offset))
        guard wanted > 0, offset >= 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        try bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while filled < wanted {
                let got = pread(descriptor, base + filled, wanted - filled, off_t(offset + filled))
                if got < 0 {
                    if errno == EINTR { continue }
                    throw RandomAccessReadError()
                }
                if got == 0 { break }
                filled += got
            }
        }
        return filled == wanted ? bytes : Array(bytes[..<filled])
    }
}

final class MemoryRandomAccessBytes: RandomAccessBytes {
    private let bytes: [UInt8]
    var size: Int { bytes.count }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(at offset: Int, count: Int) throws -> [UInt8] {
        guard offset >= 0, offset < bytes.count, count > 0 else { return [] }
        return Array(bytes[offset..<min(bytes.count, offset + count)])
    }
}
