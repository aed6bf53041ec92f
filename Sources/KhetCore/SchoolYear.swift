/// A term of an academic year: `1/2568` is term 1 of academic year 2568 (BE).
public struct Term: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let academicYear: Int
    public let number: Int

    public init(academicYear: Int, number: Int) {
        self.academicYear = academicYear
        self.number = number
    }

    /// `2/2567`
    public var description: String { "\(number)/\(academicYear)" }

    /// The 10 June count of the same academic year: term 2 and the term-1 balance use it.
    public var juneSnapshotDate: ThaiDate? { ThaiDate(year: academicYear, month: 6, day: 10) }
    /// The 10 November count of the previous academic year: the term-1 advance uses it.
    public var previousNovemberSnapshotDate: ThaiDate? { ThaiDate(year: academicYear - 1, month: 11, day: 10) }

    public static func < (lhs: Term, rhs: Term) -> Bool {
        (lhs.academicYear, lhs.number) < (rhs.academicYear, rhs.number)
    }
}

/// A Thai fiscal year: FY N runs from 1 October N-1 to 30 September N (BE).
public struct FiscalYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int

    public init(_ year: Int) { self.year = year }

    public var startDate: ThaiDate? { ThaiDate(year: year - 1, month: 10, day: 1) }
    public var endDate: ThaiDate? { ThaiDate(year: year, month: 9, day: 30) }

    /// FY N pays term 2 of academic year N-1, then term 1 of academic year N (domain §2).
    public var terms: [Term] {
        [Term(academicYear: year - 1, number: 2), Term(academicYear: year, number: 1)]
    }

    public var description: String { "\(year)" }

    public static func < (lhs: FiscalYear, rhs: FiscalYear) -> Bool { lhs.year < rhs.year }
}
