import ArgumentParser
import Foundation
import KhetBatch

/// `khet confirm batch.toml`: records a pay run's transfer in the ledger once the office has sent it.
struct ConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record a pay run's transfer in the ledger of confirmed rounds, once it was sent.",
        discussion: """
            Records the run's lines.json (every line paid to every school, as the notices show it) in the \
            batch's ledger in one transaction, with the inputs' SHA-256, who confirmed it and when. A round \
            is confirmed once; later runs pay differences from it as corrections. Refused, with nothing \
            recorded, when the run's files were changed or the ledger changed since the run.
            """)

    @Argument(help: "The batch file (batch.toml) of the pay run.")
    var batch: String

    @Option(name: .customLong("run"), help: "The pay run's folder; defaults to the folder the batch's pay run writes.")
    var runFolder: String?

    @Option(help: "Who confirms (defaults to $USER).")
    var by: String?

    @Option(help: "Why the transfer corrects rounds already paid, when the batch's [payment] correction does not say.")
    var reason: String?

    func run() throws {
        let printer = DiagnosticPrinter()
        let who = by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        let stamp = ISO8601DateFormatter().string(from: Date())
        let outcome: TransferConfirmer.Outcome
        do {
            outcome = try TransferConfirmer(confirmedBy: who, confirmedAt: stamp, reason: reason).confirm(batch: batch, run: runFolder)
        } catch {
            throw FailureReport(printer: printer, verb: "confirmed").report(error)
        }
        for entry in outcome.entries {
            print("recorded entry \(entry.id): \(entry.programmeID) \(entry.round) \(entry.kind) \(entry.total.formatted) baht")
        }
        print("ledger: \(outcome.ledger.path)")
        print("confirmed run: \(outcome.run.path) (never replaced by a later run)")
    }
}
