import Foundation
import KhetCalc
import KhetCore
import KhetExport

/// Calculates and writes a batch whose inputs imported without errors. Outputs go to a fresh
/// folder beside the output folder and replace it only when everything was written, so a
/// failed run never leaves a half-written output behind.
struct BatchRunner {
    struct Outcome {
        /// The files and folders to show, in the order written; the notices as their folder.
        var written: [URL]
        var noticesFolder: URL
        var noticeCount: Int
        var diagnostics: [Diagnostic]
    }

    enum Failure: Error {
        case calculation([Diagnostic])
        case output(String)
    }

    let data: BatchData

    /// The allocation of an imported batch, with the import's and the calculators' diagnostics.
    /// Throws when any of them is an error.
    struct Calculation {
        var framework: Framework
        var allocation: Allocation
        /// Nil when the batch has no action plan.
        var evaluation: PlanEvaluation?
        var diagnostics: [Diagnostic]
    }

    func calculate() throws -> Calculation {
        guard let framework = data.framework, !framework.programmes.isEmpty else {
            throw Failure.calculation(data.diagnostics + [Diagnostic(
                .error, code: "CALC003", file: data.manifest.framework.displayName,
                message: "the framework has no programme")])
        }
        let allocation = AreaAllocator(framework: framework).allocate(data.allocationInputs)
        var evaluation: PlanEvaluation?
        if let plan = data.actionPlan, let scales = data.evaluationScales {
            evaluation = EvaluationCalculator(scales: scales).evaluate(plan)
        }
        let diagnostics = data.diagnostics + allocation.diagnostics + missingInputs(framework) + (evaluation?.diagnostics ?? [])
        if diagnostics.hasErrors { throw Failure.calculation(diagnostics) }
        return Calculation(framework: framework, allocation: allocation, evaluation: evaluation, diagnostics: diagnostics)
    }

    func run() throws -> Outcome {
        let manifest = data.manifest
        try checkOutputFolder(manifest.output)
        let calculation = try calculate()
        let (framework, allocation, diagnostics) = (calculation.framework, calculation.allocation, calculation.diagnostics)

        let report = AreaAllocationReport(
            area: manifest.area, fiscalYear: manifest.fiscalYear, framework: framework, schools: data.schools,
            snapshots: data.snapshots, allocation: allocation, diagnostics: diagnostics,
            batchDate: manifest.batchDate, language: manifest.language)
        var noticeCount = 0
        let written = try writeAtomically(into: manifest.output) { folder in
            var outputs = [try AreaWorkbook(report: report).write(into: folder)]
            if let evaluation = calculation.evaluation {
                outputs.append(try EvaluationWorkbook(area: manifest.area, fiscalYear: manifest.fiscalYear, batchDate: manifest.batchDate,
                                                      language: manifest.language, evaluation: evaluation).write(into: folder))
            }
            // The appendix lists the inputs' SHA-256, computed as the manifest computes them.
            let digests = try manifest.inputFiles.map { input in
                AnnualReportData.InputDigest(role: input.role, path: input.file.displayName,
                                             sha256: try SHA256.hex(ofFile: input.file.url))
            }
            let reportData = AnnualReportData(allocation: report, evaluation: calculation.evaluation,
                                              poorPupils: data.poorPupils, boarders: data.boarders, inputs: digests)
            outputs.append(try AnnualReport(data: reportData).write(into: folder))
            let notices = try SchoolNotices(report: report).write(into: folder)
            noticeCount = notices.count
            let distribution = try DistributionList(report: report, notices: notices).write(into: folder)
            try writeManifest(into: folder, outputs: outputs, distribution: distribution, notices: notices,
                              framework: framework)
            return outputs.map(\.lastPathComponent) + [distribution.lastPathComponent, SchoolNotices.folderName, "manifest.json"]
        }
        return Outcome(written: written, noticesFolder: manifest.output.appendingPathComponent(SchoolNotices.folderName),
                       noticeCount: noticeCount, diagnostics: diagnostics)
    }

    /// A programme whose list the batch lacks allocates nothing; a list no programme uses is
    /// probably a mistake too. Both deserve a warning.
    private func missingInputs(_ framework: Framework) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let file = data.manifest.file.displayName
        let hasPoor = framework.programmes.contains { if case .poorPupils = $0.rule { return true }; return false }
        let hasBoarders = framework.programmes.contains { if case .boarders = $0.rule { return true }; return false }
        if hasPoor && data.manifest.poorPupils == nil {
            diagnostics.append(Diagnostic(.warning, code: "BAT008", file: file,
                                          message: "the framework funds poor pupils but the batch has no poor-pupil list ([inputs] poor)"))
        }
        if hasBoarders && data.manifest.boarders == nil {
            diagnostics.append(Diagnostic(.warning, code: "BAT008", file: file,
                                          message: "the framework funds boarders but the batch has no boarder list ([inputs] boarders)"))
        }
        if !hasPoor, let poor = data.manifest.poorPupils {
            diagnostics.append(Diagnostic(.warning, code: "BAT009", file: poor.displayName,
                                          message: "no programme of the framework uses the poor-pupil list"))
        }
        if !hasBoarders, let boarders = data.manifest.boarders {
            diagnostics.append(Diagnostic(.warning, code: "BAT009", file: boarders.displayName,
                                          message: "no programme of the framework uses the boarder list"))
        }
        return diagnostics
    }

    private func writeManifest(into folder: URL, outputs: [URL], distribution: URL, notices: [NoticeRecord],
                               framework: Framework) throws {
        let manifest = data.manifest
        var record = OutputManifest(version: Khet.version, area: manifest.area.code, fiscalYear: manifest.fiscalYear.year,
                                    batchDate: manifest.batchDate.isoBE, framework: manifest.framework.displayName,
                                    frameworkStatus: framework.status.rawValue)
        for input in manifest.inputFiles {
            record.inputs.append(try OutputManifest.entry(role: input.role, file: input.file.url,
                                                          shownAs: input.file.displayName))
        }
        for output in outputs {
            let role = output.pathExtension == "html" ? "report" : "workbook"
            record.outputs.append(try OutputManifest.entry(role: role, file: output, shownAs: output.lastPathComponent))
        }
        record.outputs.append(try OutputManifest.entry(role: "distribution", file: distribution,
                                                       shownAs: distribution.lastPathComponent))
        for notice in notices {
            record.outputs.append(OutputManifest.Entry(role: "notice", path: notice.path, sha256: notice.sha256, bytes: notice.bytes))
        }
        try record.write(to: folder.appendingPathComponent("manifest.json"))
    }

    /// The output folder is replaced as a whole, so it must be one Khet wrote (it has Khet's
    /// manifest.json) or be empty or new: a mistyped `output` must never delete someone's folder.
    private func checkOutputFolder(_ destination: URL) throws {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: destination.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw Failure.output("the output \(destination.path) is a file, not a folder; choose another output")
        }
        let contents = (try? files.contentsOfDirectory(atPath: destination.path)) ?? []
        if contents.isEmpty { return }
        let manifest = destination.appendingPathComponent("manifest.json")
        if let data = files.contents(atPath: manifest.path),
           let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any], json["tool"] as? String == "khet" {
            return
        }
        throw Failure.output("the output folder \(destination.path) already holds files that Khet did not write; "
                             + "Khet replaces its output folder as a whole, so choose a new or empty folder")
    }

    /// Runs `body` against an empty staging folder next to `destination`, then swaps it in.
    private func writeAtomically(into destination: URL, _ body: (URL) throws -> [String]) throws -> [URL] {
        let files = FileManager.default
        let parent = destination.deletingLastPathComponent()
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure.output("cannot create \(parent.path): \(error.localizedDescription)")
        }
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).khet-new-\(token)")
        let previous = parent.appendingPathComponent(".\(destination.lastPathComponent).khet-old-\(token)")
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw Failure.output("cannot write in \(parent.path): \(error.localizedDescription)")
        }
        do {
            let names = try body(staging)
            if files.fileExists(atPath: destination.path) {
                try files.moveItem(at: destination, to: previous)
            }
            do {
                try files.moveItem(at: staging, to: destination)
            } catch {
                if files.fileExists(atPath: previous.path) { try? files.moveItem(at: previous, to: destination) }
                throw error
            }
            try? files.removeItem(at: previous)
            return names.map { destination.appendingPathComponent($0) }
        } catch {
            try? files.removeItem(at: staging)
            if let failure = error as? Failure { throw failure }
            throw Failure.output("writing the outputs failed, nothing was changed in \(destination.path): \(error)")
        }
    }
}
