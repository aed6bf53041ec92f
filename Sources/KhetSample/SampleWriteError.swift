import Foundation

/// Why the sample could not be written, always naming the path so the analyst can fix it.
public struct SampleWriteError: Error, CustomStringConvertible, LocalizedError {
    public var path: String
    public var reason: String

    public var description: String { "cannot write \(path): \(reason)" }
    public var errorDescription: String? { description }
}
