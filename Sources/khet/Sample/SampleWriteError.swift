import Foundation

/// Why the sample could not be written, always naming the path so the analyst can fix it.
struct SampleWriteError: Error, CustomStringConvertible, LocalizedError {
    var path: String
    var reason: String

    var description: String { "cannot write \(path): \(reason)" }
    var errorDescription: String? { description }
}
