import KhetCore

/// One confirmed transfer of a programme's round, as the office confirmed it: every line paid
/// to every school, the inputs it was computed from, and who confirmed it when. A correction is
/// a further entry for the same round, with its reason; no entry is ever changed.
public struct LedgerEntry: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case payment, correction
    }

    /// Set by the ledger when the entry is recorded.
    public var id: Int64?
    public var programmeID: String
    /// The round as a batch names it (`1/2568-advance`).
    public var round: String
    public var kind: Kind
    /// Why a correction was made; nil for a payment.
    public var reason: String?
    /// The batch date (BE, `2568-04-20`).
    public var batchDate: String
    /// When and by whom it was confirmed, as the caller gives them (the ledger reads no clock).
    public var confirmedAt: String
    public var confirmedBy: String
    /// The SHA-256 of each input, by role.
    public var inputs: [String: String]
    /// The snapshot the round counted pupils on (BE, `2567-11-10`), so a later recomputation
    /// counts on the same one; nil when it counted on none.
    public var countedOn: String?
    /// The SHA-256 of the run's `lines.json` that was confirmed, naming the run folder it came from.
    public var runDigest: String?
    public var lines: [LedgerLine]

    public init(programmeID: String, round: String, kind: Kind = .payment, reason: String? = nil, batchDate: String,
                confirmedAt: String, confirmedBy: String, inputs: [String: String], countedOn: String? = nil,
                runDigest: String? = nil, lines: [LedgerLine]) {
        self.programmeID = programmeID
        self.round = round
        self.kind = kind
        self.reason = reason
        self.batchDate = batchDate
        self.confirmedAt = confirmedAt
        self.confirmedBy = confirmedBy
        self.inputs = inputs
        self.countedOn = countedOn
        self.runDigest = runDigest
        self.lines = lines
    }

    public var total: Money { lines.map(\.amount).sum() }
}

/// One paid line: a school's item (and grade or level), the pupils and rate it rests on.
public struct LedgerLine: Sendable, Equatable {
    public var schoolCode: String
    public var itemID: String
    public var grade: String?
    public var level: String?
    public var pupils: Int?
    public var rate: Money?
    public var amount: Money
    /// What the amount rests on (`perPupil`, `envelopeScaling`, `correction`, …), so a later run
    /// tells an entitlement from an envelope cut.
    public var basis: String?

    public init(schoolCode: String, itemID: String, grade: String? = nil, level: String? = nil,
                pupils: Int? = nil, rate: Money? = nil, amount: Money, basis: String? = nil) {
        self.schoolCode = schoolCode
        self.itemID = itemID
        self.grade = grade
        self.level = level
        self.pupils = pupils
        self.rate = rate
        self.amount = amount
        self.basis = basis
    }
}
