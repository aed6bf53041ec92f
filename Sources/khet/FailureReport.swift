import ArgumentParser
import KhetBatch
import KhetCore

/// Prints why a command wrote (or explained) nothing, and gives the exit code to leave with.
struct FailureReport {
    var printer: DiagnosticPrinter
    /// Only errors are printed.
    var quiet = false
    /// What did not happen: "written", "explained".
    var verb: String

    func report(_ failure: BatchFailure) -> ExitCode {
        switch failure.stage {
        case .manifest:
            // The batch file's own problems are few and all worth seeing.
            DiagnosticPrinter(language: printer.language).print(failure.diagnostics)
            writeError("khet: nothing \(verb): " + printer.summary(failure.diagnostics, files: 1))
            return .forErrors(in: failure.diagnostics)
        case .input, .calculation:
            printer.print(quiet ? failure.diagnostics.errors : failure.diagnostics)
            writeError("khet: nothing \(verb): " + printer.summary(failure.diagnostics, files: failure.fileCount))
            return failure.stage == .input ? .forErrors(in: failure.diagnostics) : .badData
        case .output, .installation:
            writeError("khet: \(failure.message ?? "the outputs could not be written")")
            return .failure
        case .missingTool:
            writeError("khet: nothing \(verb): \(failure.message ?? "a program the run needs is missing")")
            return .unavailable
        }
    }
}
