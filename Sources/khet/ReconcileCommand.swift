import ArgumentParser
import KhetBatch
import KhetCore

/// `khet reconcile batch.toml`: OBEC's allocation lists against Khet's figures, printed; nothing
/// written. Exit 0 when every list agrees, 2 when any differs, 65 for bad input.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Compare the batch's OBEC allocation lists with Khet's own figures, school by school.",
        discussion: "Exit status 0 when every list agrees, 2 when any differs. `khet run` writes the comparison as reconciliation.xlsx.")

    @Argument(help: "The batch file (batch.toml) with [[inputs.obec_lists]] entries.")
    var batch: String

    func run() throws {
        let printer = DiagnosticPrinter(language: .english)
        let report: BatchReconciler.Report
        do {
            report = try BatchReconciler().reconcile(batch: batch)
        } catch {
            throw FailureReport(printer: printer, verb: "reconciled").report(error)
        }
        printer.print(report.diagnostics.filter { $0.severity != .note })
        report.table.forEach { print($0) }
        if !report.agrees { throw ExitCode(2) }
    }
}
