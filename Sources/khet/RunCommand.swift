import ArgumentParser
import Foundation
import KhetBatch
import KhetCore

/// `khet run batch.toml`: the whole batch, from inputs to workbooks.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Import, calculate and write the outputs of a batch.",
        discussion: "Nothing is written when any input has an error; the errors are printed as file:line:column.")

    @Argument(help: "The batch file (batch.toml).")
    var batch: String

    @Option(name: .shortAndLong, help: "Write the outputs into this folder instead of the batch file's 'output'.")
    var output: String?

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(help: "With a national batch (areas listed or an areas file), also write every area's school notices.")
    var notices = false

    @Option(help: "With a national batch: areas calculated and written at once (default: the processor count).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: ArgumentHelp(
        "With a national batch: write every round's lines (count × rate) in the area workbooks, as an area's own run does.",
        discussion: "By default a national run's area workbooks show each round as one row per school: twenty times smaller and faster."))
    var roundLines = false

    @Flag(help: "Print how long each stage took (a table on standard error).")
    var timings = false

    @Flag(help: ArgumentHelp(
        "Also print every school notice to PDF (schools/<code>.pdf), as the batch's notice_pdf = true does.",
        discussion: "Needs LibreOffice (apt-get install libreoffice-calc-nogui); without it nothing is written and khet exits with status 69."))
    var noticePDF = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
    }

    func run() throws {
        let options = BatchOptions(output: output, notices: notices, jobs: jobs, roundLines: roundLines,
                                   measuresTimings: timings, noticePDF: noticePDF)
        let runner = BatchRunner(options: options, progress: ProgressDisplay.forStandardError(quiet: quiet))
        let printer = DiagnosticPrinter(showNotes: !quiet)
        let outcome: BatchOutcome
        do {
            outcome = try runner.run(batch: batch)
        } catch {
            if let timings = error.timings { writeError(TimingsTable.text(timings)) }
            throw FailureReport(printer: printer, quiet: quiet, verb: "written").report(error)
        }
        if !quiet { printer.print(outcome.diagnostics) }
        if !quiet && !outcome.diagnostics.isEmpty { writeError(printer.summary(outcome.diagnostics, files: outcome.fileCount)) }
        if let timings = outcome.timings { writeError(TimingsTable.text(timings)) }
        switch outcome.scope {
        case .area(let area):
            if outcome.isProvisional && !quiet {
                writeError("khet: the framework is provisional (ร่าง): every output carries a DRAFT banner")
            }
            print("Wrote \(area.shortName), fiscal year \(outcome.fiscalYear.year):")
        case .national(let areaCount):
            print("Wrote \(areaCount) areas, fiscal year \(outcome.fiscalYear.year):")
        }
        for url in outcome.written {
            // 200 notices (or 30,000) are one line: the folder and how many it holds.
            if let folder = outcome.noticesFolder, url.standardizedFileURL == folder.standardizedFileURL {
                print("  \(displayPath(url))/ (\(outcome.noticeCount) notices)")
            } else {
                print("  \(displayPath(url))")
            }
        }
        if !outcome.reconciliationTable.isEmpty {
            print("OBEC's allocation lists against Khet's figures:")
            outcome.reconciliationTable.forEach { print($0) }
        }
    }

    /// A path relative to the current folder when it is inside it, so the printout is short.
    private func displayPath(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }
}
