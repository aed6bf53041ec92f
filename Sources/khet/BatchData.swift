import Foundation
import KhetCalc
import KhetCore
import KhetImport

/// Everything a batch imported, with every problem found on the way.
struct BatchData {
    var manifest: BatchManifest
    var framework: Framework?
    var schools: [School] = []
    var snapshots: [Snapshot] = []
    var poorPupils: [String: GradeCounts] = [:]
    var boarders: [String: GradeCounts] = [:]
    var actionPlan: ActionPlan?
    var evaluationScales: EvaluationScales?
    var diagnostics: [Diagnostic] = []

    /// Imports every input of `manifest`. It never stops at the first problem: the analyst gets
    /// the whole list in one run. A file that cannot be read at all adds its one error.
    static func importing(_ manifest: BatchManifest) -> BatchData {
        var data = BatchData(manifest: manifest)
        if let result = data.attempt({
            try FrameworkReader().read(path: manifest.framework.url.path, displayName: manifest.framework.displayName)
        }) {
            data.diagnostics += result.diagnostics
            data.framework = result.framework
        }
        if let framework = data.framework, framework.fiscalYear != manifest.fiscalYear {
            data.diagnostics.append(Diagnostic(
                .error, code: "BAT004", file: manifest.framework.displayName,
                message: "the framework is for fiscal year \(framework.fiscalYear.year) but the batch is for \(manifest.fiscalYear.year)",
                hint: "use the framework of fiscal year \(manifest.fiscalYear.year)"))
        }
        if let result = data.attempt({
            try SchoolsImporter().read(path: manifest.schools.url.path, displayName: manifest.schools.displayName)
        }) {
            data.diagnostics += result.diagnostics
            data.schools = result.schools
        }
        let known = data.schools.isEmpty ? nil : Set(data.schools.map(\.code))
        for input in manifest.pupilSnapshots {
            guard let result = data.attempt({
                try SnapshotImporter().read(path: input.file.url.path, displayName: input.file.displayName,
                                            date: input.date, knownSchools: known)
            }) else { continue }
            data.diagnostics += result.diagnostics
            data.snapshots.append(result.snapshot)
            if let known {
                data.diagnostics += missingSchools(known: known, in: result.snapshot, file: input.file.displayName)
            }
        }
        for (input, keyPath) in [(manifest.poorPupils, \BatchData.poorPupils), (manifest.boarders, \BatchData.boarders)] {
            guard let input, let result = data.attempt({
                try SnapshotImporter().read(path: input.url.path, displayName: input.displayName,
                                            date: manifest.batchDate, knownSchools: known)
            }) else { continue }
            data.diagnostics += result.diagnostics
            data[keyPath: keyPath] = result.snapshot.counts
        }
        data.importEvaluation()
        return data
    }

    /// The action plan and the scales to read it with; the scales only when there is a plan.
    private mutating func importEvaluation() {
        guard let input = manifest.actionPlan else { return }
        if let result = attempt({ try ActionPlanImporter().read(path: input.url.path, displayName: input.displayName) }) {
            diagnostics += result.diagnostics
            actionPlan = result.plan
        }
        let scalesFile = manifest.evaluationScales
        if let result = attempt({ try EvaluationScalesReader().read(path: scalesFile.url.path, displayName: scalesFile.displayName) }) {
            diagnostics += result.diagnostics
            evaluationScales = result.scales
        }
        if let year = actionPlan?.fiscalYear, year != manifest.fiscalYear {
            diagnostics.append(Diagnostic(
                .error, code: "EVL012", file: input.displayName,
                message: "the action plan is for fiscal year \(year.year) but the batch is for \(manifest.fiscalYear.year)"))
        }
    }

    /// What the calculators read.
    var allocationInputs: AllocationInputs {
        var inputs = AllocationInputs(fiscalYear: manifest.fiscalYear, schools: schools, snapshots: snapshots,
                                      poorPupils: poorPupils, boarders: boarders)
        inputs.poorPupilsFile = manifest.poorPupils?.displayName ?? inputs.poorPupilsFile
        inputs.boardersFile = manifest.boarders?.displayName ?? inputs.boardersFile
        return inputs
    }

    /// Schools of the schools file with no row in a snapshot are counted as having no pupils;
    /// the analyst should know.
    private static func missingSchools(known: Set<String>, in snapshot: Snapshot, file: String) -> [Diagnostic] {
        let missing = known.subtracting(snapshot.counts.keys).sorted()
        guard !missing.isEmpty else { return [] }
        let shown = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
        return [Diagnostic(.warning, code: "PUP009", file: file,
                           message: "\(missing.count) school(s) of the schools file have no row and are counted as 0 pupils: \(shown)")]
    }

    private mutating func attempt<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as ImportError {
            diagnostics.append(error.diagnostic)
        } catch {
            diagnostics.append(Diagnostic(.error, code: "FILE002", file: manifest.file.displayName, message: "\(error)"))
        }
        return nil
    }

    /// Number of files the batch read, for the summary line.
    var fileCount: Int { manifest.inputFiles.count - 1 }
}
