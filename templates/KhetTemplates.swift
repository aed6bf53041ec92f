import Foundation

/// The bundled templates: framework files, schemas and report templates. They live at the top of
/// the repository (`templates/`) where an analyst can read and copy them; SwiftPM bundles them.
public enum KhetTemplates {
    /// The folder holding `frameworks/`, `schema/` and `report/`.
    public static var directory: URL? { Bundle.module.resourceURL }

    /// A bundled file, e.g. `schema/framework.xsd`; nil when the bundle was not installed with the binary.
    public static func url(_ relativePath: String) -> URL? {
        guard let directory else { return nil }
        let url = directory.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
