import KhetCalc
import KhetCore

/// The words of `khet explain` that the workbooks do not use.
extension Labels {
    var fiscalYear: String { pick("ปีงบประมาณ", "Fiscal year") }
    var framework: String { pick("กรอบอัตรา", "Framework") }
    var pupilsLabel: String { pick("นักเรียน", "Pupils") }
    var noAllocation: String { pick("ไม่ได้รับจัดสรร", "no allocation") }

    /// `521 คน (10 มิ.ย. 2568)`
    func pupils(_ count: Int, on date: ThaiDate?) -> String {
        guard let date else { return pick("\(count) คน", "\(count)") }
        return pick("\(count) คน (\(date.thaiShort))", "\(count) (\(date.englishLong))")
    }

    func total(of item: FundingItem) -> String { pick("รวม\(shortName(item))", "\(shortName(item)) total") }

    func total(of roundTitle: String) -> String { pick("รวม\(roundTitle)", "\(roundTitle) total") }

    func fiscalYearTotal(_ year: FiscalYear) -> String {
        pick("รวมทั้งปีงบประมาณ \(year.year)", "Fiscal year \(year.year) total")
    }
}
