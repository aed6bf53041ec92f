import Foundation
import KhetCalc
import KhetCore
import KhetExport

/// Runs a batch over many areas: each area calculated and written on its own (`areas/<code>/`,
/// with notices on request), then the national summary, all written at once into the output
/// folder or not at all. Areas are handed out to `workers` threads from a queue and each is
/// forgotten once written, keeping only its summary row, so memory holds a few areas at a time;
/// every area's files depend only on that area, so the bytes are the same for any thread count.
struct NationalRunner: Sendable {
    /// One area to calculate and write. `data` makes its batch when a worker takes it.
    struct AreaJob: Sendable {
        var area: Area
        var data: @Sendable () -> BatchData
    }

    struct Outcome: Sendable {
        var written: [URL]
        var diagnostics: [Diagnostic]
        var areaCount: Int
        /// Some area's framework is provisional: its outputs carry a DRAFT banner.
        var isProvisional: Bool
    }

    var fiscalYear: FiscalYear
    var batchDate: ThaiDate
    var language: Language
    var output: URL
    /// The input files, which must not be inside the output folder.
    var inputs: [URL]
    /// The inputs' fingerprints for manifest.json, hashed while the run goes on.
    var fingerprints: InputFingerprints
    var jobs: [AreaJob]
    var workers = 1
    /// A national run shows rounds as one row per school unless asked for every line: the line
    /// sheets of 30,000 schools are over a gigabyte of XML, the time of the whole run ten times over.
    var roundDetail = AreaWorkbook.RoundDetail.schoolTotals
    var progress: (any BatchProgress)?
    var timings: StageTimings?

    /// What one area leaves behind once written.
    private struct AreaResult: Sendable {
        var row: NationalSummaryWorkbook.AreaRow?
        var outputs: [URL] = []
        /// The outputs' manifest entries, hashed by the worker that wrote them.
        var entries: [OutputManifest.Entry] = []
        var diagnostics: [Diagnostic] = []
        var programmes: [Programme] = []
        var isDraft = false
    }

    func run(withNotices: Bool) throws -> Outcome {
        let folder = OutputFolder(destination: output, inputs: inputs)
        try folder.check()
        var diagnostics: [Diagnostic] = []
        var isProvisional = false
        defer { progress?.finish() }
        let written = try folder.write { folder in
            let begin = MonotonicClock.seconds()
            let results = try writeAreas(into: folder, withNotices: withNotices)
            timings?.add("areas (wall, \(max(1, min(workers, jobs.count))) jobs)",
                         seconds: MonotonicClock.seconds() - begin, items: jobs.count, unit: "areas")
            progress?.finish()
            diagnostics = results.flatMap(\.diagnostics)
            if diagnostics.hasErrors { throw StageFailure.calculation(diagnostics) }
            isProvisional = results.contains { $0.isDraft }
            let first = results.first { !$0.programmes.isEmpty }
            let summary = try measure("summary", items: jobs.count, unit: "areas") {
                try NationalSummaryWorkbook(
                    fiscalYear: fiscalYear, batchDate: batchDate, language: language,
                    programmes: first?.programmes ?? [], isDraft: isProvisional,
                    rows: results.compactMap(\.row)).write(into: folder)
            }
            try measure("manifest") {
                try writeManifest(into: folder, summary: summary, areaOutputs: results.flatMap(\.entries),
                                  inputs: fingerprints.wait())
            }
            return [summary.lastPathComponent, "areas", "manifest.json"]
        }
        return Outcome(written: written, diagnostics: diagnostics, areaCount: jobs.count, isProvisional: isProvisional)
    }

    /// Every area, by `workers` threads taking the next area from a shared counter; results
    /// land in the area's slot, so their order never depends on which thread was faster.
    private func writeAreas(into folder: URL, withNotices: Bool) throws -> [AreaResult] {
        struct Shared {
            var results: [AreaResult]
            var next = 0
            var done = 0
            var hasErrors = false
            var failure: Error?
        }
        let shared = Locked(Shared(results: [AreaResult](repeating: AreaResult(), count: jobs.count)))
        let threadCount = max(1, min(workers, jobs.count))
        DispatchQueue.concurrentPerform(iterations: threadCount) { _ in
            while true {
                let (index, done, writing) = shared.withLock { state in
                    defer { state.next += 1 }
                    // Once an area has failed nothing will be kept, so the rest are only checked.
                    return (state.next, state.done, !state.hasErrors && state.failure == nil)
                }
                guard index < jobs.count else { return }
                let job = jobs[index]
                progress?.areas(done: done, total: jobs.count, current: job.area.shortName)
                do {
                    let result = try area(job, into: folder, writing: writing, withNotices: withNotices)
                    shared.withLock { state in
                        state.results[index] = result
                        state.hasErrors = state.hasErrors || result.diagnostics.hasErrors
                        state.done += 1
                    }
                } catch {
                    shared.withLock { state in if state.failure == nil { state.failure = error } }
                    return
                }
            }
        }
        return try shared.withLock { state in
            if let failure = state.failure { throw failure }
            return state.results
        }
    }

    /// A national run prints the problems of 245 areas in one list: each says which area it is
    /// about (the area's own workbook keeps them as they are).
    private static func naming(_ area: Area, in diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var named = diagnostic
            named.message = "\(area.shortName): \(diagnostic.message)"
            named.thaiMessage = diagnostic.thaiMessage.map { "\(area.shortName): \($0)" }
            return named
        }
    }

    /// One area: its batch made, calculated and, when `writing`, written; only its summary row stays.
    private func area(_ job: AreaJob, into folder: URL, writing: Bool, withNotices: Bool) throws -> AreaResult {
        let data = measure("split by area") { job.data() }
        let calculation: AreaBatchRunner.Calculation
        do {
            calculation = try measure("calculate", items: data.schools.count, unit: "schools") {
                try AreaBatchRunner(data: data).calculate()
            }
        } catch StageFailure.calculation(let problems) {
            return AreaResult(diagnostics: Self.naming(job.area, in: problems))
        }
        var result = AreaResult(diagnostics: Self.naming(job.area, in: calculation.diagnostics), programmes: calculation.framework.programmes,
                                isDraft: calculation.framework.isProvisional)
        var byProgramme: [String: Money] = [:]
        for line in calculation.allocation.lines { byProgramme[line.programmeID, default: .zero] += line.amount }
        result.row = .init(area: job.area, schools: data.schools.count, pupils: data.snapshots.last?.totalPupils ?? 0,
                           byProgramme: byProgramme)
        guard writing else { return result }
        let areaFolder = folder.appendingPathComponent("areas").appendingPathComponent(job.area.code)
        try FileManager.default.createDirectory(at: areaFolder, withIntermediateDirectories: true)
        var report = AreaAllocationReport(
            area: job.area, fiscalYear: fiscalYear, framework: calculation.framework,
            schools: data.schools, snapshots: data.snapshots, allocation: calculation.allocation,
            diagnostics: calculation.diagnostics, batchDate: batchDate, language: language)
        report.letter = data.manifest.letter
        result.outputs.append(try measure("area workbooks", items: 1, unit: "workbooks") {
            try AreaWorkbook(report: report, roundDetail: roundDetail).write(into: areaFolder)
        })
        var notices: [NoticeRecord] = []
        if withNotices {
            try measure("notices", items: data.schools.count, unit: "notices") {
                notices = try SchoolNotices(report: report).write(into: areaFolder)
                result.outputs.append(try DistributionList(report: report, notices: notices).write(into: areaFolder))
            }
        }
        let prefix = folder.standardizedFileURL.path + "/"
        result.entries = try measure("fingerprint outputs", items: result.outputs.count, unit: "files") {
            try result.outputs.map { output in
                let path = output.standardizedFileURL.path
                let shown = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : output.lastPathComponent
                return try OutputManifest.entry(role: "workbook", file: output, shownAs: shown)
            }
        }
        // Every notice is listed too (hashed as it was written): manifest.json names every file a
        // run wrote, which is what lets the next run replace the folder.
        let areaPath = "areas/\(job.area.code)/"
        result.entries += notices.map { notice in
            OutputManifest.Entry(role: "notice", path: areaPath + notice.path, sha256: notice.sha256, bytes: notice.bytes)
        }
        return result
    }

    private func measure<T>(_ stage: String, items: Int = 0, unit: String = "", _ body: () throws -> T) rethrows -> T {
        guard let timings else { return try body() }
        return try timings.measure(stage, items: items, unit: unit, body)
    }

    private func writeManifest(into folder: URL, summary: URL, areaOutputs: [OutputManifest.Entry],
                               inputs: [OutputManifest.Entry]) throws {
        var record = OutputManifest(version: KhetVersion.current, area: "national", fiscalYear: fiscalYear.year,
                                    batchDate: batchDate.isoBE, framework: "per area", frameworkStatus: "per area")
        record.inputs = inputs
        record.outputs = [try OutputManifest.entry(role: "summary", file: summary, shownAs: summary.lastPathComponent)]
            + areaOutputs
        try record.write(to: folder.appendingPathComponent("manifest.json"))
    }
}
