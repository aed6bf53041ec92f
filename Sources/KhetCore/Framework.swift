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
    /// Short forms for sheet names and narrow columns; the full name when the file gives none.
    public var thaiShortName: String?
    public var englishShortName: String?
    /// How the programme turns pupils into money; the rates are in `items`.
    public var rule: ProgrammeRule
    /// The money OBEC gives the area for this programme, when the framework says.
    public var envelope: Envelope?
    public var items: [FundingItem]

    public init(id: String, thaiName: String, englishName: String, rule: ProgrammeRule = .perPupil,
                envelope: Envelope? = nil, items: [FundingItem]) {
        self.id = id
        self.thaiName = thaiName
        self.englishName = englishName
        self.rule = rule
        self.envelope = envelope
        self.items = items
    }

    public func name(_ language: Language) -> String { language.pick(thaiName, englishName) }

    public func shortName(_ language: Language) -> String {
        language.pick(thaiShortName ?? thaiName, englishShortName ?? englishName)
    }
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
    /// An envelope for this item alone, when the framework gives one.
    public var envelope: Envelope?

    public init(id: String, thaiName: String, englishName: String, unit: Unit, paidIn: PaidIn, rates: [Rate],
                envelope: Envelope? = nil) {
        self.id = id
        self.thaiName = thaiName
        self.englishName = englishName
        self.unit = unit
        self.paidIn = paidIn
        self.rates = rates
        self.envelope = envelope
    }

    public func name(_ language: Language) -> String { language.pick(thaiName, englishName) }

    /// The rate for a grade: a rate for that grade wins over a rate for its level, which wins
    /// over a rate for every pupil.
    public func rate(for grade: Grade) -> Rate? {
        rates.first { $0.target == .grade(grade) } ?? rates.first { $0.target == .level(grade.level) }
            ?? rates.first { $0.target == .all }
    }

    /// The rate that applies to every pupil or to the school as a whole.
    public var flatRate: Rate? { rates.first { $0.target == .all } }

    /// What one pupil of `grade` brings over a whole year (both terms).
    public func annualAmount(for grade: Grade) -> Money? {
        guard let first = perPupilAmount(for: grade, termNumber: 1),
              let second = perPupilAmount(for: grade, termNumber: 2) else { return nil }
        return first + second
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
        /// Every pupil, or the school as a whole for flat amounts.
        case all
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

/// How a programme turns a school's pupils into money (domain §4–§7).
public enum ProgrammeRule: Sendable, Hashable {
    /// Every pupil of every grade with a rate, round by round (free 15-year education).
    case perPupil
    /// Poor pupils per level, funded up to a share of the school's enrolment at that level.
    /// Levels without a cap are funded without one; levels without a rate are not covered.
    case poorPupils(capPercent: [Level: Int])
    /// Boarders of schools marked as boarding schools, at most `capPerSchool` per school.
    case boarders(capPerSchool: Int?)
    /// A top-up for small schools.
    case smallSchools(SmallSchoolRule)
}

/// Which schools count as small and what they get (domain §7; threshold and amount are data).
public struct SmallSchoolRule: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Pupils × the item's rate.
        case perHead = "per-head"
        /// The item's flat rate, once per school.
        case perSchool = "per-school"
        /// Lifts the school's money per head from the other programmes to the item's flat rate.
        case floor
    }

    public var minimumPupils: Int
    public var maximumPupils: Int
    public var requiresSpecialArea: Bool
    public var mode: Mode

    public init(minimumPupils: Int = 1, maximumPupils: Int = 120, requiresSpecialArea: Bool = false, mode: Mode) {
        self.minimumPupils = minimumPupils
        self.maximumPupils = maximumPupils
        self.requiresSpecialArea = requiresSpecialArea
        self.mode = mode
    }

    public func isEligible(_ school: School, pupils: Int) -> Bool {
        (minimumPupils...max(minimumPupils, maximumPupils)).contains(pupils) && (!requiresSpecialArea || school.isSpecialArea)
    }
}

/// The money OBEC gives the area for a programme or an item (กรอบวงเงิน, domain §8).
public struct Envelope: Sendable, Hashable {
    public enum Rule: String, Sendable, Hashable { case proportional }

    public var amount: Money
    public var rule: Rule
    public var source: String

    public init(amount: Money, rule: Rule = .proportional, source: String) {
        self.amount = amount
        self.rule = rule
        self.source = source
    }
}
