import KhetCore

/// One line of an allocation: one school, programme, item, round and grade, with its basis.
/// Totals of every kind are sums of lines; nothing is stored twice.
public struct AllocationLine: Sendable, Hashable {
    public var schoolCode: String
    public var programmeID: String
    public var itemID: String
    public var round: PaymentRound
    /// The grade funded; nil for lines about a level or an item as a whole.
    public var grade: Grade?
    /// The level funded: the grade's level, or the level of a line counted per level (poor pupils).
    public var level: Level?
    public var basis: LineBasis

    public init(schoolCode: String, programmeID: String, itemID: String, round: PaymentRound,
                grade: Grade?, level: Level? = nil, basis: LineBasis) {
        self.schoolCode = schoolCode
        self.programmeID = programmeID
        self.itemID = itemID
        self.round = round
        self.grade = grade
        self.level = level ?? grade?.level
        self.basis = basis
    }

    public var amount: Money { basis.amount }
}
