import Foundation
import KhetCore
import KhetDigest
import KhetExport
import KhetImport
import KhetLedger

/// `khet diff A B`: two runs' folders, or the ledger and a run, compared line by line. A pay run
/// compared with the ledger stands for the ledger as it will be once the run is confirmed (what
/// it holds of the rounds the run pays or corrects, and the run's lines), so each correction
/// reads against what was paid; a plan run is today's figures set against what was paid.
/// Nothing is read but the two sides; nothing is written here.
public struct RunComparer: Sendable {
    /// The comparison, with what the workbook needs to name things.
    public struct Outcome: Sendable {
        public var comparison: TransferComparison
        public var areaCode: String
        public var fiscalYear: Int
        /// The bundled framework the runs name, for programme and item names; nil when it is not bundled.
        public var framework: Framework?
        /// Where the workbook goes unless told: beside B, under a name no earlier diff took.
        public var workbookFolder: URL
    }

    public init() {}

    public func compare(_ first: String, _ second: String) throws(BatchFailure) -> Outcome {
        let a = try source(first), b = try source(second)
        let areaCode: String, fiscalYear: Int
        switch (a, b) {
        case (.run(let x, _, _, _), .run(let y, _, _, _)):
            guard x.area == y.area, x.fiscalYear == y.fiscalYear else {
                throw refusal("\(first) is area \(x.area), fiscal year \(x.fiscalYear); \(second) is area \(y.area), fiscal year \(y.fiscalYear): compare runs of one area and year")
            }
            (areaCode, fiscalYear) = (x.area, x.fiscalYear)
        case (.run(let run, _, _, _), .ledger), (.ledger, .run(let run, _, _, _)):
            (areaCode, fiscalYear) = (run.area, run.fiscalYear)
        case (.ledger(let path), .ledger):
            (areaCode, fiscalYear) = try identity(path)
        }
        let aSide = try side(a, other: b, path: first, areaCode: areaCode, fiscalYear: fiscalYear)
        let bSide = try side(b, other: a, path: second, areaCode: areaCode, fiscalYear: fiscalYear)
        let folder = URL(fileURLWithPath: second).standardizedFileURL.deletingLastPathComponent()
        return Outcome(comparison: TransferComparison(before: aSide, after: bSide), areaCode: areaCode, fiscalYear: fiscalYear,
                       framework: framework(of: [a, b], fiscalYear: fiscalYear), workbookFolder: folder)
    }

    /// The terminal's table of `outcome`, at most `limit` lines of it.
    public func table(_ outcome: Outcome, limit: Int) -> [String] {
        ComparisonTable(comparison: outcome.comparison, limit: max(0, limit)).lines
    }

    /// Writes the workbook to `path`, or beside B as `diff_<A>_<B>.xlsx` (`-2`, `-3`… when an
    /// earlier diff took the name). Nothing is overwritten: the workbook is made under a scratch
    /// name and linked into place, which fails rather than replace a file; nor is it written
    /// into a run's folder, which holds only what its run wrote.
    public func writeWorkbook(_ outcome: Outcome, to path: String?) throws(BatchFailure) -> URL {
        let comparison = outcome.comparison
        let folder = path.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent() } ?? outcome.workbookFolder
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path) {
            throw BatchFailure(stage: .output, message: "\(folder.path) is a Khet run's folder, which holds only what its run wrote: write the workbook beside it")
        }
        func stem(_ side: TransferComparison.Side) -> String {
            URL(fileURLWithPath: side.path).standardizedFileURL.deletingPathExtension().lastPathComponent
        }
        let candidates: [URL] = path.map { [URL(fileURLWithPath: $0)] }
            ?? (1...99).map { n in folder.appendingPathComponent("diff_\(stem(comparison.before))_\(stem(comparison.after))\(n == 1 ? "" : "-\(n)").xlsx") }
        let scratch = folder.appendingPathComponent(".khet-diff-\(getpid())-\(UUID().uuidString.prefix(8)).xlsx")
        defer { unlink(scratch.path) }
        do {
            try DiffWorkbook(comparison: comparison, framework: outcome.framework).write(to: scratch)
        } catch {
            throw BatchFailure(stage: .output, message: "the workbook could not be written in \(folder.path): \(error)")
        }
        for candidate in candidates {
            if link(scratch.path, candidate.path) == 0 { return candidate }
            guard errno == EEXIST else {
                throw BatchFailure(stage: .output, message: "\(candidate.path) could not be written: \(String(cString: strerror(errno)))")
            }
        }
        throw BatchFailure(stage: .output, message: "\((path ?? candidates.last?.path) ?? "") exists already and is never overwritten: give another --workbook")
    }

    private enum Source {
        /// A run's lines (a pay run's `lines.json`, a plan run's `allocation-lines.json`), their
        /// SHA-256 (naming the ledger's entries confirmed from them) and the framework the manifest names.
        case run(TransferRecord, digest: String, isPlan: Bool, framework: String?)
        case ledger(String)
    }

    private func source(_ path: String) throws(BatchFailure) -> Source {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw refusal("\(path) does not exist: give a pay run's folder or a ledger (.sqlite)")
        }
        guard isFolder.boolValue else { return .ledger(path) }
        let folder = URL(fileURLWithPath: path)
        let manifest = (try? Data(contentsOf: folder.appendingPathComponent("manifest.json")))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let files = [(TransferRecord.fileName, false), (TransferRecord.planFileName, true)]
        guard let (name, isPlan, data) = files.lazy.compactMap({ name, isPlan in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { (name, isPlan, $0) }
        }).first else {
            let what = manifest == nil ? "is not a Khet run's folder" : "was written by an older Khet"
            throw refusal("\(path) \(what): it has no \(TransferRecord.fileName) or \(TransferRecord.planFileName) to compare")
        }
        do {
            return .run(try TransferRecord.decode(data), digest: SHA256.hex(of: [UInt8](data)), isPlan: isPlan,
                        framework: manifest?["framework"] as? String)
        } catch {
            throw refusal("\(path)/\(name) is not a Khet lines file of version \(TransferRecord.currentVersion)")
        }
    }

    private func identity(_ path: String) throws(BatchFailure) -> (String, Int) {
        do {
            let identity = try SQLiteLedger.identity(at: path)
            return (identity.areaCode, identity.fiscalYear)
        } catch {
            throw refusal(error.message)
        }
    }

    private func side(_ source: Source, other: Source, path: String, areaCode: String, fiscalYear: Int) throws(BatchFailure) -> TransferComparison.Side {
        switch source {
        case .run(let record, let digest, let isPlan, _):
            var lines = Self.lines(of: record)
            var description = isPlan ? "plan run of \(record.batchDate)" : "pay run of \(record.batchDate): \(record.rounds.joined(separator: ", "))"
            // Against the ledger, a pay run is the ledger with the run confirmed into it; a run already
            // confirmed stands in place of the entries recorded from it, so it reads the same. A plan
            // run is today's figures for every round, set against what was paid.
            if case .ledger(let ledgerPath) = other, !isPlan {
                let read = try ledgerLines(ledgerPath, areaCode: areaCode, fiscalYear: fiscalYear, rounds: Self.rounds(of: record),
                                           leavingOut: digest)
                lines = read.lines + lines
                description += read.leftOut ? ", as the ledger recorded it" : ", added to the ledger"
            }
            return TransferComparison.Side(path: path, description: description, lines: lines, inputs: record.inputs)
        case .ledger(let ledgerPath):
            let rounds: Set<String>?
            if case .run(let record, _, _, _) = other { rounds = Self.rounds(of: record) } else { rounds = nil }
            let read = try ledgerLines(ledgerPath, areaCode: areaCode, fiscalYear: fiscalYear, rounds: rounds)
            let scope = rounds == nil ? "" : ", the rounds the run holds"
            return TransferComparison.Side(path: path, description: "ledger: \(read.entries) \(read.entries == 1 ? "entry" : "entries")\(scope)", lines: read.lines, inputs: read.inputs)
        }
    }

    /// `programme round` of every payment and correction in the run.
    private static func rounds(of record: TransferRecord) -> Set<String> {
        Set(record.payments.map { "\($0.programme) \($0.round)" })
    }

    private static func lines(of record: TransferRecord) -> [TransferComparison.Line] {
        record.payments.flatMap { payment in
            payment.lines.map { TransferComparison.Line(programme: payment.programme, round: payment.round, line: $0) }
        }
    }

    /// The ledger's lines (of `rounds` only, when given; without the entries confirmed from the run
    /// `leavingOut` names) and the inputs of its latest entries by role.
    private func ledgerLines(_ path: String, areaCode: String, fiscalYear: Int, rounds: Set<String>?, leavingOut digest: String? = nil)
        throws(BatchFailure) -> (lines: [TransferComparison.Line], inputs: [String: String], entries: Int, leftOut: Bool) {
        let entries: [LedgerEntry]
        do {
            entries = try SQLiteLedger(path: path, areaCode: areaCode, fiscalYear: fiscalYear, create: false).entries()
        } catch {
            throw refusal(error.message)
        }
        var lines: [TransferComparison.Line] = []
        var inputs: [String: String] = [:]
        var count = 0, leftOut = false
        for entry in entries where rounds?.contains("\(entry.programmeID) \(entry.round)") ?? true {
            if let digest, entry.runDigest == digest {
                leftOut = true
                continue
            }
            count += 1
            inputs.merge(entry.inputs) { _, later in later }
            lines += entry.lines.map { line in
                TransferComparison.Line(programme: entry.programmeID, round: entry.round, line: TransferRecord.Line(
                    school: line.schoolCode, item: line.itemID, grade: line.grade, level: line.level, pupils: line.pupils,
                    rateSatang: line.rate?.satang, amountSatang: line.amount.satang, basis: line.basis ?? ""))
            }
        }
        return (lines, inputs, count, leftOut)
    }

    /// The bundled framework a run's manifest names (`templates/frameworks/fy2568.xml`), else the
    /// fiscal year's, read only for names; nil when there is none.
    private func framework(of sources: [Source], fiscalYear: Int) -> Framework? {
        var names: [String] = []
        for case .run(_, _, _, let named?) in sources { names.append(URL(fileURLWithPath: named).deletingPathExtension().lastPathComponent) }
        for name in names + ["fy\(fiscalYear)"] {
            guard let path = FrameworkReader.bundledPath(named: name),
                  let result = try? FrameworkReader().read(path: path, displayName: name) else { continue }
            if let framework = result.framework { return framework }
        }
        return nil
    }

    /// A refusal: nothing compared. Exit 65 like any other bad input.
    private func refusal(_ message: String) -> BatchFailure {
        BatchFailure(stage: .input, diagnostics: [Diagnostic(.error, code: "DIFF001", file: "khet diff", message: message)])
    }
}
