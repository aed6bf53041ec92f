import KhetCore

/// One payment of one term's money (domain §4.3): a whole term, or term 1 split into an advance
/// on the previous 10 November count and a balance after the 10 June count.
public struct PaymentRound: Sendable, Hashable, Comparable {
    /// `wholeYear` is for programmes paid once for the fiscal year (poor pupils, boarders, small
    /// schools); its term is the fiscal year's last term.
    public enum Kind: Int, Sendable, Hashable { case fullTerm = 0, advance = 1, balance = 2, wholeYear = 3 }

    public var term: Term
    public var kind: Kind

    public init(term: Term, kind: Kind) {
        self.term = term
        self.kind = kind
    }

    /// The snapshot the round counts pupils on.
    public var snapshotDate: ThaiDate? {
        kind == .advance ? term.previousNovemberSnapshotDate : term.juneSnapshotDate
    }

    /// The round of a programme paid once for `fiscalYear`.
    public static func wholeYear(of fiscalYear: FiscalYear) -> PaymentRound {
        PaymentRound(term: fiscalYear.terms[fiscalYear.terms.count - 1], kind: .wholeYear)
    }

    /// `ภาคเรียนที่ 1/2568 งวดที่ 1 (ร้อยละ 70)`
    public func title(_ language: Language, advancePercent: Int) -> String {
        switch kind {
        case .fullTerm:
            return language.pick("ภาคเรียนที่ \(term)", "Term \(term)")
        case .advance:
            return language.pick("ภาคเรียนที่ \(term) งวดที่ 1 (ร้อยละ \(advancePercent))",
                                 "Term \(term), advance (\(advancePercent)%)")
        case .balance:
            return language.pick("ภาคเรียนที่ \(term) งวดที่ 2 (ส่วนที่เหลือ)", "Term \(term), balance")
        case .wholeYear:
            return language.pick("ทั้งปีงบประมาณ \(term.academicYear)", "Whole fiscal year \(term.academicYear)")
        }
    }

    /// A worksheet name: at most 31 characters and no `/`.
    public func sheetName(_ language: Language, advancePercent: Int) -> String {
        let term = "\(self.term.number)-\(self.term.academicYear)"
        switch kind {
        case .fullTerm: return language.pick("ภาค \(term)", "Term \(term)")
        case .advance: return language.pick("ภาค \(term) งวด \(advancePercent)%", "Term \(term) advance")
        case .balance: return language.pick("ภาค \(term) ส่วนที่เหลือ", "Term \(term) balance")
        case .wholeYear: return language.pick("ปีงบ \(self.term.academicYear)", "FY \(self.term.academicYear)")
        }
    }

    public static func < (lhs: PaymentRound, rhs: PaymentRound) -> Bool {
        (lhs.term, lhs.kind.rawValue) < (rhs.term, rhs.kind.rawValue)
    }
}
