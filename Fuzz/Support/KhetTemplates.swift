import Foundation

/// The fuzz build compiles the readers with swiftc, outside SwiftPM, so there is no resource
/// bundle: this stands in for the `KhetTemplates` target and finds the same files in the
/// repository's `templates/` folder, named by `KHET_TEMPLATES` (set by `make fuzz`).
public enum KhetTemplates {
    public static var directory: URL? {
        ProcessInfo.processInfo.environment["KHET_TEMPLATES"].map { URL(fileURLWithPath: $0, isDirectory: true) }
    }

    public static func url(_ relativePath: String) -> URL? {
        guard let directory else { return nil }
        let url = directory.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
