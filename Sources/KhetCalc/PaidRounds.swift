import KhetCore

/// What was already transferred this fiscal year, as the ledger of confirmed rounds says: the
/// calculators take paid money from here and never recompute it.
public struct PaidRounds: Sendable {
    /// One programme's round as paid: its lines (payments and corrections together) and the
    /// snapshot the payment counted on, so a recomputation counts on the same one.
    public struct Round: Sendable {
        public var lines: [PaidLine]
        /// The snapshot a whole-year programme counted on when it was paid (its latest then).
        public var countedOn: ThaiDate?
        /// When each entry was confirmed, oldest first: the batch dates, for the year-so-far summary.
        public var confirmedOn: [ThaiDate]

        public init(lines: [PaidLine], countedOn: ThaiDate?, confirmedOn: [ThaiDate]) {
            self.lines = lines
            self.countedOn = countedOn
            self.confirmedOn = confirmedOn
        }

        /// What a school received for each item, envelope and list adjustments left out: the
        /// entitlement that a recomputation is compared with.
        func entitlementByItem(of schoolCode: String) -> [String: Money] {
            var byItem: [String: Money] = [:]
            for line in lines where line.schoolCode == schoolCode && !line.isAdjustment { byItem[line.itemID, default: .zero] += line.amount }
            return byItem
        }
    }

    public struct Key: Sendable, Hashable {
        public var programmeID: String
        public var round: PaymentRound

        public init(programmeID: String, round: PaymentRound) {
            self.programmeID = programmeID
            self.round = round
        }
    }

    public var rounds: [Key: Round]

    public init(rounds: [Key: Round] = [:]) { self.rounds = rounds }

    public static let none = PaidRounds()

    public func round(_ programmeID: String, _ round: PaymentRound) -> Round? {
        rounds[Key(programmeID: programmeID, round: round)]
    }

    public func isPaid(_ programmeID: String, _ round: PaymentRound) -> Bool { self.round(programmeID, round) != nil }

    /// Everything transferred for a programme, envelope cuts and corrections included.
    public func total(of programmeID: String) -> Money {
        rounds.filter { $0.key.programmeID == programmeID }.values.flatMap(\.lines).map(\.amount).sum()
    }

    /// Every school's transferred money per programme and round, for the year-so-far summary.
    public func totalsBySchool() -> [String: [(key: Key, amount: Money)]] {
        var sums: [String: [Key: Money]] = [:]
        for (key, round) in rounds {
            for line in round.lines { sums[line.schoolCode, default: [:]][key, default: .zero] += line.amount }
        }
        return sums.mapValues { byKey in
            byKey.map { (key: $0.key, amount: $0.value) }.sorted { ($0.key.round, $0.key.programmeID) < ($1.key.round, $1.key.programmeID) }
        }
    }
}

/// One line as it was transferred.
public struct PaidLine: Sendable, Hashable {
    public var schoolCode: String
    public var itemID: String
    public var amount: Money
    /// An envelope cut or a list adjustment: part of what was paid, not of the entitlement.
    public var isAdjustment: Bool

    public init(schoolCode: String, itemID: String, amount: Money, isAdjustment: Bool) {
        self.schoolCode = schoolCode
        self.itemID = itemID
        self.amount = amount
        self.isAdjustment = isAdjustment
    }
}
