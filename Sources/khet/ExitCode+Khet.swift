import ArgumentParser
import KhetCore

extension ExitCode {
    /// Bad input data (sysexits EX_DATAERR).
    static let badData = ExitCode(65)
    /// A missing input file (sysexits EX_NOINPUT).
    static let missingInput = ExitCode(66)
    /// A program the run needs is not installed (sysexits EX_UNAVAILABLE).
    static let unavailable = ExitCode(69)

    /// 66 when the trouble is a missing file, 65 for any other error in the data.
    static func forErrors(in diagnostics: [Diagnostic]) -> ExitCode {
        diagnostics.errors.contains { $0.code == "FILE001" } ? .missingInput : .badData
    }
}
