import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few file operations `khet sample` needs, on plain POSIX calls so that a failure carries
/// the system's reason ("Not a directory", "No space left on device"); Foundation's errors on
/// Linux often say only "The operation could not be completed".
enum SampleFileSystem {
    /// `mkdir -p`: creates the folder and any missing parents.
    static func createFolder(_ folder: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SampleWriteError(path: folder.path, reason: "it exists and is not a folder")
            }
            return
        }
        let parent = folder.deletingLastPathComponent()
        if parent.path != folder.path { try createFolder(parent) }
        if mkdir(folder.path, 0o755) != 0 {
            let code = errno
            guard code == EEXIST else {
                throw SampleWriteError(path: folder.path, reason: "cannot create the folder: \(String(cString: strerror(code)))")
            }
        }
    }

    /// Writes under a temporary name in the same folder, then renames: readers see the old file
    /// or the new one, never half of one.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        try writeAtomically(to: url) { write in try write([UInt8](data)) }
    }

    /// As `writeAtomically(_:to:)`, with the content handed over piece by piece by `produce`, so
    /// a large file never has to be in memory whole.
    static func writeAtomically(to url: URL, _ produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw SampleWriteError(path: url.path, reason: String(cString: strerror(errno)))
        }
        do {
            try produce { bytes in try writeAll(bytes, to: descriptor, path: url.path) }
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw SampleWriteError(path: url.path, reason: reason)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw SampleWriteError(path: url.path, reason: reason)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        guard failure == 0 else {
            throw SampleWriteError(path: path, reason: String(cString: strerror(failure)))
        }
    }
}
