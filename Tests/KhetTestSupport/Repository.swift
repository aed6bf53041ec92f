import Foundation

/// Paths inside the Khet repository, found from this source file, so tests run from any folder.
public enum Repository {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The `khet` binary built alongside the tests (debug or release, whichever `swift test` built).
    public static var khetBinary: String {
        let candidates = [".build/debug/khet", ".build/release/khet"].map(path)
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("khet").path
        return ([bundle] + candidates).first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }
}
