import ArgumentParser
import KhetCore

/// `khet validate batch.toml`: import only, print every problem, write nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a batch's inputs and calculation and print every problem, without writing anything.")

    @Argument(help: "The batch file (batch.toml).")
    var batch: String

    @Flag(help: "Print the messages in Thai (ภาษาไทย) where Thai text exists.")
    var thai = false

    @Flag(help: "Check the inputs only, without the calculation (what `make bench` times as the import).")
    var importOnly = false

    func run() throws {
        let read = BatchManifestReader().read(path: batch)
        let printer = DiagnosticPrinter(language: thai ? .thai : .english, headings: true)
        guard let manifest = read.manifest else {
            printer.print(read.diagnostics)
            writeError(printer.summary(read.diagnostics, files: 1))
            throw ExitCode.forErrors(in: read.diagnostics)
        }
        let data = BatchData.importing(manifest)
        var all = read.diagnostics + data.diagnostics
        if !all.hasErrors && !importOnly {
            // The calculators find problems too (a grade without a rate, a round without its count).
            do {
                all = read.diagnostics + (try BatchRunner(data: data).calculate()).diagnostics
            } catch BatchRunner.Failure.calculation(let diagnostics) {
                all = read.diagnostics + diagnostics
            }
        }
        printer.print(all)
        print(printer.summary(all, files: data.fileCount)
              + ": \(data.schools.count) schools, \(data.snapshots.count) pupil snapshots")
        if all.hasErrors { throw ExitCode.forErrors(in: all) }
    }
}
