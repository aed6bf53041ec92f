import ArgumentParser
import KhetBatch
import KhetCore

extension Language: ExpressibleByArgument {}

/// `khet explain batch.toml 9963020001`: one school's allocation with its arithmetic, so the
/// office can answer "why did we get this much?" without opening the workbook. Writes no files.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print one school's allocation, every line with its arithmetic, and its totals.",
        discussion: """
            Reads and calculates the batch as `khet run` does, then prints the school's lines (count × rate, \
            the advance rule, caps and deductions), item, round and programme totals and the fiscal-year total. \
            An unknown code exits 65 and lists close matches; a name fragment lists the schools whose names contain it.
            """)

    @Argument(help: "The batch file (batch.toml).")
    var batch: String

    @Argument(help: "The school's code, as in the schools file.")
    var school: String

    @Option(name: .customLong("lang"), help: "Language of the explanation (th or en); defaults to the batch's language.")
    var language: Language?

    func run() throws {
        let printer = DiagnosticPrinter()
        do {
            let explanation = try SchoolExplainer(language: language).explain(batch: batch, school: school)
            // Warnings go to standard error, so the explanation on standard output stays clean.
            printer.print(explanation.diagnostics)
            for line in explanation.lines { print(line) }
        } catch let failure as BatchFailure {
            throw FailureReport(printer: printer, verb: "explained").report(failure)
        } catch let unknown as SchoolExplainer.UnknownSchool {
            printer.print(unknown.diagnostics)
            writeError("khet: no school '\(unknown.typed)' in \(unknown.schoolsFile)")
            if !unknown.suggestions.isEmpty {
                writeError("did you mean: " + unknown.suggestions.map { "\($0.code) \($0.name)" }.joined(separator: ", "))
            }
            throw ExitCode.badData
        }
    }
}
