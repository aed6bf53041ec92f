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

    /// A copy of the bundled sample area (samples/tak2) in a fresh temporary folder, so a test can
    /// break or edit its files without touching the repository.
    public static func sampleCopy(_ label: String = "khet-sample") throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(label)
        let source = root.appendingPathComponent("samples/tak2")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        return folder
    }
}
