import KhetCore

/// The words of the school notices and of the distribution list, kept apart from the area
/// workbook's labels so each file stays short.
extension Labels {
    var noticeSheet: String { language.pick("หนังสือแจ้ง", "Notice") }

    func noticeTitle(_ year: FiscalYear) -> String {
        language.pick("หนังสือแจ้งการจัดสรรเงินอุดหนุน ปีงบประมาณ \(year.year)", "Allocation notice, fiscal year \(year.year)")
    }

    var roundsCovered: String { language.pick("งวดที่แจ้ง", "Rounds") }
    var date: String { language.pick("วันที่", "Date") }
    var levelOrGradeShort: String { language.pick("ระดับ / ชั้น", "Level / grade") }
    var pupilsFunded: String { language.pick("นักเรียน (คน)", "Pupils") }

    func roundSubtotal(_ title: String) -> String { language.pick("รวม\(title)", "Total, \(title)") }
    var grandTotal: String { language.pick("รวมทั้งสิ้น", "Grand total") }
    /// The amount in words is always Thai: it is the form Thai payment documents require.
    var inWords: String { language.pick("ตัวอักษร", "In Thai words") }

    var ratesUsed: String { language.pick("ที่มาของอัตราที่ใช้", "Sources of the rates used") }
    func frameworkLine(_ framework: Framework) -> String {
        language.pick("กรอบอัตรา: \(framework.title)", "Framework: \(framework.title)")
    }
    func frameworkSource(_ framework: Framework) -> String { language.pick("ที่มา: \(framework.source)", "Source: \(framework.source)") }

    // Distribution list
    var distributionSheet: String { language.pick("ทะเบียนส่ง", "Distribution") }
    func distributionTitle(_ year: FiscalYear) -> String {
        language.pick("ทะเบียนหนังสือแจ้งการจัดสรรถึงโรงเรียน ปีงบประมาณ \(year.year)", "School notices sent, fiscal year \(year.year)")
    }
    var noticeFile: String { language.pick("ไฟล์หนังสือแจ้ง", "Notice file") }
    var noticeTotal: String { language.pick("ยอดที่แจ้ง (บาท)", "Amount notified (baht)") }
    var fileDigest: String { language.pick("SHA-256 ของไฟล์", "SHA-256 of the file") }
    var allNotices: String { language.pick("รวมทุกฉบับ", "All notices") }
}
