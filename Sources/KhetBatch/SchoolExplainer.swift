import Foundation
import KhetCore
import KhetExport

/// `khet explain`: one school's allocation with its arithmetic, calculated as `khet run` does,
/// so the office can answer "why did we get this much?" without opening the workbook. Writes
/// no files.
public struct SchoolExplainer: Sendable {
    /// The explanation's lines, and the warnings and notes of reading and calculating the batch.
    public struct Explanation: Sendable {
        public var lines: [String]
        public var diagnostics: [Diagnostic]
    }

    /// The batch has no school with the code asked for.
    public struct UnknownSchool: Error, Sendable {
        /// The code as typed.
        public var typed: String
        /// The schools file, as messages name it.
        public var schoolsFile: String
        /// Close codes or names containing the text, the closest first.
        public var suggestions: [School]
        /// The warnings and notes of reading and calculating the batch.
        public var diagnostics: [Diagnostic]
    }

    /// The explanation's language; nil for the batch's own.
    public var language: Language?

    public init(language: Language? = nil) {
        self.language = language
    }

    /// Throws a `BatchFailure` when the batch has errors, `UnknownSchool` when `school` is not one of its codes.
    public func explain(batch path: String, school: String) throws -> Explanation {
        try DataFiles.check()
        let read = BatchManifestReader().read(path: path)
        guard let manifest = read.manifest else { throw BatchFailure(stage: .manifest, diagnostics: read.diagnostics) }
        var data = BatchData.importing(manifest)
        let imported = read.diagnostics + data.diagnostics
        guard !imported.hasErrors else {
            throw BatchFailure(stage: .input, diagnostics: imported, fileCount: data.fileCount)
        }
        // A national data set is calculated area by area: explain the school within its own area.
        if manifest.isNationalDataSet, let code = data.areaOfSchool[school],
           let index = data.areas.firstIndex(where: { $0.code == code }) {
            data = data.part(for: data.areas[index], schools: data.schoolsByArea()[index])
        }
        let calculated: AreaBatchRunner.Calculation
        do {
            calculated = try AreaBatchRunner(data: data).calculate()
        } catch {
            throw BatchFailure(stage: .calculation, diagnostics: read.diagnostics + error.diagnostics, fileCount: data.fileCount)
        }
        let diagnostics = read.diagnostics + calculated.diagnostics
        let matcher = SchoolMatcher(schools: data.schools)
        guard let found = matcher.school(code: school) else {
            throw UnknownSchool(typed: school, schoolsFile: manifest.schools.displayName,
                                suggestions: matcher.suggestions(for: school), diagnostics: diagnostics)
        }
        var report = AreaAllocationReport(
            area: data.manifest.area, fiscalYear: manifest.fiscalYear, framework: calculated.framework, schools: data.schools,
            snapshots: data.snapshots, allocation: calculated.allocation, diagnostics: calculated.diagnostics,
            batchDate: manifest.batchDate, language: language ?? manifest.language)
        report.transfer = calculated.transferSummary
        return Explanation(lines: SchoolExplanation(report: report, school: found).lines(), diagnostics: diagnostics)
    }
}
