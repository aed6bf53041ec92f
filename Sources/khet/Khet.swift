import ArgumentParser
import KhetBatch

@main
struct Khet: ParsableCommand {
    /// `khet --version`: the version, then the data folder in use (or where it was looked for).
    static let version = KhetVersion.current + "\n" + (DataFiles.directory.map { "data: " + $0.path }
        ?? "data: not found (looked in \(DataFiles.searchPath.map(\.path).joined(separator: ", ")); set \(DataFiles.environmentVariable))")

    static let configuration = CommandConfiguration(
        commandName: "khet",
        abstract: "Allocates OBEC money to the schools of a primary educational service area and reports on it.",
        discussion: """
            A batch file (batch.toml) names the area, the fiscal year, the framework of rates and the input \
            files. `khet run` imports everything, stops with file:line:column errors if anything is wrong, \
            and otherwise writes the workbooks into the output folder in one step.

            Exit codes: 0 success, 65 bad input data, 66 a missing input file, 1 anything else.
            """,
        version: version,
        subcommands: [RunCommand.self, ConfirmCommand.self, ValidateCommand.self, ReconcileCommand.self, DiffCommand.self, ExplainCommand.self, SampleCommand.self]
    )
}
