import KhetCalc
import KhetCore

/// The words of a pay run's outputs: the transfer, the year so far, the corrections.
extension Labels {
    func transferLine(_ transfer: TransferSummary, advancePercent: Int) -> String {
        pick("การโอนครั้งนี้: ", "This transfer: ") + transfer.title(language, advancePercent: advancePercent)
    }

    /// A notice section of corrections to a round already transferred.
    func correctionSection(_ roundTitle: String) -> String {
        pick("ปรับปรุงยอด \(roundTitle) (โอนแล้ว)", "Correction of \(roundTitle) (already transferred)")
    }

    func yearSoFarTitle(_ year: FiscalYear) -> String {
        pick("ยอดที่โอนในปีงบประมาณ \(year.year)", "Transferred in fiscal year \(year.year)")
    }

    func transferredOn(_ title: String, dates: [ThaiDate]) -> String {
        guard !dates.isEmpty else { return title }
        let shown = dates.map(\.thaiShort).joined(separator: ", ")
        return pick("\(title) (โอน \(shown))", "\(title) (transferred \(dates.map(\.englishLong).joined(separator: ", ")))")
    }

    var thisTransfer: String { pick("การโอนครั้งนี้", "This transfer") }
    var yearSoFarTotal: String { pick("รวมทั้งปีถึงการโอนครั้งนี้", "Year so far, this transfer included") }

    var correctionsSheet: String { pick("ปรับปรุงยอด", "Corrections") }
    func correctionsTitle(_ year: FiscalYear) -> String {
        pick("ยอดที่โอนแล้วเทียบกับการคำนวณจากข้อมูลปัจจุบัน ปีงบประมาณ \(year.year)",
             "Paid against today's data, fiscal year \(year.year)")
    }
    var round: String { pick("งวด", "Round") }
    var paid: String { pick("โอนแล้ว (บาท)", "Paid (baht)") }
    var onTodaysData: String { pick("คำนวณจากข้อมูลปัจจุบัน (บาท)", "On today's data (baht)") }
    var difference: String { pick("ผลต่าง (บาท)", "Difference (baht)") }
    var action: String { pick("การดำเนินการ", "What this transfer does") }
    var correctedNow: String { pick("ปรับปรุงในการโอนครั้งนี้", "paid (or taken back) in this transfer") }
    var advanceAsPaid: String { pick("งวดที่ 2 หักงวดที่ 1 ตามที่โอนจริง", "the balance deducts the advance as transferred") }
    var noDifferences: String {
        pick("ไม่มีผลต่าง: ยอดที่โอนแล้วตรงกับการคำนวณจากข้อมูลปัจจุบันทุกโรงเรียน",
             "No differences: every school's payments agree with today's data")
    }
    var paidBefore: String { pick("โอนแล้วก่อนหน้า", "Paid before") }
}
