import Foundation
import KhetCalc
import KhetCore

/// `khet reconcile`: a batch imported and calculated, each of its OBEC lists compared with
/// Khet's figures, nothing written (`khet run` writes the same comparison as reconciliation.xlsx).
public struct BatchReconciler: Sendable {
    public struct Report: Sendable {
        public var reconciliations: [Reconciliation]
        /// The short table for the terminal.
        public var table: [String]
        public var diagnostics: [Diagnostic]
        public var fileCount: Int

        public var agrees: Bool { reconciliations.allSatisfy(\.agrees) }
    }

    public init() {}

    /// Throws the batch's errors, as `khet run` would; a batch without OBEC lists is an error too.
    public func reconcile(batch path: String) throws(BatchFailure) -> Report {
        try DataFiles.check()
        let read = BatchManifestReader().read(path: path)
        guard let manifest = read.manifest else {
            throw BatchFailure(stage: .manifest, diagnostics: read.diagnostics, fileCount: 1)
        }
        guard !manifest.allocationLists.isEmpty, !manifest.isNationalDataSet else {
            throw BatchFailure(stage: .manifest, diagnostics: read.diagnostics + [Diagnostic(
                .error, code: "BAT013", file: manifest.file.displayName,
                message: manifest.isNationalDataSet ? "reconcile an area's OBEC lists in the area's own batch"
                                                    : "the batch has no OBEC allocation list to reconcile",
                hint: "add [[inputs.obec_lists]] with programme, round and file")], fileCount: 1)
        }
        let data = BatchData.importing(manifest)
        guard !data.diagnostics.hasErrors else {
            throw BatchFailure(stage: .input, diagnostics: read.diagnostics + data.diagnostics, fileCount: data.fileCount)
        }
        let calculation: AreaBatchRunner.Calculation
        do {
            calculation = try AreaBatchRunner(data: data).calculate()
        } catch {
            throw BatchFailure(stage: .calculation, diagnostics: read.diagnostics + error.diagnostics, fileCount: data.fileCount)
        }
        let table = ReconciliationTable(reconciliations: calculation.reconciliations, framework: calculation.framework,
                                        language: .english).lines
        return Report(reconciliations: calculation.reconciliations, table: table,
                      diagnostics: read.diagnostics + calculation.diagnostics, fileCount: data.fileCount)
    }
}
