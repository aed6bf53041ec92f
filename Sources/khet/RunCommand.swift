import ArgumentParser
import Foundation
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

    func run() throws {
        let read = BatchManifestReader().read(path: batch, outputOverride: output)
        guard let manifest = read.manifest else {
            DiagnosticPrinter().print(read.diagnostics)
            throw ExitCode.forErrors(in: read.diagnostics)
        }
        let data = BatchData.importing(manifest)
        let printer = DiagnosticPrinter(showNotes: !quiet)
        let all = read.diagnostics + data.diagnostics
        guard !all.hasErrors else {
            printer.print(quiet ? all.errors : all)
            writeError("khet: nothing written: " + printer.summary(all, files: data.fileCount))
            throw ExitCode.forErrors(in: all)
        }
        do {
            let outcome = try BatchRunner(data: data).run()
            let diagnostics = read.diagnostics + outcome.diagnostics
            if !quiet { printer.print(diagnostics) }
            if !quiet && !diagnostics.isEmpty { writeError(printer.summary(diagnostics, files: data.fileCount)) }
            if data.framework?.isProvisional == true && !quiet {
                writeError("khet: the framework is provisional (ร่าง): every output carries a DRAFT banner")
            }
            print("Wrote \(manifest.area.shortName), fiscal year \(manifest.fiscalYear.year):")
            for url in outcome.written {
                // 200 notices (or 30,000) are one line: the folder and how many it holds.
                if url.standardizedFileURL == outcome.noticesFolder.standardizedFileURL {
                    print("  \(displayPath(url))/ (\(outcome.noticeCount) notices)")
                } else {
                    print("  \(displayPath(url))")
                }
            }
        } catch BatchRunner.Failure.calculation(let diagnostics) {
            printer.print(quiet ? diagnostics.errors : diagnostics)
            writeError("khet: nothing written: " + printer.summary(diagnostics, files: data.fileCount))
            throw ExitCode.badData
        } catch BatchRunner.Failure.output(let message) {
            writeError("khet: \(message)")
            throw ExitCode.failure
        }
    }

    /// A path relative to the current folder when it is inside it, so the printout is short.
    private func displayPath(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }
}
