import KhetCore

/// The words of a notice's covering letter, the parts of a Thai official letter (หนังสือภายนอก):
/// number, date, subject, addressee, enclosure, body, closing and signature.
extension Labels {
    var letterSheet: String { language.pick("หนังสือ", "Letter") }
    var attachmentSheet: String { language.pick("สิ่งที่ส่งมาด้วย", "Enclosure") }

    func letterNumber(_ number: String) -> String { language.pick("ที่ \(number)", "No. \(number)") }
    var subjectLabel: String { language.pick("เรื่อง", "Subject") }
    var addresseeLabel: String { language.pick("เรียน", "To") }
    var enclosureLabel: String { language.pick("สิ่งที่ส่งมาด้วย", "Enclosure") }

    func letterSubject(_ year: FiscalYear) -> String {
        language.pick("แจ้งการจัดสรรเงินอุดหนุน ปีงบประมาณ \(year.year)", "Allocation of subsidies, fiscal year \(year.year)")
    }

    /// The director of the school; a school's name usually begins with โรงเรียน already.
    func addressee(_ school: School) -> String {
        let name = school.name.hasPrefix("โรงเรียน") ? school.name : "โรงเรียน" + school.name
        return language.pick("ผู้อำนวยการ\(name)", "The director, \(school.name)")
    }

    var enclosure: String { language.pick("รายละเอียดการจัดสรร จำนวน 1 ฉบับ", "Details of the allocation, 1 copy") }

    /// What is allocated, for which rounds, and on which data and rates.
    func letterBody(area: Area, school: School, year: FiscalYear, programmes: [String], rounds: [String],
                    snapshotDates: [ThaiDate], framework: Framework) -> String {
        let thaiDates = snapshotDates.map(\.thaiShort)
        let englishDates = snapshotDates.map(\.englishLong)
        return language.pick(
            "ด้วย\(area.name) ได้จัดสรรเงินอุดหนุน\(programmes.joined(separator: " "))"
                + " ปีงบประมาณ \(year.year) ให้แก่\(school.name) สำหรับ\(rounds.joined(separator: ", "))"
                + " ตามจำนวนนักเรียน ณ วันที่ \(Self.thaiList(thaiDates)) คูณอัตราตาม\(framework.title)",
            "\(area.name) has allocated subsidies (\(programmes.joined(separator: "; "))) for fiscal year \(year.year)"
                + " to \(school.name), for \(rounds.joined(separator: "; ")). The amounts are the school's pupils"
                + " counted on \(englishDates.joined(separator: ", ")) times the rates of the framework \(framework.title).")
    }

    /// `ก, ข และ ค`
    private static func thaiList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " และ " + (items.last ?? "")
    }

    func letterAmount(_ total: Money) -> String {
        language.pick("ในการนี้ จะโอนเงินให้โรงเรียน เป็นจำนวนเงินทั้งสิ้น \(total.formatted) บาท (\(total.thaiWords))"
                          + " รายละเอียดตามสิ่งที่ส่งมาด้วย",
                      "The office will transfer to the school \(total.formatted) baht in all; the enclosure shows"
                          + " every amount as pupils × rate.")
    }

    var letterClosing: String {
        language.pick("จึงเรียนมาเพื่อโปรดทราบ และดำเนินการในส่วนที่เกี่ยวข้อง", "For your information and action.")
    }
    var regards: String { language.pick("ขอแสดงความนับถือ", "Yours sincerely,") }

    var defaultLetterPrefix: String { "" }
    func defaultSignerPosition(_ area: Area) -> String {
        language.pick("ผู้อำนวยการ\(area.name)", "Director, \(area.name)")
    }
    var defaultContact: String { language.pick("กลุ่มนโยบายและแผน", "Policy and Planning Group") }

    func attachmentTitle(_ year: FiscalYear) -> String {
        language.pick("รายละเอียดการจัดสรรเงินอุดหนุน ปีงบประมาณ \(year.year)", "Allocation details, fiscal year \(year.year)")
    }
}
