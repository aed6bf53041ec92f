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

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
    }

    func run() throws {
        if NationalManifest.isNational(path: batch) { return try runNational() }
        let read = BatchManifestReader().read(path: batch, outputOverride: output)
        guard let manifest = read.manifest else {
            DiagnosticPrinter().print(read.diagnostics)
            throw ExitCode.forErrors(in: read.diagnostics)
        }
        if manifest.isNationalDataSet { return try runNationalDataSet(manifest, readDiagnostics: read.diagnostics) }
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

    /// A national batch: every area batch it lists, then one workbook per area and the summary.
    private func runNational() throws {
        let printer = DiagnosticPrinter(showNotes: !quiet)
        let read = NationalManifestReader().read(path: batch, outputOverride: output)
        guard let manifest = read.manifest else {
            printer.print(read.diagnostics)
            throw ExitCode.forErrors(in: read.diagnostics)
        }
        var diagnostics = read.diagnostics
        var areas: [BatchData] = []
        var codes: Set<String> = []
        for areaBatch in manifest.areaBatches {
            let area = BatchManifestReader().read(path: areaBatch.displayName, outputOverride: manifest.output.path)
            diagnostics += area.diagnostics
            guard let areaManifest = area.manifest else { continue }
            if areaManifest.fiscalYear != manifest.fiscalYear {
                diagnostics.append(Diagnostic(.error, code: "NAT002", file: areaBatch.displayName,
                                              message: "the area's fiscal year \(areaManifest.fiscalYear.year) is not the national batch's \(manifest.fiscalYear.year)"))
            }
            if !codes.insert(areaManifest.area.code).inserted {
                diagnostics.append(Diagnostic(.error, code: "NAT003", file: areaBatch.displayName,
                                              message: "area code \(areaManifest.area.code) is listed twice"))
            }
            let data = BatchData.importing(areaManifest)
            diagnostics += data.diagnostics
            areas.append(data)
        }
        let files = areas.reduce(1) { $0 + $1.fileCount + 1 }
        guard !diagnostics.hasErrors else {
            printer.print(quiet ? diagnostics.errors : diagnostics)
            writeError("khet: nothing written: " + printer.summary(diagnostics, files: files))
            throw ExitCode.forErrors(in: diagnostics)
        }
        var inputs: [(role: String, file: BatchManifest.InputFile)] = [("batch", manifest.file)]
        for data in areas {
            inputs += data.manifest.inputFiles.map { ("\(data.manifest.area.code) \($0.role)", $0.file) }
        }
        var runner = NationalRunner(
            fiscalYear: manifest.fiscalYear, batchDate: manifest.batchDate, language: manifest.language,
            output: manifest.output, fingerprints: InputFingerprints(inputs),
            jobs: areas.map { data in .init(area: data.manifest.area, data: { data }) },
            workers: jobs, progress: ProgressDisplay.forStandardError(quiet: quiet), timings: timings ? StageTimings() : nil)
        if roundLines { runner.roundDetail = .lines }
        try finishNational(runner, earlier: read.diagnostics, files: files)
    }

    /// A national data set (`[inputs] areas`): everything imported once, then split by area.
    private func runNationalDataSet(_ manifest: BatchManifest, readDiagnostics: [Diagnostic]) throws {
        let printer = DiagnosticPrinter(showNotes: !quiet)
        let stages = timings ? StageTimings() : nil
        let progress = ProgressDisplay.forStandardError(quiet: quiet)
        // Hashing the inputs for manifest.json starts now, on its own thread.
        let fingerprints = InputFingerprints(manifest.inputFiles)
        let begin = ProgressDisplay.monotonicSeconds()
        let data = BatchData.importing(manifest, progress: progress)
        progress.finish()
        stages?.add("import", seconds: ProgressDisplay.monotonicSeconds() - begin,
                    items: data.snapshots.last?.totalPupils ?? 0, unit: "pupils")
        let imported = readDiagnostics + data.diagnostics
        guard !imported.hasErrors else {
            printer.print(quiet ? imported.errors : imported)
            writeError("khet: nothing written: " + printer.summary(imported, files: data.fileCount))
            if let stages { writeError(stages.table()) }
            throw ExitCode.forErrors(in: imported)
        }
        let groups = data.schoolsByArea()
        let jobs = zip(data.areas, groups).map { area, schools in
            NationalRunner.AreaJob(area: area, data: { data.part(for: area, schools: schools) })
        }
        var runner = NationalRunner(
            fiscalYear: manifest.fiscalYear, batchDate: manifest.batchDate, language: manifest.language,
            output: manifest.output, fingerprints: fingerprints, jobs: jobs, workers: self.jobs,
            progress: progress, timings: stages)
        if roundLines { runner.roundDetail = .lines }
        try finishNational(runner, earlier: imported, files: data.fileCount)
    }

    /// Runs a national batch's areas and prints the outcome, or why nothing was written.
    private func finishNational(_ runner: NationalRunner, earlier: [Diagnostic], files: Int) throws {
        let printer = DiagnosticPrinter(showNotes: !quiet)
        defer { if let stages = runner.timings { writeError(stages.table()) } }
        do {
            let outcome = try runner.run(withNotices: notices)
            let all = earlier + outcome.diagnostics
            if !quiet { printer.print(all) }
            if !quiet && !all.isEmpty { writeError(printer.summary(all, files: files)) }
            print("Wrote \(outcome.areaCount) areas, fiscal year \(runner.fiscalYear.year):")
            for url in outcome.written { print("  \(displayPath(url))") }
        } catch BatchRunner.Failure.calculation(let problems) {
            let all = earlier + problems
            printer.print(quiet ? all.errors : all)
            writeError("khet: nothing written: " + printer.summary(all, files: files))
            throw ExitCode.badData
        } catch BatchRunner.Failure.output(let message) {
            writeError("khet: \(message)")
            throw ExitCode.failure
        }
    }
}
