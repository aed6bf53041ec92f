import KhetCore

/// The words of the annual report, Thai (the default) or English.
struct ReportLabels {
    let language: Language

    private func pick(_ thai: String, _ english: String) -> String { language.pick(thai, english) }

    func title(_ year: FiscalYear) -> String {
        pick("รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ.\u{00A0}\(year.year)", "Annual report, fiscal year \(year.year)\u{00A0}BE")
    }
    func period(_ year: FiscalYear) -> String {
        let start = year.startDate.map { $0.long(language) } ?? ""
        let end = year.endDate.map { $0.long(language) } ?? ""
        return pick("ระหว่างวันที่ \(start) ถึง \(end)", "from \(start) to \(end)")
    }
    /// An input's role as the batch names it in manifest.json (`pupils 2568-06-10`), in the
    /// report's language; a national run prefixes the area code, which stays as it is.
    func inputRole(_ role: String) -> String {
        guard language == .thai else { return role }
        let roles: [(String, String)] = [
            ("pupil records", "ข้อมูลนักเรียนรายบุคคล"), ("pupils", "จำนวนนักเรียน"), ("poor pupils", "นักเรียนยากจน"),
            ("boarders", "นักเรียนพักนอน"), ("action plan", "แผนปฏิบัติการ"), ("evaluation scales", "เกณฑ์การประเมิน"),
            ("framework", "กรอบอัตรา"), ("schools", "ข้อมูลโรงเรียน"), ("areas", "เขตพื้นที่การศึกษา"), ("batch", "ไฟล์ชุดงาน"),
        ]
        for (english, thai) in roles where role == english || role.hasPrefix(english + " ") {
            return thai + role.dropFirst(english.count)
        }
        return role
    }

    func prepared(_ date: ThaiDate) -> String { pick("จัดทำเมื่อ \(date.thaiLong)", "Prepared \(date.englishLong)") }
    var draft: String {
        pick("ร่าง — จัดทำด้วยกรอบอัตราฉบับร่าง ตัวเลขงบประมาณยังไม่ใช่ตัวเลขทางการ",
             "DRAFT — made with a provisional framework: the budget figures are not yet official")
    }
    var draftMark: String { pick("ร่าง", "DRAFT") }
    var contents: String { pick("สารบัญ", "Contents") }
    var summary: String { pick("บทสรุปสำหรับผู้บริหาร", "Executive summary") }
    var basic: String { pick("ข้อมูลพื้นฐาน", "Basic information") }
    var budget: String { pick("งบประมาณที่ได้รับจัดสรร", "Budget allocated") }
    var evaluation: String { pick("ผลการดำเนินงานตามแผนปฏิบัติการ", "Action-plan results") }
    var problems: String { pick("ปัญหาอุปสรรคและข้อเสนอแนะ", "Problems and suggestions") }
    var appendix: String { pick("ภาคผนวก", "Appendices") }
    func chapter(_ number: Int) -> String { pick("บทที่ \(number)", "Chapter \(number)") }

    var schools: String { pick("โรงเรียน", "Schools") }
    var pupils: String { pick("นักเรียน", "Pupils") }
    var district: String { pick("อำเภอ", "District") }
    var total: String { pick("รวม", "Total") }
    var level: String { pick("ระดับ", "Level") }
    var grade: String { pick("ชั้น", "Grade") }
    var baht: String { pick("บาท", "baht") }
    var people: String { pick("คน", "pupils") }
    var sizeClass: String { pick("ขนาดโรงเรียน", "Size class") }
    var band: String { pick("ช่วงจำนวนนักเรียน", "Pupils") }
    var percentOfSchools: String { pick("ร้อยละของโรงเรียน", "% of schools") }
    var bySex: String {
        pick("ข้อมูลนักเรียนจำแนกตามเพศไม่มีอยู่ในข้อมูลรายชั้นที่ใช้ (DMC รายโรงเรียน) จึงไม่ได้แสดงในรายงานนี้",
             "Pupils by sex are not in the data: the per-grade snapshots do not carry sex, so this report does not show it.")
    }
    var teachers: String {
        pick("อัตราส่วนนักเรียนต่อครูไม่ได้แสดง เพราะชุดข้อมูลไม่มีจำนวนครู", "Pupil–teacher ratios are not shown: the batch has no teacher counts.")
    }
    var noActionPlan: String {
        pick("ชุดข้อมูลนี้ไม่มีแผนปฏิบัติการ ([inputs] action_plan) จึงไม่มีผลการประเมิน", "The batch has no action plan ([inputs] action_plan), so there are no results to show.")
    }
    var notReported: String { pick("ไม่รายงาน", "not reported") }
}
