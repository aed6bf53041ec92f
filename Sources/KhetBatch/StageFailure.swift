import KhetCore

/// Why a stage after the import stopped the run, inside the library: the calculators found an
/// error, or the outputs could not be written. `BatchRunner` turns it into a `BatchFailure`.
enum StageFailure: Error {
    case calculation([Diagnostic])
    case output(String)

    /// The calculators' diagnostics, errors among them; none for an output failure.
    var diagnostics: [Diagnostic] {
        if case .calculation(let diagnostics) = self { return diagnostics }
        return []
    }
}
