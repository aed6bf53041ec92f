import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The bytes of a file from an offset on, read straight into a caller's buffer in large blocks:
/// no `Data` or array per read. For the pupil-record fast path, which reads hundreds of megabytes.
final class BlockSource {
    private var descriptor: Int32 = -1
    private let memory: [UInt8]?
    private var offset: Int

    /// Nil when the file cannot be opened or positioned (the generic reader then says why).
    init?(_ origin: CSVReader.Origin, from offset: Int) {
        self.offset = offset
        switch origin {
        case .bytes(let bytes):
            memory = bytes
        case .file(let path):
            memory = nil
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { return nil }
            guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
                close(descriptor)
                return nil
            }
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Fills as much of `buffer` as the source has; 0 at the end, nil when reading failed.
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if let memory {
            let count = min(buffer.count, memory.count - offset)
            guard count > 0 else { return 0 }
            memory.withUnsafeBufferPointer { source in
                if let start = source.baseAddress { base.update(from: start + offset, count: count) }
            }
            offset += count
            return count
        }
        var filled = 0
        while filled < buffer.count {
            let got = Glibc.read(descriptor, base + filled, buffer.count - filled)
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            filled += got
        }
        offset += filled
        return filled
    }
}
