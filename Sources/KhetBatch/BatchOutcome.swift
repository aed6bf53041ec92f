import Foundation
import KhetCalc
import KhetCore

/// What a run wrote, and what it found on the way that did not stop it.
public struct BatchOutcome: Sendable {
    public enum Scope: Sendable, Equatable {
        /// One area's batch.
        case area(Area)
        /// A national batch: this many areas and the national summary.
        case national(areaCount: Int)
    }

    public var scope: Scope
    public var fiscalYear: FiscalYear
    /// The files and folders written, in order, inside the output folder; the notices as their folder.
    public var written: [URL]
    /// The folder of the school notices, when the run wrote them as one folder (an area's run).
    public var noticesFolder: URL?
    public var noticeCount = 0
    /// Notes and warnings of the manifest, the import and the calculation.
    public var diagnostics: [Diagnostic]
    /// Input files read, for the summary line.
    public var fileCount: Int
    /// The framework is provisional: every output carries a DRAFT banner.
    public var isProvisional = false
    /// Each stage's time, when the options asked for them.
    public var timings: StageTimings?
    /// OBEC's allocation lists against Khet's figures, one per `[[inputs.obec_lists]]` entry.
    public var reconciliations: [Reconciliation] = []
    /// The reconciliations as a short table for the terminal.
    public var reconciliationTable: [String] = []
    /// Whether every OBEC list agrees with Khet's figures (true when there are none).
    public var listsAgree: Bool { reconciliations.allSatisfy(\.agrees) }
}
