import Foundation
import KhetCalc
import KhetCore
import KhetDigest
import KhetExport
import KhetLedger

/// Calculates and writes a batch whose inputs imported without errors. Outputs go to a fresh
/// folder beside the output folder and replace it only when everything was written, so a
/// failed run never leaves a half-written output behind.
struct AreaBatchRunner {
    struct Outcome {
        /// The files and folders to show, in the order written; the notices as their folder.
        var written: [URL]
        var noticesFolder: URL
        var noticeCount: Int
        var diagnostics: [Diagnostic]
        var reconciliations: [Reconciliation] = []
    }

    let data: BatchData
    /// Where the calculation's and the writers' time goes, when the run measures it.
    var timings: StageTimings? = nil
    /// Prints every notice to PDF too, when given.
    var pdfConverter: NoticePDFConverter? = nil

    /// The allocation of an imported batch, with the import's and the calculators' diagnostics.
    /// Throws when any of them is an error.
    struct Calculation {
        var framework: Framework
        var allocation: Allocation
        /// Nil when the batch has no action plan.
        var evaluation: PlanEvaluation?
        var diagnostics: [Diagnostic]
        /// OBEC's lists against the allocation, when the batch has any.
        var reconciliations: [Reconciliation] = []
        /// A pay run's plan and the ledger it was checked against; nil for a plan of the year.
        var transfer: (plan: TransferPlan, ledger: BatchLedger)? = nil

        /// What the outputs say about the transfer and the year so far.
        var transferSummary: TransferSummary? {
            transfer.map { TransferSummary(rounds: Array($0.plan.paying), paidBefore: $0.plan.paid) }
        }
    }

    func calculate() throws(StageFailure) -> Calculation {
        guard let read = data.framework, !read.programmes.isEmpty else {
            throw StageFailure.calculation(data.diagnostics + [Diagnostic(
                .error, code: "CALC003", file: data.manifest.framework.displayName,
                message: "the framework has no programme")])
        }
        let framework = try revisedEnvelopes(read)
        var transfer: (plan: TransferPlan, ledger: BatchLedger)?
        if let request = data.manifest.payment {
            do {
                let ledger = try BatchLedger.read(data.manifest)
                transfer = (try ledger.plan(for: request), ledger)
            } catch {
                throw StageFailure.calculation(data.diagnostics + error.diagnostics)
            }
        }
        let allocation = AreaAllocator(framework: framework).allocate(data.allocationInputs, transfer: transfer?.plan)
        var evaluation: PlanEvaluation?
        if let plan = data.actionPlan, let scales = data.evaluationScales {
            evaluation = EvaluationCalculator(scales: scales).evaluate(plan)
        }
        var diagnostics = data.diagnostics + allocation.diagnostics + missingInputs(framework) + (evaluation?.diagnostics ?? [])
        if diagnostics.hasErrors { throw StageFailure.calculation(diagnostics) }
        if let request = data.manifest.payment, request.correction == nil {
            diagnostics += unexplainedCorrections(allocation, request: request)
        }
        let reconciler = ListReconciler(data: data, framework: framework, allocation: allocation)
        let reconciliations = try reconciler.reconcile()
        let paid = try reconciler.followingLists(reconciliations)
        return Calculation(framework: framework, allocation: paid, evaluation: evaluation, diagnostics: diagnostics,
                           reconciliations: reconciliations, transfer: transfer)
    }

    /// `[envelopes]`: OBEC's revised envelope of a programme replaces the framework's.
    private func revisedEnvelopes(_ framework: Framework) throws(StageFailure) -> Framework {
        var revised = framework
        var problems: [Diagnostic] = []
        let file = data.manifest.file.displayName
        for revision in data.manifest.envelopes {
            guard let index = revised.programmes.firstIndex(where: { $0.id == revision.programmeID }) else {
                problems.append(Diagnostic(.error, code: "BAT018", file: file, line: revision.line, column: revision.column,
                                           message: "the framework has no programme '\(revision.programmeID)'",
                                           hint: "its programmes: \(framework.programmes.map(\.id).joined(separator: ", "))"))
                continue
            }
            revised.programmes[index].envelope = Envelope(amount: revision.amount,
                                                          source: "\(file):\(revision.line) [envelopes] \(revision.programmeID)")
        }
        if !problems.isEmpty { throw StageFailure.calculation(data.diagnostics + problems) }
        return revised
    }

    /// Corrections are confirmed with their reason: without `correction = "…"`, say so before confirming.
    private func unexplainedCorrections(_ allocation: Allocation, request: BatchManifest.PaymentRequest) -> [Diagnostic] {
        let schools = Set(allocation.lines.filter { if case .correction = $0.basis { return true }; return false }.map(\.schoolCode))
        guard !schools.isEmpty else { return [] }
        return [Diagnostic(.warning, code: "BAT019", file: data.manifest.file.displayName, line: request.line, column: request.column,
                           message: "today's data differs from rounds already paid for \(schools.count) school(s): the transfer corrects them",
                           thaiMessage: "ข้อมูลปัจจุบันต่างจากยอดที่โอนแล้ว \(schools.count) โรงเรียน การโอนครั้งนี้จึงมีรายการปรับปรุงยอด",
                           hint: "check the corrections sheet, then say why in [payment] correction = \"…\" (khet confirm needs the reason)")]
    }

    func run() throws -> Outcome {
        let manifest = data.manifest
        let destination = PayRunFolder.destination(of: manifest)
        var output = OutputFolder(destination: destination, inputs: manifest.inputFiles.map(\.file.url), ledger: manifest.ledgerFile)
        // A run that pays nothing never replaces a pay run's folder; a pay run never a confirmed one.
        if let request = manifest.payment {
            // A pay run's ledger is where khet confirm will write: never in a run's folder.
            if let misplaced = BatchLedger.misplaced(manifest, runFolder: destination) {
                throw StageFailure.calculation(data.diagnostics + [misplaced])
            }
            // The rounds are checked against the ledger first: a round paid before is the error to
            // name, before its confirmed folder is.
            let ledger = try BatchLedger.read(manifest)
            do {
                _ = try ledger.plan(for: request)
            } catch {
                throw StageFailure.calculation(data.diagnostics + error.diagnostics)
            }
            output.confirmedTransfers = ledger.confirmedRunDigests
        }
        try output.check()
        let calculation = try measure("calculate", items: data.schools.count, unit: "schools") { try calculate() }
        let (framework, allocation, diagnostics) = (calculation.framework, calculation.allocation, calculation.diagnostics)

        var report = AreaAllocationReport(
            area: manifest.area, fiscalYear: manifest.fiscalYear, framework: framework, schools: data.schools,
            snapshots: data.snapshots, allocation: allocation, diagnostics: diagnostics,
            batchDate: manifest.batchDate, language: manifest.language)
        report.letter = manifest.letter
        report.transfer = calculation.transferSummary
        var noticeCount = 0
        let written = try measure("write", items: data.schools.count, unit: "schools") {
            try output.write { folder in
                try writeOutputs(into: folder, calculation: calculation, report: report, noticeCount: &noticeCount)
            }
        }
        return Outcome(written: written, noticesFolder: destination.appendingPathComponent(SchoolNotices.folderName),
                       noticeCount: noticeCount, diagnostics: diagnostics, reconciliations: calculation.reconciliations)
    }

    /// Every output of the area into the staging `folder`; returns the names to show.
    private func writeOutputs(into folder: URL, calculation: Calculation, report: AreaAllocationReport,
                              noticeCount: inout Int) throws -> [String] {
        let manifest = data.manifest
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
        // The annual report is the director's view of the year; a pay run is one transfer of it.
        if calculation.transfer == nil { outputs.append(try AnnualReport(data: reportData).write(into: folder)) }
        if !calculation.reconciliations.isEmpty {
            outputs.append(try ReconciliationWorkbook(report: report, reconciliations: calculation.reconciliations).write(into: folder))
        }
        let notices = try SchoolNotices(report: report, pdfConverter: pdfConverter).write(into: folder)
        noticeCount = notices.count
        let distribution = try DistributionList(report: report, notices: notices).write(into: folder)
        // A pay run's transfer, which khet confirm records; a plan run's lines, which khet diff compares.
        let transferFile = try writeLines(into: folder, calculation: calculation, digests: digests)
        try writeManifest(into: folder, outputs: outputs, distribution: distribution, notices: notices,
                          framework: calculation.framework, transfer: transferFile)
        return outputs.map(\.lastPathComponent) + [distribution.lastPathComponent, SchoolNotices.folderName]
            + [transferFile.lastPathComponent, "manifest.json"]
    }

    /// `lines.json`: the transfer as `khet confirm` will record it; in a plan run
    /// `allocation-lines.json`, every line of the allocation in the same format.
    private func writeLines(into folder: URL, calculation: Calculation, digests: [AnnualReportData.InputDigest]) throws -> URL {
        let manifest = data.manifest
        let latest = data.allocationInputs.latestSnapshot?.date
        let payments = TransferRecord.payments(
            of: calculation.allocation.lines, roundName: RoundName.name(of:),
            countedOn: { round in round.kind == .wholeYear ? latest : round.snapshotDate })
        let record = TransferRecord(
            area: manifest.area.code, fiscalYear: manifest.fiscalYear.year, batchDate: manifest.batchDate.isoBE,
            rounds: manifest.payment?.rounds.map(\.text) ?? [], ledgerEntries: calculation.transfer?.ledger.entries.count ?? 0,
            inputs: Dictionary(digests.map { ($0.role, $0.sha256) }, uniquingKeysWith: { first, _ in first }),
            payments: payments)
        let url = folder.appendingPathComponent(calculation.transfer == nil ? TransferRecord.planFileName : TransferRecord.fileName)
        try record.encoded().write(to: url)
        return url
    }

    private func measure<T>(_ stage: String, items: Int, unit: String, _ body: () throws -> T) rethrows -> T {
        guard let timings else { return try body() }
        return try timings.measure(stage, items: items, unit: unit, body)
    }

    /// A programme whose list the batch lacks allocates nothing; a list no programme uses is
    /// probably a mistake too. Both deserve a warning.
    private func missingInputs(_ framework: Framework) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let file = data.manifest.file.displayName
        let hasPoor = framework.programmes.contains { if case .poorPupils = $0.rule { return true }; return false }
        let hasBoarders = framework.programmes.contains { if case .boarders = $0.rule { return true }; return false }
        // Pupil records carry poor and boarder flags themselves.
        let hasRecords = !data.manifest.pupilRecords.isEmpty
        if hasPoor && data.manifest.poorPupils == nil && !hasRecords {
            diagnostics.append(Diagnostic(.warning, code: "BAT008", file: file,
                                          message: "the framework funds poor pupils but the batch has no poor-pupil list ([inputs] poor)"))
        }
        if hasBoarders && data.manifest.boarders == nil && !hasRecords {
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
                               framework: Framework, transfer: URL) throws {
        let manifest = data.manifest
        var record = OutputManifest(version: KhetVersion.current, area: manifest.area.code, fiscalYear: manifest.fiscalYear.year,
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
        let role = transfer.lastPathComponent == TransferRecord.fileName ? "transfer" : "lines"
        record.outputs.append(try OutputManifest.entry(role: role, file: transfer, shownAs: transfer.lastPathComponent))
        for notice in notices {
            record.outputs.append(OutputManifest.Entry(role: "notice", path: notice.path, sha256: notice.sha256, bytes: notice.bytes))
            if let pdf = notice.pdf {
                record.outputs.append(OutputManifest.Entry(role: "notice pdf", path: pdf.path, sha256: pdf.sha256, bytes: pdf.bytes))
            }
        }
        try record.write(to: folder.appendingPathComponent("manifest.json"))
    }
}
