import Foundation

/// Khet's data files: framework files, schemas, evaluation scales and report templates. They live
/// at the top of the repository (`templates/`) where an analyst can read and copy them, and are
/// found at run time wherever Khet is installed, never through `Bundle.module`, whose generated
/// accessor stops the program when its build folder is gone (an installed copy, a package).
///
/// Where Khet looks, in order (the first folder holding `frameworks/` and `schema/` wins):
/// 1. `$KHET_DATA`, when set (and only there: an override that is wrong must be said, not skipped);
/// 2. `<executable's folder>/../share/khet`: `make install`, the Debian package, any prefix;
/// 3. `<executable's folder>/Khet_KhetTemplates.resources`: the build folder (`swift build`, tests).
public enum KhetTemplates {
    /// The environment variable that names the data folder, overriding the search.
    public static let environmentVariable = "KHET_DATA"

    /// The folders searched, in order.
    public static let searchPath: [URL] = {
        if let override = ProcessInfo.processInfo.environment[environmentVariable], !override.isEmpty {
            return [URL(fileURLWithPath: override, isDirectory: true).standardizedFileURL]
        }
        let folder = executableURL.deletingLastPathComponent()
        return [folder.deletingLastPathComponent().appendingPathComponent("share/khet", isDirectory: true).standardizedFileURL,
                folder.appendingPathComponent("Khet_KhetTemplates.resources", isDirectory: true)]
    }()

    /// The folder holding `frameworks/`, `schema/`, `evaluation/` and `report/`; nil when none
    /// of `searchPath` has them (the installation is incomplete).
    public static let directory: URL? = searchPath.first { folder in
        ["frameworks", "schema"].allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    /// A data file, e.g. `schema/framework.xsd`; nil when it is not installed.
    public static func url(_ relativePath: String) -> URL? {
        guard let directory else { return nil }
        let url = directory.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The running program, with symbolic links resolved (`/usr/local/bin/khet` may point into
    /// `/opt/khet/bin`), so its data is found beside the real file.
    private static var executableURL: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "khet").resolvingSymlinksInPath()
    }
}
