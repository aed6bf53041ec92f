import KhetCore

/// Why a run wrote nothing. The output folder is as it was before the run.
public struct BatchFailure: Error, Sendable {
    public enum Stage: Sendable, Equatable {
        /// The batch file itself could not be read or is invalid.
        case manifest
        /// An input has errors (or is missing: a FILE001 diagnostic).
        case input
        /// The calculators found an error in data that imported cleanly.
        case calculation
        /// The outputs could not be written: `message` says why.
        case output
        /// Khet's own data files are missing (an incomplete installation): `message` says where it looked.
        case installation
        /// A program the run was asked to use is not installed (LibreOffice for PDF notices):
        /// `message` names what to install. Nothing was written.
        case missingTool
    }

    public var stage: Stage
    /// Every diagnostic found up to the failure, errors among them (empty for `output`, `installation` and `missingTool`).
    public var diagnostics: [Diagnostic] = []
    /// Why the outputs could not be written, or where the data files were looked for (`output`, `installation`).
    public var message: String?
    /// Input files read, for the summary line.
    public var fileCount = 1
    /// Each stage's time up to the failure, when the options asked for them.
    public var timings: StageTimings?

    /// A missing input file (FILE001) is among the errors.
    public var isMissingInput: Bool { diagnostics.errors.contains { $0.code == "FILE001" } }
}
