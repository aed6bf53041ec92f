import ArgumentParser
import KhetCore

/// `khet validate batch.toml`: import only, print every problem, write nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a batch's inputs and print every problem, without writing anything.")

    @Argument(help: "The batch file (batch.toml).")
    var batch: String

    func run() throws {
        let read = BatchManifestReader().read(path: batch)
        let printer = DiagnosticPrinter()
        guard let manifest = read.manifest else {
            printer.print(read.diagnostics)
            writeError(printer.summary(read.diagnostics, files: 1))
            throw ExitCode.forErrors(in: read.diagnostics)
        }
        let data = BatchData.importing(manifest)
        let all = read.diagnostics + data.diagnostics
        printer.print(all)
        print(printer.summary(all, files: data.fileCount)
              + ": \(data.schools.count) schools, \(data.snapshots.count) pupil snapshots")
        if all.hasErrors { throw ExitCode.forErrors(in: all) }
    }
}
