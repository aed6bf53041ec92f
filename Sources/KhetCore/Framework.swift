/// The rates and rules of one fiscal year, read from a framework file. Rates change every year,
/// so none of them lives in code (domain: "rates are data").
public struct Framework: Sendable {
    public enum Status: String, Sendable { case official, provisional }

    public var fiscalYear: FiscalYear
    public var status: Status
    public var title: String
    /// The document the framework as a whole comes from (an OBEC letter, a guideline book).
    public var source: String
    public var advance: AdvanceRule
    public var programmes: [Programme]
    /// The file it was read from, for the Rates sheet and error messages.
    public var origin: String

    public init(fiscalYear: FiscalYear, status: Status, title: String, source: String,
                advance: AdvanceRule, programmes: [Programme], origin: String = "") {
        self.fiscalYear = fiscalYear
        self.status = status
        self.title = title
        self.source = source
        self.advance = advance
        self.programmes = programmes
        self.origin = origin
    }

    public var isProvisional: Bool { status == .provisional }

    public func programme(_ id: String) -> Programme? { programmes.first { $0.id == id } }
}

/// How the term-1 advance is worked out (domain §4.3).
public struct AdvanceRule: Sendable, Hashable {
    /// Share of the advanced 10 November count that is paid in advance, in whole percent.
    public var percent: Int
    /// How the funded count (percent × pupils) is rounded, per grade.
    public var rounding: CountRounding
    /// Whether a balance may go negative and claw money back; without it a negative balance is 0.
    public var allowsRecovery: Bool

    public init(percent: Int = 70, rounding: CountRounding = .halfUp, allowsRecovery: Bool = false) {
        self.percent = percent
        self.rounding = rounding
        self.allowsRecovery = allowsRecovery
    }
}

/// Rounding of a fractional pupil count to whole pupils.
public enum CountRounding: String, Sendable, Hashable, CaseIterable {
    case halfUp = "half-up"
    case down
    case up

    /// `count × percent / 100`, rounded by this rule, exactly in integers.
    public func apply(count: Int, percent: Int) -> Int {
        let scaled = count * percent
        switch self {
        case .down: return scaled / 100
        case .up: return (scaled + 99) / 100
        case .halfUp: return (scaled + 50) / 100
        }
    }
}

/// A funded programme such as free 15-year education.
public struct Programme: Sendable {
    public var id: String
    public var thaiName: String
    public var englishName: String
    public var items: [FundingItem]

    public init(id: String, thaiName: String, englishName: String, items: [FundingItem]) {
        self.id = id
        self.thaiName = thaiName
        self.englishName = englishName
        self.items = items
    }

    public func name(_ language: Language) -> String { language.pick(thaiName, englishName) }
}

/// One item of a programme (tuition, textbooks…) with its rates.
public struct FundingItem: Sendable {
    public enum Unit: String, Sendable { case perYear = "year", perTerm = "term" }
    public enum PaidIn: String, Sendable { case eachTerm = "each-term", term1 = "term-1" }

    public var id: String
    public var thaiName: String
    public var englishName: String
    public var unit: Unit
    public var paidIn: PaidIn
    public var rates: [Rate]

    public init(id: String, thaiName: String, englishName: String, unit: Unit, paidIn: PaidIn, rates: [Rate]) {
        self.id = id
        self.thaiName = thaiName
        self.englishName = englishName
        self.unit = unit
        self.paidIn = paidIn
        self.rates = rates
    }

    public func name(_ language: Language) -> String { language.pick(thaiName, englishName) }

    /// The rate for a grade: a rate for that grade wins over a rate for its level.
    public func rate(for grade: Grade) -> Rate? {
        rates.first { $0.target == .grade(grade) } ?? rates.first { $0.target == .level(grade.level) }
    }

    /// What one pupil of `grade` brings in term `termNumber` (1 or 2). Annual amounts paid in
    /// each term are split with the odd baht going to term 2 (domain §4.3).
    public func perPupilAmount(for grade: Grade, termNumber: Int) -> Money? {
        guard let rate = rate(for: grade) else { return nil }
        switch (unit, paidIn) {
        case (.perYear, .eachTerm):
            let split = rate.amount.splitOverTwoTerms
            return termNumber == 1 ? split.first : split.second
        case (.perTerm, .eachTerm):
            return rate.amount
        case (_, .term1):
            return termNumber == 1 ? rate.amount : .zero
        }
    }
}

/// How sure we are of a rate (domain reference: A official, B secondary, C weak or a placeholder).
public enum Confidence: String, Sendable, CaseIterable { case a = "A", b = "B", c = "C" }

/// One rate with its citation: every number explains where it came from.
public struct Rate: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case level(Level)
        case grade(Grade)
    }

    public var target: Target
    public var amount: Money
    public var source: String
    public var confidence: Confidence

    public init(target: Target, amount: Money, source: String, confidence: Confidence) {
        self.target = target
        self.amount = amount
        self.source = source
        self.confidence = confidence
    }
}
