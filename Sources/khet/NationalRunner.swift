import Foundation
import KhetCalc
import KhetCore
import KhetExport

/// Runs a national batch: every area imported and calculated as its own batch, then one area
/// workbook per area (`areas/<code>/`, with notices on request) and the national summary, all
/// written at once into the output folder or not at all.
struct NationalRunner {
    let manifest: NationalManifest
    let areas: [BatchData]

    struct Outcome {
        var written: [URL]
        var diagnostics: [Diagnostic]
    }

    func run(withNotices: Bool) throws -> Outcome {
        var diagnostics: [Diagnostic] = []
        var calculated: [(data: BatchData, calculation: BatchRunner.Calculation)] = []
        for data in areas {
            do {
                let calculation = try BatchRunner(data: data).calculate()
                diagnostics += calculation.diagnostics
                calculated.append((data, calculation))
            } catch BatchRunner.Failure.calculation(let problems) {
                diagnostics += problems
            }
        }
        if diagnostics.hasErrors { throw BatchRunner.Failure.calculation(diagnostics) }
        try OutputFolder.check(manifest.output)

        let written = try OutputFolder.write(into: manifest.output) { folder in
            var rows: [NationalSummaryWorkbook.AreaRow] = []
            var outputs: [URL] = []
            for (data, calculation) in calculated {
                let areaFolder = folder.appendingPathComponent("areas").appendingPathComponent(data.manifest.area.code)
                try FileManager.default.createDirectory(at: areaFolder, withIntermediateDirectories: true)
                let report = AreaAllocationReport(
                    area: data.manifest.area, fiscalYear: manifest.fiscalYear, framework: calculation.framework,
                    schools: data.schools, snapshots: data.snapshots, allocation: calculation.allocation,
                    diagnostics: calculation.diagnostics, batchDate: manifest.batchDate, language: manifest.language)
                outputs.append(try AreaWorkbook(report: report).write(into: areaFolder))
                if withNotices {
                    let notices = try SchoolNotices(report: report).write(into: areaFolder)
                    outputs.append(try DistributionList(report: report, notices: notices).write(into: areaFolder))
                }
                var byProgramme: [String: Money] = [:]
                for line in calculation.allocation.lines { byProgramme[line.programmeID, default: .zero] += line.amount }
                rows.append(.init(area: data.manifest.area, schools: data.schools.count,
                                  pupils: data.snapshots.last?.totalPupils ?? 0, byProgramme: byProgramme))
            }
            let first = calculated.first?.calculation.framework
            let summary = try NationalSummaryWorkbook(
                fiscalYear: manifest.fiscalYear, batchDate: manifest.batchDate, language: manifest.language,
                programmes: first?.programmes ?? [], isDraft: calculated.contains { $0.calculation.framework.isProvisional },
                rows: rows).write(into: folder)
            try writeManifest(into: folder, outputs: [summary] + outputs)
            return [summary.lastPathComponent, "areas", "manifest.json"]
        }
        return Outcome(written: written, diagnostics: diagnostics)
    }

    private func writeManifest(into folder: URL, outputs: [URL]) throws {
        var record = OutputManifest(version: Khet.version, area: "national", fiscalYear: manifest.fiscalYear.year,
                                    batchDate: manifest.batchDate.isoBE, framework: "per area",
                                    frameworkStatus: "per area")
        record.inputs.append(try OutputManifest.entry(role: "batch", file: manifest.file.url, shownAs: manifest.file.displayName))
        for data in areas {
            for input in data.manifest.inputFiles {
                record.inputs.append(try OutputManifest.entry(role: "\(data.manifest.area.code) \(input.role)",
                                                              file: input.file.url, shownAs: input.file.displayName))
            }
        }
        let prefix = folder.standardizedFileURL.path + "/"
        for output in outputs {
            let path = output.standardizedFileURL.path
            let shown = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : output.lastPathComponent
            record.outputs.append(try OutputManifest.entry(role: output.lastPathComponent.hasPrefix("national") ? "summary" : "workbook",
                                                           file: output, shownAs: shown))
        }
        try record.write(to: folder.appendingPathComponent("manifest.json"))
    }
}
