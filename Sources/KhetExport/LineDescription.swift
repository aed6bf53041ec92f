import KhetCalc
import KhetCore

/// Words for an allocation line's basis, shared by the workbooks and `khet explain`, so a line
/// reads the same wherever it is shown.
public struct LineDescription: Sendable {
    /// A line paid per pupil, split so that `khet explain` can put counts and rates in columns:
    /// `count × rate`, or `count × rate − less` for a top-up to a floor.
    public struct Factors: Sendable, Hashable {
        /// What the rate multiplies: `37`, or the advance rule ending in the funded count
        /// (`70% × 37 (ป.2, 10 พ.ย. 2567) = 25.9 → 26`).
        public var count: String
        public var rate: Money
        /// What the school already has, taken off the product.
        public var less: Money?
    }

    public let language: Language
    /// The snapshot the line's round counts on.
    public let snapshotDate: ThaiDate?

    public init(language: Language, snapshotDate: ThaiDate?) {
        self.language = language
        self.snapshotDate = snapshotDate
    }

    /// The note beside a line in the workbooks: where its count comes from, or what it does.
    public func note(for basis: LineBasis) -> String {
        switch basis {
        case .perPupil:
            guard let snapshotDate else { return "" }
            return language.pick("นับ ณ \(snapshotDate.thaiShort)", "counted on \(snapshotDate.englishLong)")
        case let .advance(counted, countedGrade, percent, rounding, funded, _):
            let exact = fraction(counted * percent)
            let result = exact == "\(funded)" ? exact : "\(exact) → \(funded) (\(roundingWord(rounding)))"
            return language.pick(
                "ร้อยละ \(percent) ของ \(counted) คน (\(countedGrade.thaiCode) ณ \(snapshotText)) = \(result)",
                "\(percent)% of \(counted) (\(countedGrade.latinCode) on \(snapshotText)) = \(result)")
        case let .lessAdvance(paid, recomputed):
            guard let recomputed, recomputed != paid else {
                return language.pick("หักเงินงวดที่ 1 ที่จ่ายแล้ว", "less the advance already paid")
            }
            return language.pick(
                "หักเงินงวดที่ 1 ที่โอนแล้ว \(paid.formatted) บาท (คำนวณจากข้อมูลปัจจุบันได้ \(recomputed.formatted) บาท)",
                "less the advance transferred, \(paid.formatted) (on today's count \(recomputed.formatted))")
        case .noRecovery:
            return language.pick("ไม่เรียกคืนส่วนที่จ่ายเกิน (ยอดงวดที่ 2 ไม่ติดลบ)", "overpaid advance not recovered (balance kept at zero)")
        case let .capped(eligible, enrolment, capPercent, funded, _):
            let cap = enrolment * capPercent / 100
            if funded < eligible {
                return language.pick(
                    "นักเรียนยากจน \(eligible) คน เกินเพดานร้อยละ \(capPercent) ของนักเรียน \(enrolment) คน (\(cap) คน) จัดสรร \(funded) คน",
                    "\(eligible) poor pupils exceed the cap of \(capPercent)% of \(enrolment) pupils (\(cap)); \(funded) funded")
            }
            return language.pick("นักเรียนยากจน \(eligible) คน ไม่เกินเพดานร้อยละ \(capPercent) (\(cap) คน)",
                                 "\(eligible) poor pupils, within the \(capPercent)% cap (\(cap))")
        case let .boarders(counted, cap, funded, _):
            guard let cap, funded < counted else {
                return language.pick("นักเรียนพักนอน \(counted) คน", "\(counted) boarders")
            }
            return language.pick("นักเรียนพักนอน \(counted) คน เกินเพดาน \(cap) คนต่อโรงเรียน", "\(counted) boarders, capped at \(cap) per school")
        case .perSchool:
            return language.pick("อัตราต่อโรงเรียน", "flat amount per school")
        case let .floorTopUp(pupils, floor, before):
            return "\(perHeadWords(before, pupils: pupils)), \(floorWords(floor)): \(pupils) × \(floor.formatted) − \(before.formatted)"
        case let .envelopeScaling(entitlement, allocated, envelope, total):
            return language.pick(
                "ปรับตามกรอบวงเงิน \(envelope.formatted) จากสิทธิรวม \(total.formatted): \(entitlement.formatted) → \(allocated.formatted)",
                "scaled to the envelope \(envelope.formatted) of entitlements \(total.formatted): \(entitlement.formatted) → \(allocated.formatted)")
        case let .listAdjustment(listed, computed):
            return language.pick(
                "ปรับตามบัญชีจัดสรรของ สพฐ.: สพฐ. อนุมัติ \(listed.formatted) บาท, Khet คำนวณได้ \(computed.formatted) บาท",
                "adjusted to OBEC's approved list: OBEC \(listed.formatted), Khet's figure \(computed.formatted)")
        case let .correction(recomputed, paid):
            return language.pick(
                "ปรับปรุงยอดที่โอนแล้ว: โอนแล้ว \(paid.formatted) บาท คำนวณจากข้อมูลปัจจุบันได้ \(recomputed.formatted) บาท",
                "correction of a round already paid: paid \(paid.formatted), on today's data \(recomputed.formatted)")
        }
    }

    /// How `khet explain` shows a line: its factors when it is paid per pupil, and words when
    /// there are no factors or they do not tell the whole story (a cap that was applied).
    /// Per-pupil and advance lines need no words: the round heading says where counts come from.
    public func explanation(for basis: LineBasis) -> (factors: Factors?, words: String?) {
        switch basis {
        case let .perPupil(pupils, rate):
            return (Factors(count: "\(pupils)", rate: rate, less: nil), nil)
        case let .advance(counted, countedGrade, percent, _, funded, rate):
            let exact = fraction(counted * percent)
            let result = exact == "\(funded)" ? exact : "\(exact) → \(funded)"
            let count = "\(percent)% × \(counted) (\(countedGrade.code(language)), \(shortSnapshotText)) = \(result)"
            return (Factors(count: count, rate: rate, less: nil), nil)
        case let .capped(_, _, _, funded, rate):
            // The cap is the point of the line, applied or not: always say it.
            return (Factors(count: "\(funded)", rate: rate, less: nil), note(for: basis))
        case let .boarders(counted, _, funded, rate):
            return (Factors(count: "\(funded)", rate: rate, less: nil), funded < counted ? note(for: basis) : nil)
        case let .floorTopUp(pupils, floor, before):
            // Already above the floor: the amount is zero, not the negative difference.
            guard floor * pupils >= before else { return (nil, note(for: basis)) }
            return (Factors(count: "\(pupils)", rate: floor, less: before),
                    "\(perHeadWords(before, pupils: pupils)), \(floorWords(floor))")
        case .lessAdvance, .noRecovery, .perSchool, .envelopeScaling, .listAdjustment, .correction:
            return (nil, note(for: basis))
        }
    }

    /// Where a round's counts come from, for the heading of the round in `khet explain` (the
    /// round's title already gives the advance percentage); nil for whole-year rounds, whose
    /// programmes count on their own lists.
    public func counting(_ kind: PaymentRound.Kind, advance: AdvanceRule) -> String? {
        guard snapshotDate != nil else { return nil }
        switch kind {
        case .fullTerm, .balance:
            return language.pick("นับ ณ \(snapshotText)", "counted on \(snapshotText)")
        case .advance:
            return language.pick(
                "นับ ณ \(snapshotText) เลื่อนชั้น \(roundingWord(advance.rounding))รายชั้น",
                "\(snapshotText) count advanced one grade, rounded \(roundingWord(advance.rounding)) per grade")
        case .wholeYear:
            return nil
        }
    }

    private var snapshotText: String {
        snapshotDate.map { language.pick($0.thaiShort, $0.englishLong) } ?? ""
    }

    /// `10 พ.ย. 2567` / `10 Nov 2567 BE`: short enough to repeat on every advance line.
    private var shortSnapshotText: String {
        guard let date = snapshotDate else { return "" }
        let month = ThaiDate.englishMonths[date.month - 1].prefix(3)
        return language.pick(date.thaiShort, "\(date.day) \(month) \(date.year) BE")
    }

    /// The money per head from the other programmes that a floor is compared with.
    private func perHeadWords(_ before: Money, pupils: Int) -> String {
        let perHead = pupils > 0 ? Money(satang: before.satang / Int64(pupils)).formatted : "–"
        return language.pick("เงินจากโครงการอื่น \(before.formatted) บาท (\(perHead) บาทต่อคน)",
                             "\(before.formatted) from the other programmes (\(perHead) per head)")
    }

    private func floorWords(_ floor: Money) -> String {
        language.pick("ยกระดับให้ได้ไม่ต่ำกว่า \(floor.formatted) บาทต่อคน", "lifted to at least \(floor.formatted) per head")
    }

    private func roundingWord(_ rounding: CountRounding) -> String {
        switch rounding {
        case .halfUp: return language.pick("ปัดครึ่งขึ้น", "half up")
        case .down: return language.pick("ปัดลง", "down")
        case .up: return language.pick("ปัดขึ้น", "up")
        }
    }

    /// `2590` hundredths as `25.9`.
    private func fraction(_ hundredths: Int) -> String {
        let whole = hundredths / 100
        let rest = hundredths % 100
        if rest == 0 { return "\(whole)" }
        let digits = rest % 10 == 0 ? "\(rest / 10)" : (rest < 10 ? "0\(rest)" : "\(rest)")
        return "\(whole).\(digits)"
    }
}
