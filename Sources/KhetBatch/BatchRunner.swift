import Foundation
import KhetCore
import KhetExport

/// Runs a batch file from inputs to outputs: `khet run` in one call. The batch file is one of
/// three kinds, told apart by what it holds:
/// - an area's batch: its inputs, one area workbook, evaluation, report, notices, distribution list;
/// - a list of area batches (`areas = [...]`): each area, then the national summary;
/// - a national data set (`[inputs] areas = "areas.csv"`): imported once, split by area.
///
/// Either everything is written (atomically, into the output folder) and an outcome returned, or
/// nothing is and a `BatchFailure` says why. It never prints: progress goes to `progress`.
public struct BatchRunner: Sendable {
    public var options: BatchOptions
    public var progress: (any BatchProgress)?

    public init(options: BatchOptions = BatchOptions(), progress: (any BatchProgress)? = nil) {
        self.options = options
        self.progress = progress
    }

    public func run(batch path: String) throws(BatchFailure) -> BatchOutcome {
        try DataFiles.check()
        if NationalManifest.isNational(path: path) {
            try refuseNoticePDFs(wanted: options.noticePDF)
            return try runAreaList(path)
        }
        let read = BatchManifestReader().read(path: path, outputOverride: options.output)
        guard let manifest = read.manifest else { throw BatchFailure(stage: .manifest, diagnostics: read.diagnostics) }
        if manifest.isNationalDataSet {
            try refuseNoticePDFs(wanted: options.noticePDF || manifest.noticePDF)
            return try runNationalDataSet(manifest, read: read.diagnostics)
        }
        return try runArea(manifest, read: read.diagnostics)
    }

    private var timings: StageTimings? { options.measuresTimings ? StageTimings() : nil }

    /// PDF notices are an area's: a national run's tens of thousands would take LibreOffice hours.
    private func refuseNoticePDFs(wanted: Bool) throws(BatchFailure) {
        guard wanted else { return }
        throw BatchFailure(stage: .output, message: "PDF notices (--notice-pdf, notice_pdf) are written by an area's batch only, not by a national run")
    }

    /// LibreOffice, looked for before anything is read when the run prints notices to PDF, so
    /// that its absence stops the run before any output exists.
    private func pdfConverter(for manifest: BatchManifest) throws(BatchFailure) -> NoticePDFConverter? {
        guard options.noticePDF || manifest.noticePDF else { return nil }
        do {
            return try NoticePDFConverter.located()
        } catch {
            throw BatchFailure(stage: .missingTool, message: error.description)
        }
    }

    /// One area's batch.
    private func runArea(_ manifest: BatchManifest, read: [Diagnostic]) throws(BatchFailure) -> BatchOutcome {
        let converter = try pdfConverter(for: manifest)
        let stages = timings
        let data = try importing(manifest, read: read, stages: stages)
        do {
            let outcome = try AreaBatchRunner(data: data, timings: stages, pdfConverter: converter).run()
            var result = BatchOutcome(scope: .area(manifest.area), fiscalYear: manifest.fiscalYear, written: outcome.written,
                                      noticesFolder: outcome.noticesFolder, noticeCount: outcome.noticeCount,
                                      diagnostics: read + outcome.diagnostics, fileCount: data.fileCount,
                                      isProvisional: data.framework?.isProvisional == true, timings: stages)
            result.reconciliations = outcome.reconciliations
            if let framework = data.framework {
                result.reconciliationTable = ReconciliationTable(reconciliations: outcome.reconciliations, framework: framework,
                                                                 language: .english).lines
            }
            return result
        } catch {
            throw Self.failure(error, earlier: read, fileCount: data.fileCount, timings: stages)
        }
    }

    /// A list of area batches: every area batch read and imported, then each area written.
    private func runAreaList(_ path: String) throws(BatchFailure) -> BatchOutcome {
        let read = NationalManifestReader().read(path: path, outputOverride: options.output)
        guard let manifest = read.manifest else { throw BatchFailure(stage: .manifest, diagnostics: read.diagnostics) }
        let stages = timings
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
            if let payment = areaManifest.payment {
                diagnostics.append(Diagnostic(.error, code: "NAT004", file: areaBatch.displayName, line: payment.line, column: payment.column,
                                              message: "the area's batch pays rounds ([payment]): run and confirm it on its own, not in a national batch"))
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
            throw BatchFailure(stage: .input, diagnostics: diagnostics, fileCount: files, timings: stages)
        }
        var inputs: [(role: String, file: BatchManifest.InputFile)] = [("batch", manifest.file)]
        for data in areas {
            inputs += data.manifest.inputFiles.map { ("\(data.manifest.area.code) \($0.role)", $0.file) }
        }
        let runner = NationalRunner(
            fiscalYear: manifest.fiscalYear, batchDate: manifest.batchDate, language: manifest.language,
            output: manifest.output, inputs: inputs.map(\.file.url), fingerprints: InputFingerprints(inputs),
            jobs: areas.map { data in .init(area: data.manifest.area, data: { data }) },
            workers: options.jobs, roundDetail: options.roundLines ? .lines : .schoolTotals,
            progress: progress, timings: stages)
        return try runNational(runner, earlier: read.diagnostics, files: files)
    }

    /// A national data set: everything imported once, then split by area.
    private func runNationalDataSet(_ manifest: BatchManifest, read: [Diagnostic]) throws(BatchFailure) -> BatchOutcome {
        let stages = timings
        // Hashing the inputs for manifest.json starts now, on its own thread.
        let fingerprints = InputFingerprints(manifest.inputFiles)
        let data = try importing(manifest, read: read, stages: stages)
        let imported = read + data.diagnostics
        let jobs = zip(data.areas, data.schoolsByArea()).map { area, schools in
            NationalRunner.AreaJob(area: area, data: { data.part(for: area, schools: schools) })
        }
        let runner = NationalRunner(
            fiscalYear: manifest.fiscalYear, batchDate: manifest.batchDate, language: manifest.language,
            output: manifest.output, inputs: manifest.inputFiles.map(\.file.url), fingerprints: fingerprints,
            jobs: jobs, workers: options.jobs,
            roundDetail: options.roundLines ? .lines : .schoolTotals, progress: progress, timings: stages)
        return try runNational(runner, earlier: imported, files: data.fileCount)
    }

    /// Every input of `manifest`, timed; throws when the manifest's or the inputs' diagnostics
    /// hold an error, since nothing may be written then.
    private func importing(_ manifest: BatchManifest, read: [Diagnostic], stages: StageTimings?) throws(BatchFailure) -> BatchData {
        let begin = MonotonicClock.seconds()
        let data = BatchData.importing(manifest, progress: progress)
        progress?.finish()
        stages?.add("import", seconds: MonotonicClock.seconds() - begin,
                    items: data.snapshots.last?.totalPupils ?? 0, unit: "pupils")
        let imported = read + data.diagnostics
        guard !imported.hasErrors else {
            throw BatchFailure(stage: .input, diagnostics: imported, fileCount: data.fileCount, timings: stages)
        }
        return data
    }

    private func runNational(_ runner: NationalRunner, earlier: [Diagnostic], files: Int) throws(BatchFailure) -> BatchOutcome {
        do {
            let outcome = try runner.run(withNotices: options.notices)
            return BatchOutcome(scope: .national(areaCount: outcome.areaCount), fiscalYear: runner.fiscalYear,
                                written: outcome.written, diagnostics: earlier + outcome.diagnostics, fileCount: files,
                                isProvisional: outcome.isProvisional, timings: runner.timings)
        } catch {
            throw Self.failure(error, earlier: earlier, fileCount: files, timings: runner.timings)
        }
    }

    /// A stage's failure as the caller sees it; anything unexpected is an output failure, since
    /// the inputs were already read without errors.
    private static func failure(_ error: Error, earlier: [Diagnostic], fileCount: Int,
                                timings: StageTimings?) -> BatchFailure {
        switch error {
        case StageFailure.calculation(let diagnostics):
            return BatchFailure(stage: .calculation, diagnostics: earlier + diagnostics, fileCount: fileCount, timings: timings)
        case StageFailure.output(let message):
            return BatchFailure(stage: .output, message: message, fileCount: fileCount, timings: timings)
        default:
            return BatchFailure(stage: .output, message: "\(error)", fileCount: fileCount, timings: timings)
        }
    }
}
