import KhetCore

/// Why an allocation line has its amount: the inputs, kept so the arithmetic can be shown
/// (`ป.1  37 × 950.00 = 35,150.00`) in `khet explain` and in the workbooks.
public enum LineBasis: Sendable, Hashable {
    /// `pupils × rate`, counted on the round's snapshot.
    case perPupil(pupils: Int, rate: Money)
    /// The term-1 advance: `counted` pupils of `countedGrade` on 10 November, of whom `percent`%
    /// rounded by `rounding` are funded at `rate`.
    case advance(counted: Int, countedGrade: Grade, percent: Int, rounding: CountRounding, funded: Int, rate: Money)
    /// The advance already paid for this item, taken off the term-1 entitlement.
    case lessAdvance(paid: Money)
    /// Lifts a negative balance to zero when the framework does not recover overpaid advances.
    case noRecovery(shortfall: Money)

    /// The pupils the line pays for, when it pays per pupil.
    public var pupils: Int? {
        switch self {
        case .perPupil(let pupils, _): return pupils
        case .advance(_, _, _, _, let funded, _): return funded
        case .lessAdvance, .noRecovery: return nil
        }
    }

    /// The per-pupil rate for this round, when the line pays per pupil.
    public var rate: Money? {
        switch self {
        case .perPupil(_, let rate), .advance(_, _, _, _, _, let rate): return rate
        case .lessAdvance, .noRecovery: return nil
        }
    }

    /// The amount the basis gives: the one place a line's amount is computed.
    public var amount: Money {
        switch self {
        case .perPupil(let pupils, let rate): return rate * pupils
        case .advance(_, _, _, _, let funded, let rate): return rate * funded
        case .lessAdvance(let paid): return -paid
        case .noRecovery(let shortfall): return shortfall
        }
    }
}
