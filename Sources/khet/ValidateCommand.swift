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
            // A national data set is calculated area by area, as `khet run` does.
            let batches = manifest.isNationalDataSet
                ? zip(data.areas, data.schoolsByArea()).map { data.part(for: $0, schools: $1) } : [data]
            all = read.diagnostics + (manifest.isNationalDataSet ? data.diagnostics : [])
            for batch in batches {
                do {
                    all += (try BatchRunner(data: batch).calculate()).diagnostics
                } catch BatchRunner.Failure.calculation(let diagnostics) {
                    all += diagnostics
                }
            }
        }
        printer.print(all)
        print(printer.summary(all, files: data.fileCount)
              + ": \(data.schools.count) schools, \(data.snapshots.count) pupil snapshots"
              + (manifest.isNationalDataSet ? ", \(data.areas.count) areas" : ""))
        if all.hasErrors { throw ExitCode.forErrors(in: all) }
    }
}
