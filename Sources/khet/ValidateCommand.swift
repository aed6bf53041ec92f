import ArgumentParser
import KhetBatch
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
        let printer = DiagnosticPrinter(language: thai ? .thai : .english, headings: true)
        let report: BatchValidator.Report
        do {
            report = try BatchValidator(importOnly: importOnly).validate(batch: batch)
        } catch {
            throw FailureReport(printer: printer, verb: "checked").report(error)
        }
        printer.print(report.diagnostics)
        let summary = printer.summary(report.diagnostics, files: report.fileCount)
        if report.manifestRead {
            print(summary + ": \(report.schoolCount) schools, \(report.snapshotCount) pupil snapshots"
                  + (report.areaCount.map { ", \($0) areas" } ?? ""))
        } else {
            writeError(summary)
        }
        if report.diagnostics.hasErrors { throw ExitCode.forErrors(in: report.diagnostics) }
    }
}
