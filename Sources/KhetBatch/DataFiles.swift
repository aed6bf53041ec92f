import Foundation
import KhetTemplates

/// Khet's installed data files (frameworks, schemas, report templates): where they are, and the
/// one-line failure when they are not, so an incomplete installation stops before any input is
/// read instead of surfacing as a missing schema in the middle of a batch.
public enum DataFiles {
    /// The data folder in use; nil when none was found.
    public static var directory: URL? { KhetTemplates.directory }

    /// The folders searched, in order.
    public static var searchPath: [URL] { KhetTemplates.searchPath }

    /// The environment variable that names the data folder, overriding the search.
    public static var environmentVariable: String { KhetTemplates.environmentVariable }

    /// Throws the `installation` failure when the data files are missing.
    public static func check() throws(BatchFailure) {
        guard directory == nil else { return }
        let looked = searchPath.map(\.path).joined(separator: ", ")
        throw BatchFailure(stage: .installation,
                           message: "Khet's data files (frameworks, schemas, report templates) are missing: looked in \(looked); "
                               + "reinstall Khet or set \(environmentVariable) to the folder that holds them")
    }
}
