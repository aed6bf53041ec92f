import Foundation
import KhetCore
import KhetDigest
import KhetExport
import KhetLedger

/// `khet confirm`: records a pay run's transfer in the ledger, once the office has sent it. What
/// is recorded is the run's `lines.json`, exactly as the notices showed it, never a recomputation;
/// the file must be the one the run wrote (its SHA-256 as manifest.json lists it) and the ledger
/// must be as the run read it. Every entry of the transfer goes in one transaction: all or none.
public struct TransferConfirmer: Sendable {
    /// One entry recorded.
    public struct Recorded: Sendable, Equatable {
        public var id: Int64
        public var programmeID: String
        public var round: String
        public var kind: String
        public var total: Money
    }

    public struct Outcome: Sendable {
        public var entries: [Recorded]
        public var ledger: URL
        public var run: URL
    }

    /// Who confirms, and when (the caller reads the clock: confirmations are stamped, runs are not).
    public var confirmedBy: String
    public var confirmedAt: String
    /// Why the transfer corrects rounds already paid, when the batch's `[payment] correction` does not say.
    public var reason: String?

    public init(confirmedBy: String, confirmedAt: String, reason: String? = nil) {
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
        self.reason = reason
    }

    /// `run`: the pay run's folder; the folder the batch's pay run writes when nil.
    public func confirm(batch path: String, run: String? = nil) throws(BatchFailure) -> Outcome {
        let read = BatchManifestReader().read(path: path, outputOverride: run)
        guard let manifest = read.manifest else { throw BatchFailure(stage: .manifest, diagnostics: read.diagnostics) }
        guard let payment = manifest.payment else {
            throw refusal("\(path) has no [payment]: it pays nothing, so there is nothing to confirm")
        }
        let folder = PayRunFolder.destination(of: manifest)
        if let misplaced = BatchLedger.misplaced(manifest, runFolder: folder) {
            throw BatchFailure(stage: .input, diagnostics: [misplaced])
        }
        let (record, digest) = try transfer(in: folder)
        guard record.area == manifest.area.code, record.fiscalYear == manifest.fiscalYear.year else {
            throw refusal("\(folder.path) is a transfer of area \(record.area), fiscal year \(record.fiscalYear), not of this batch")
        }
        guard record.rounds == payment.rounds.map(\.text) else {
            throw refusal("\(folder.path) pays \(record.rounds.joined(separator: ", ")), but the batch's [payment] now says "
                          + payment.rounds.map(\.text).joined(separator: ", ") + ": run the batch again, then confirm")
        }
        let why = (reason ?? payment.correction)?.trimmingCharacters(in: .whitespacesAndNewlines)
        if record.payments.contains(where: { $0.kind == "correction" }) && (why ?? "").isEmpty {
            throw refusal("the transfer corrects rounds already paid: say why with [payment] correction = \"…\" in the batch, or --reason")
        }
        do {
            let ledger = try BatchLedger.open(manifest, create: true)
            let before = try ledger.entries()
            if let earlier = before.first(where: { $0.runDigest == digest }) {
                throw refusal("\(folder.path) was already confirmed (ledger entry \(earlier.id ?? 0), \(earlier.confirmedAt))")
            }
            guard before.count == record.ledgerEntries else {
                throw refusal("the ledger \(manifest.ledgerFile.lastPathComponent) has changed since the run \(folder.lastPathComponent) "
                              + "(\(record.ledgerEntries) entries then, \(before.count) now): run the batch again and confirm the new run")
            }
            let entries = record.payments.map { payment in
                LedgerEntry(programmeID: payment.programme, round: payment.round,
                            kind: payment.kind == "correction" ? .correction : .payment,
                            reason: payment.kind == "correction" ? why : nil, batchDate: record.batchDate,
                            confirmedAt: confirmedAt, confirmedBy: confirmedBy, inputs: record.inputs,
                            countedOn: payment.countedOn, runDigest: digest,
                            lines: payment.lines.map { line in
                                LedgerLine(schoolCode: line.school, itemID: line.item, grade: line.grade, level: line.level,
                                           pupils: line.pupils, rate: line.rateSatang.map { Money(satang: $0) },
                                           amount: line.amount, basis: line.basis)
                            })
            }
            let ids = try ledger.record(entries)
            let recorded = zip(ids, record.payments).map { id, payment in
                Recorded(id: id, programmeID: payment.programme, round: payment.round, kind: payment.kind, total: payment.total)
            }
            return Outcome(entries: recorded, ledger: manifest.ledgerFile, run: folder)
        } catch let error as LedgerError {
            throw BatchFailure(stage: .input, diagnostics: [BatchLedger.diagnostic(error, manifest: manifest)])
        } catch let failure as BatchFailure {
            throw failure
        } catch {
            throw refusal("\(error)")
        }
    }

    /// The run's `lines.json`, checked against the digest its manifest.json recorded.
    private func transfer(in folder: URL) throws(BatchFailure) -> (TransferRecord, String) {
        let lines = folder.appendingPathComponent(TransferRecord.fileName)
        guard let data = FileManager.default.contents(atPath: lines.path) else {
            throw refusal("\(folder.path) has no \(TransferRecord.fileName): run the batch first (khet run), then confirm its folder")
        }
        let digest = SHA256.hex(of: [UInt8](data))
        guard let manifest = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
              let json = try? JSONSerialization.jsonObject(with: manifest) as? [String: Any],
              let outputs = json["outputs"] as? [[String: Any]],
              let listed = outputs.first(where: { $0["role"] as? String == "transfer" })?["sha256"] as? String else {
            throw refusal("\(folder.path) has no Khet manifest.json listing its transfer: it is not a pay run's folder")
        }
        guard listed == digest else {
            throw refusal("\(lines.path) is not the file the run wrote (its SHA-256 differs from manifest.json): run the batch again")
        }
        do {
            return (try TransferRecord.decode(data), digest)
        } catch {
            throw refusal("\(lines.path) is not a Khet transfer file of version \(TransferRecord.currentVersion)")
        }
    }

    /// A refusal: nothing was recorded. Exit 65 like any other bad input.
    private func refusal(_ message: String) -> BatchFailure {
        BatchFailure(stage: .input, diagnostics: [Diagnostic(.error, code: "CONF001", file: "khet confirm", message: message)])
    }
}
