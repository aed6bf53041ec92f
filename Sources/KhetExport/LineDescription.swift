import KhetCalc
import KhetCore

/// Words for an allocation line's basis, shared by the workbooks (and later `khet explain`).
struct LineDescription {
    let language: Language
    let snapshotDate: ThaiDate?

    func note(for basis: LineBasis) -> String {
        switch basis {
        case .perPupil:
            guard let snapshotDate else { return "" }
            return language.pick("นับ ณ \(snapshotDate.thaiShort)", "counted on \(snapshotDate.englishLong)")
        case let .advance(counted, countedGrade, percent, rounding, funded, _):
            let date = snapshotDate.map { language.pick($0.thaiShort, $0.englishLong) } ?? ""
            let exact = fraction(counted * percent)
            let roundingWord: String
            switch rounding {
            case .halfUp: roundingWord = language.pick("ปัดครึ่งขึ้น", "half up")
            case .down: roundingWord = language.pick("ปัดลง", "down")
            case .up: roundingWord = language.pick("ปัดขึ้น", "up")
            }
            let result = exact == "\(funded)" ? exact : "\(exact) → \(funded) (\(roundingWord))"
            return language.pick(
                "ร้อยละ \(percent) ของ \(counted) คน (\(countedGrade.thaiCode) ณ \(date)) = \(result)",
                "\(percent)% of \(counted) (\(countedGrade.latinCode) on \(date)) = \(result)")
        case .lessAdvance:
            return language.pick("หักเงินงวดที่ 1 ที่จ่ายแล้ว", "less the advance already paid")
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
            return language.pick(
                "ยกระดับให้ได้ไม่ต่ำกว่า \(floor.formatted) บาทต่อคน: \(pupils) × \(floor.formatted) − \(before.formatted)",
                "lifted to at least \(floor.formatted) per head: \(pupils) × \(floor.formatted) − \(before.formatted)")
        case let .envelopeScaling(entitlement, allocated, envelope, total):
            return language.pick(
                "ปรับตามกรอบวงเงิน \(envelope.formatted) จากสิทธิรวม \(total.formatted): \(entitlement.formatted) → \(allocated.formatted)",
                "scaled to the envelope \(envelope.formatted) of entitlements \(total.formatted): \(entitlement.formatted) → \(allocated.formatted)")
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
