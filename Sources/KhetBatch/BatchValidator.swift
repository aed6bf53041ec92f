import Foundation
import KhetCore

/// `khet validate`: a batch read, imported and (unless asked not to) calculated, every problem
/// collected, nothing written.
public struct BatchValidator: Sendable {
    /// What validation found.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        /// False when the batch file itself could not be read: nothing else was checked.
        public var manifestRead: Bool
        public var fileCount: Int
        public var schoolCount = 0
        public var snapshotCount = 0
        /// A national data set's areas; nil for an area's batch.
        public var areaCount: Int?
    }

    /// Check the inputs only, without the calculation (what `make bench` times as the import).
    public var importOnly: Bool

    public init(importOnly: Bool = false) {
        self.importOnly = importOnly
    }

    /// Throws only when Khet's own data files are missing; every problem of the batch is in the report.
    public func validate(batch path: String) throws(BatchFailure) -> Report {
        try DataFiles.check()
        let read = BatchManifestReader().read(path: path)
        guard let manifest = read.manifest else {
            return Report(diagnostics: read.diagnostics, manifestRead: false, fileCount: 1)
        }
        let data = BatchData.importing(manifest)
        var all = read.diagnostics + data.diagnostics
        if !all.hasErrors && !importOnly {
            // The calculators find problems too (a grade without a rate, a round without its count).
            // A national data set is calculated area by area, as `khet run` does.
            let batches = manifest.isNationalDataSet
                ? zip(data.areas, data.schoolsByArea()).map { data.part(for: $0, schools: $1) } : [data]
            all = read.diagnostics + (manifest.isNationalDataSet ? data.diagnostics : [])
            for batch in batches {
                do {
                    all += (try AreaBatchRunner(data: batch).calculate()).diagnostics
                } catch {
                    all += error.diagnostics
                }
            }
        }
        return Report(diagnostics: all, manifestRead: true, fileCount: data.fileCount, schoolCount: data.schools.count,
                      snapshotCount: data.snapshots.count, areaCount: manifest.isNationalDataSet ? data.areas.count : nil)
    }
}
