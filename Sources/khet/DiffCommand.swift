import ArgumentParser
import KhetBatch

/// `khet diff A B`: two pay runs, or the ledger and a run, line by line: a table on the terminal
/// and a workbook. Exit 0 when nothing differs, 2 when something does, 65 for bad input.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two runs, or the ledger and a run: per school and line, what changed and why.",
        discussion: """
            A and B are runs' folders (their lines.json or allocation-lines.json) or the ledger (.sqlite). A pay run compared with the \
            ledger stands for the ledger once the run is confirmed, over the rounds the run pays or corrects; \
            a plan run is today's figures set against what was paid. \
            Causes: pupil count, rate, envelope, correction, OBEC list, advance deducted, amount, new line, \
            line gone. The workbook goes beside B (never over an earlier one) unless --workbook names it. \
            Exit status 0 when nothing differs, 2 when something does.
            """)

    @Argument(help: "The first side (A): a run's folder or the ledger file.")
    var first: String

    @Argument(help: "The second side (B).")
    var second: String

    @Option(help: "Where to write the workbook (an existing file is never replaced).")
    var workbook: String?

    @Option(help: "How many differing lines to print.")
    var limit = 40

    func run() throws {
        let printer = DiagnosticPrinter()
        let comparer = RunComparer()
        do {
            let outcome = try comparer.compare(first, second)
            comparer.table(outcome, limit: limit).forEach { print($0) }
            print("workbook: \(try comparer.writeWorkbook(outcome, to: workbook).path)")
            if !outcome.comparison.isSame { throw ExitCode(2) }
        } catch let failure as BatchFailure {
            throw FailureReport(printer: printer, verb: "compared").report(failure)
        }
    }
}
