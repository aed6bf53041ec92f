import KhetCore

/// One line of an allocation: one school, programme, item, round and grade, with its basis.
/// Totals of every kind are sums of lines; nothing is stored twice.
public struct AllocationLine: Sendable, Hashable {
    public var schoolCode: String
    public var programmeID: String
    public var itemID: String
    public var round: PaymentRound
    /// The grade funded; nil for lines about an item as a whole (advance deducted, no recovery).
    public var grade: Grade?
    public var basis: LineBasis

    public init(schoolCode: String, programmeID: String, itemID: String, round: PaymentRound,
                grade: Grade?, basis: LineBasis) {
        self.schoolCode = schoolCode
        self.programmeID = programmeID
        self.itemID = itemID
        self.round = round
        self.grade = grade
        self.basis = basis
    }

    public var amount: Money { basis.amount }
}
