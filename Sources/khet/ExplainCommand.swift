import ArgumentParser
import KhetCalc
import KhetCore
import KhetExport

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
        let read = BatchManifestReader().read(path: batch)
        let printer = DiagnosticPrinter()
        guard let manifest = read.manifest else {
            printer.print(read.diagnostics)
            writeError("khet: nothing explained: " + printer.summary(read.diagnostics, files: 1))
            throw ExitCode.forErrors(in: read.diagnostics)
        }
        var data = BatchData.importing(manifest)
        let imported = read.diagnostics + data.diagnostics
        guard !imported.hasErrors else {
            printer.print(imported)
            writeError("khet: nothing explained: " + printer.summary(imported, files: data.fileCount))
            throw ExitCode.forErrors(in: imported)
        }
        // A national data set is calculated area by area: explain the school within its own area.
        if manifest.isNationalDataSet, let code = data.areaOfSchool[school],
           let index = data.areas.firstIndex(where: { $0.code == code }) {
            data = data.part(for: data.areas[index], schools: data.schoolsByArea()[index])
        }
        let calculated: BatchRunner.Calculation
        do {
            calculated = try BatchRunner(data: data).calculate()
        } catch BatchRunner.Failure.calculation(let diagnostics) {
            printer.print(read.diagnostics + diagnostics)
            writeError("khet: nothing explained: " + printer.summary(read.diagnostics + diagnostics, files: data.fileCount))
            throw ExitCode.badData
        }
        // Warnings go to standard error, so the explanation on standard output stays clean.
        printer.print(read.diagnostics + calculated.diagnostics)

        let matcher = SchoolMatcher(schools: data.schools)
        guard let found = matcher.school(code: school) else {
            writeError("khet: no school '\(school)' in \(manifest.schools.displayName)")
            let suggestions = matcher.suggestions(for: school)
            if !suggestions.isEmpty {
                writeError("did you mean: " + suggestions.map { "\($0.code) \($0.name)" }.joined(separator: ", "))
            }
            throw ExitCode.badData
        }
        let report = AreaAllocationReport(
            area: data.manifest.area, fiscalYear: manifest.fiscalYear, framework: calculated.framework, schools: data.schools,
            snapshots: data.snapshots, allocation: calculated.allocation, diagnostics: calculated.diagnostics,
            batchDate: manifest.batchDate, language: language ?? manifest.language)
        for line in SchoolExplanation(report: report, school: found).lines() { print(line) }
    }
}
