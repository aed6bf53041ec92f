import KhetCore

/// What a run pays: the rounds transferred now, against what the ledger says was paid before.
/// A round already paid is never paid again; where today's data gives a different amount for
/// it, the difference is a correction line (`LineBasis.correction`) in this transfer.
public struct TransferPlan: Sendable {
    /// The rounds paid now (may be empty for a run that only pays corrections).
    public var paying: Set<PaymentRound>
    public var paid: PaidRounds
    /// How messages about the plan name where it comes from (the batch file).
    public var origin: String

    public init(paying: Set<PaymentRound>, paid: PaidRounds, origin: String = "batch") {
        self.paying = paying
        self.paid = paid
        self.origin = origin
    }

    /// A line of today's calculation that this transfer pays.
    func pays(_ line: AllocationLine) -> Bool {
        if case .correction = line.basis { return true }
        return paying.contains(line.round) && !paid.isPaid(line.programmeID, line.round)
    }
}
