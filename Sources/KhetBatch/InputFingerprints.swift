import Foundation
import KhetExport

/// The SHA-256 of a run's inputs for manifest.json, computed on a thread of its own from the
/// moment the run starts: a national pupil-record file is hundreds of megabytes, and hashing it
/// on the second core while the first one calculates and writes costs no wall time.
final class InputFingerprints: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[OutputManifest.Entry], Error> = .success([])

    init(_ inputs: [(role: String, file: BatchManifest.InputFile)]) {
        let thread = Thread { [self] in
            result = Result {
                try inputs.map { try OutputManifest.entry(role: $0.role, file: $0.file.url, shownAs: $0.file.displayName) }
            }
            done.signal()
        }
        thread.start()
    }

    /// The entries, once hashed; rethrows a file that could not be read.
    func wait() throws -> [OutputManifest.Entry] {
        done.wait()
        done.signal()
        return try result.get()
    }
}
