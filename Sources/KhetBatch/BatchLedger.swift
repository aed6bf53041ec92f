import Foundation
import KhetCalc
import KhetCore
import KhetLedger

/// The ledger of confirmed rounds as a batch sees it: what was paid before (read, never
/// recomputed), and the transfer its `[payment]` asks for, checked against it. A batch whose
/// ledger file does not exist yet has paid nothing.
struct BatchLedger {
    let manifest: BatchManifest
    let entries: [LedgerEntry]

    /// Reads the ledger of `manifest`; an empty one when its file does not exist yet.
    static func read(_ manifest: BatchManifest) throws(StageFailure) -> BatchLedger {
        let file = manifest.ledgerFile
        guard FileManager.default.fileExists(atPath: file.path) else { return BatchLedger(manifest: manifest, entries: []) }
        do {
            let ledger = try open(manifest, create: false)
            return BatchLedger(manifest: manifest, entries: try ledger.entries())
        } catch {
            throw StageFailure.calculation([diagnostic(error, manifest: manifest)])
        }
    }

    static func open(_ manifest: BatchManifest, create: Bool) throws(LedgerError) -> SQLiteLedger {
        try SQLiteLedger(path: manifest.ledgerFile.path, areaCode: manifest.area.code, fiscalYear: manifest.fiscalYear.year,
                         create: create)
    }

    /// The ledger is never inside a folder a run writes or replaces: `folder` (the run's), or any
    /// folder a Khet run wrote (it would become a file the run did not write, or be replaced with
    /// it). BAT020 at the batch's `ledger` key; nil when it is where it belongs.
    static func misplaced(_ manifest: BatchManifest, runFolder folder: URL) -> Diagnostic? {
        let ledger = manifest.ledgerFile.resolvingSymlinksInPath().standardizedFileURL
        let run = folder.resolvingSymlinksInPath().standardizedFileURL.path
        var parent = ledger.deletingLastPathComponent()
        var inside = ledger.path.hasPrefix(run + "/")
        while !inside && parent.path != "/" && !parent.path.isEmpty {
            inside = OutputFolder.filesKhetWrote(in: parent) != nil
            parent = parent.deletingLastPathComponent()
        }
        guard inside else { return nil }
        return Diagnostic(.error, code: "BAT020", file: manifest.file.displayName, line: manifest.ledgerLine, column: 1,
                          message: "the ledger \(manifest.ledgerFile.lastPathComponent) is inside a run's output folder, which a run writes or replaces",
                          hint: "keep the ledger beside the batch file: ledger = \"khet-ledger-\(manifest.area.code)-\(manifest.fiscalYear.year).sqlite\"")
    }

    /// A ledger's refusal, located at the batch's `ledger` key (or its first line).
    static func diagnostic(_ error: LedgerError, manifest: BatchManifest) -> Diagnostic {
        Diagnostic(.error, code: "BAT016", file: manifest.file.displayName, line: manifest.ledgerLine, column: 1,
                   message: error.message,
                   hint: "each area and fiscal year has its own ledger: set ledger = \"…\" in the batch to the right one; a damaged file is restored from its backup, never edited")
    }

    /// The confirmed runs' `lines.json` digests: those folders are records, never replaced.
    var confirmedRunDigests: Set<String> { Set(entries.compactMap(\.runDigest)) }

    /// The entries as the calculators take them: per programme and round, every line paid.
    func paidRounds() -> PaidRounds {
        var rounds: [PaidRounds.Key: PaidRounds.Round] = [:]
        for entry in entries {
            guard let round = RoundName(entry.round)?.paymentRound(in: manifest.fiscalYear) else { continue }
            let key = PaidRounds.Key(programmeID: entry.programmeID, round: round)
            var paid = rounds[key] ?? PaidRounds.Round(lines: [], countedOn: nil, confirmedOn: [])
            paid.lines += entry.lines.map { line in
                PaidLine(schoolCode: line.schoolCode, itemID: line.itemID, amount: line.amount,
                         isAdjustment: line.basis == "envelopeScaling" || line.basis == "listAdjustment")
            }
            if entry.kind == .payment, let text = entry.countedOn { paid.countedOn = ThaiDate(parsing: text) }
            if let date = ThaiDate(parsing: entry.batchDate) { paid.confirmedOn.append(date) }
            rounds[key] = paid
        }
        return PaidRounds(rounds: rounds)
    }

    /// The transfer `request` asks for: its rounds of the batch's fiscal year, none paid before.
    func plan(for request: BatchManifest.PaymentRequest) throws(StageFailure) -> TransferPlan {
        var problems: [Diagnostic] = []
        var paying = Set<PaymentRound>()
        let file = manifest.file.displayName
        for name in request.rounds {
            guard let round = name.paymentRound(in: manifest.fiscalYear) else {
                problems.append(Diagnostic(.error, code: "BAT015", file: file, line: request.line, column: request.column,
                                           message: "round \(name.text) is not a round of fiscal year \(manifest.fiscalYear.year)",
                                           hint: "fiscal year \(manifest.fiscalYear.year) pays \(Self.roundNames(of: manifest.fiscalYear))"))
                continue
            }
            if let entry = entries.first(where: { $0.kind == .payment && $0.round == name.text }) {
                problems.append(Diagnostic(
                    .error, code: "BAT017", file: file, line: request.line, column: request.column,
                    message: "round \(name.text) was already confirmed on \(entry.batchDate) (ledger entry \(entry.id ?? 0)); a round is paid once",
                    hint: "take it out of [payment] rounds: a run pays what today's data says differs from it as a correction"))
                continue
            }
            paying.insert(round)
        }
        if !problems.isEmpty { throw StageFailure.calculation(problems) }
        return TransferPlan(paying: paying, paid: paidRounds(), origin: file)
    }

    /// `2/2567, 1/2568-advance, 1/2568-balance, year`
    static func roundNames(of fiscalYear: FiscalYear) -> String {
        var names: [String] = []
        for term in fiscalYear.terms {
            names += term.number == 2 ? ["\(term)"] : ["\(term)-advance", "\(term)-balance", "\(term)"]
        }
        return (names + ["year"]).joined(separator: ", ")
    }
}
