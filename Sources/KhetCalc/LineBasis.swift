import KhetCore

/// Why an allocation line has its amount: the inputs, kept so the arithmetic can be shown
/// (`ป.1  37 × 950.00 = 35,150.00`) in `khet explain` and in the workbooks.
public enum LineBasis: Sendable, Hashable {
    /// `pupils × rate`, counted on the round's snapshot.
    case perPupil(pupils: Int, rate: Money)
    /// The term-1 advance: `counted` pupils of `countedGrade` on 10 November, of whom `percent`%
    /// rounded by `rounding` are funded at `rate`.
    case advance(counted: Int, countedGrade: Grade, percent: Int, rounding: CountRounding, funded: Int, rate: Money)
    /// The advance already paid for this item, taken off the term-1 entitlement. `recomputed` is
    /// the advance on today's November count when the paid one comes from the ledger: shown
    /// beside it, never deducted.
    case lessAdvance(paid: Money, recomputed: Money?)
    /// Lifts a negative balance to zero when the framework does not recover overpaid advances.
    case noRecovery(shortfall: Money)
    /// Poor pupils: `eligible` pupils, funded up to `capPercent`% of the `enrolment` at their
    /// level (rounded down), at `rate`; `funded = min(eligible, cap)`.
    case capped(eligible: Int, enrolment: Int, capPercent: Int, funded: Int, rate: Money)
    /// Boarders funded at `rate`, at most `cap` per school when the framework sets one.
    case boarders(counted: Int, cap: Int?, funded: Int, rate: Money)
    /// A flat amount for the school as a whole.
    case perSchool(amount: Money)
    /// Lifts the school's per-head money to `floorPerHead`: `pupils × floorPerHead − before`.
    case floorTopUp(pupils: Int, floorPerHead: Money, before: Money)
    /// The envelope was smaller than the programme's entitlements: this line takes the school
    /// from its `entitlement` down to its share, rounded to whole baht by largest remainder.
    case envelopeScaling(entitlement: Money, allocated: Money, envelope: Money, totalEntitlement: Money)
    /// The notices follow OBEC's approved list (`notices = "obec"`): this line takes the school
    /// from Khet's `computed` figure for the item to OBEC's `listed` one, which the office may transfer.
    case listAdjustment(listed: Money, computed: Money)
    /// A round already confirmed in the ledger gives `recomputed` on today's data where the
    /// school was paid `paid` (its entitlement, envelope cuts left out): the difference is paid
    /// (or taken back) in this transfer, never changed silently.
    case correction(recomputed: Money, paid: Money)

    /// The basis's name as outputs and the ledger record it.
    public var kindName: String {
        switch self {
        case .perPupil: return "perPupil"
        case .advance: return "advance"
        case .lessAdvance: return "lessAdvance"
        case .noRecovery: return "noRecovery"
        case .capped: return "capped"
        case .boarders: return "boarders"
        case .perSchool: return "perSchool"
        case .floorTopUp: return "floorTopUp"
        case .envelopeScaling: return "envelopeScaling"
        case .listAdjustment: return "listAdjustment"
        case .correction: return "correction"
        }
    }

    /// An envelope cut or a list adjustment: part of what is paid, not of the entitlement.
    public var isAdjustment: Bool {
        switch self {
        case .envelopeScaling, .listAdjustment: return true
        default: return false
        }
    }

    /// The pupils the line pays for, when it pays per pupil.
    public var pupils: Int? {
        switch self {
        case .perPupil(let pupils, _): return pupils
        case .advance(_, _, _, _, let funded, _): return funded
        case .capped(_, _, _, let funded, _), .boarders(_, _, let funded, _): return funded
        case .floorTopUp(let pupils, _, _): return pupils
        case .lessAdvance, .noRecovery, .perSchool, .envelopeScaling, .listAdjustment, .correction: return nil
        }
    }

    /// The per-pupil rate for this round, when the line pays per pupil.
    public var rate: Money? {
        switch self {
        case .perPupil(_, let rate), .advance(_, _, _, _, _, let rate): return rate
        case .capped(_, _, _, _, let rate), .boarders(_, _, _, let rate): return rate
        case .lessAdvance, .noRecovery, .perSchool, .floorTopUp, .envelopeScaling, .listAdjustment, .correction: return nil
        }
    }

    /// The amount the basis gives: the one place a line's amount is computed.
    public var amount: Money {
        switch self {
        case .perPupil(let pupils, let rate): return rate * pupils
        case .advance(_, _, _, _, let funded, let rate): return rate * funded
        case .lessAdvance(let paid, _): return -paid
        case .noRecovery(let shortfall): return shortfall
        case .capped(_, _, _, let funded, let rate), .boarders(_, _, let funded, let rate): return rate * funded
        case .perSchool(let amount): return amount
        case .floorTopUp(let pupils, let floor, let before): return max(.zero, floor * pupils - before)
        case .envelopeScaling(let entitlement, let allocated, _, _): return allocated - entitlement
        case .listAdjustment(let listed, let computed): return listed - computed
        case .correction(let recomputed, let paid): return recomputed - paid
        }
    }
}
