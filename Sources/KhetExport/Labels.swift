import KhetCore

/// The words of the workbooks, in Thai (the default) or English.
struct Labels {
    let language: Language

    func pick(_ thai: String, _ english: String) -> String { language.pick(thai, english) }

    var schoolCode: String { pick("รหัสโรงเรียน", "School code") }
    var school: String { pick("โรงเรียน", "School") }
    var district: String { pick("อำเภอ", "District") }
    var grade: String { pick("ชั้น", "Grade") }
    var item: String { pick("รายการ", "Item") }
    var total: String { pick("รวม", "Total") }
    var areaTotal: String { pick("รวมทั้งเขตพื้นที่", "Area total") }
    var roundTotal: String { pick("รวมงวดนี้", "Round total") }
    var counted: String { pick("นักเรียนที่นับ", "Pupils counted") }
    var countedGrade: String { pick("ชั้นที่นับ", "Counted in grade") }
    var funded: String { pick("นักเรียนที่ได้รับจัดสรร", "Pupils funded") }
    var ratePerPupil: String { pick("อัตรา (บาท/คน)", "Rate (baht/pupil)") }
    var amount: String { pick("จำนวนเงิน (บาท)", "Amount (baht)") }
    var note: String { pick("หมายเหตุ", "Note") }
    var fiscalYearTotal: String { pick("รวมทั้งปีงบประมาณ", "Fiscal-year total") }

    func pupils(on date: ThaiDate?) -> String {
        guard let date else { return pick("นักเรียน", "Pupils") }
        return pick("นักเรียน\n(\(date.thaiShort))", "Pupils\n(\(date.englishLong))")
    }

    var draftBanner: String {
        pick("ร่าง — กรอบอัตราฉบับร่าง ยังไม่ใช่อัตราทางการ ห้ามใช้แจ้งจัดสรรจริง",
             "DRAFT — provisional framework: rates are not yet official; do not use for actual allocation")
    }
    var draftHeader: String { pick("ร่าง – ห้ามใช้แจ้งจัดสรรจริง", "DRAFT – not for actual allocation") }

    func pageFooter() -> String { pick("หน้า &P / &N", "Page &P of &N") }

    func summaryTitle(_ programme: String, _ year: FiscalYear) -> String {
        pick("สรุปการจัดสรร\(programme) ปีงบประมาณ \(year.year)", "Allocation summary: \(programme), fiscal year \(year.year)")
    }

    func dataAsOf(_ area: Area, batchDate: ThaiDate) -> String {
        pick("\(area.name) • จัดทำเมื่อ \(batchDate.thaiLong)", "\(area.name) • prepared \(batchDate.englishLong)")
    }

    var summarySheet: String { pick("สรุป", "Summary") }
    var districtSheet: String { pick("รายอำเภอ", "Districts") }
    var areaCode: String { pick("รหัสเขต", "Area code") }
    var areaName: String { pick("สำนักงานเขตพื้นที่", "Area office") }
    var nationalTotal: String { pick("รวมทั้งประเทศ", "National total") }

    func nationalTitle(_ year: FiscalYear) -> String {
        pick("สรุปการจัดสรรรายเขตพื้นที่การศึกษา ปีงบประมาณ \(year.year)", "Allocation by area office, fiscal year \(year.year)")
    }
    var envelopeSheet: String { pick("กรอบวงเงิน", "Envelope") }
    func roundsSheet(_ programme: String) -> String { pick("\(programme) รายงวด", "\(programme) by round") }

    func roundsTitle(_ programme: String, _ year: FiscalYear) -> String {
        pick("การจัดสรร\(programme) รายงวด ปีงบประมาณ \(year.year)", "\(programme) by payment round, fiscal year \(year.year)")
    }
    var schoolCount: String { pick("จำนวนโรงเรียน", "Schools") }
    var level: String { pick("ระดับ", "Level") }
    var enrolment: String { pick("นักเรียนทั้งระดับ", "Enrolment") }
    var capPercent: String { pick("เพดาน (%)", "Cap (%)") }
    var programmeTotal: String { pick("รวมทั้งโครงการ", "Programme total") }
    var envelopeAdjustment: String { pick("ปรับตามกรอบวงเงิน", "Envelope adjustment") }
    var entitlement: String { pick("ยอดตามสิทธิ", "Entitlement") }
    var envelope: String { pick("กรอบวงเงิน", "Envelope") }
    var scaleFactor: String { pick("สัดส่วนที่ได้รับ", "Scale factor") }
    var allocated: String { pick("จัดสรรแล้ว", "Allocated") }
    var unallocated: String { pick("เงินเหลือจ่าย", "Unallocated") }
    var noEnvelope: String { pick("ไม่มีกรอบวงเงินในกรอบอัตรา จัดสรรตามสิทธิ", "no envelope in the framework: allocated as entitled") }
    var wholeProgramme: String { pick("ทั้งโครงการ", "whole programme") }

    func areaSummaryTitle(_ year: FiscalYear) -> String {
        pick("สรุปการจัดสรรงบประมาณให้โรงเรียน ปีงบประมาณ \(year.year)", "Allocation to schools, fiscal year \(year.year)")
    }

    func districtTitle(_ year: FiscalYear) -> String {
        pick("การจัดสรรรายอำเภอ ปีงบประมาณ \(year.year)", "Allocation by district, fiscal year \(year.year)")
    }

    func envelopeTitle(_ year: FiscalYear) -> String {
        pick("กรอบวงเงินและการจัดสรร ปีงบประมาณ \(year.year)", "Envelopes and allocation, fiscal year \(year.year)")
    }

    func programmeTitle(_ programme: String, _ year: FiscalYear) -> String {
        pick("\(programme) ปีงบประมาณ \(year.year)", "\(programme), fiscal year \(year.year)")
    }
    var ratesSheet: String { pick("อัตรา", "Rates") }
    var diagnosticsSheet: String { pick("คำเตือน", "Diagnostics") }

    // Rates sheet
    var ratesTitle: String { pick("อัตราและหลักเกณฑ์ที่ใช้คำนวณ", "Rates and rules used") }
    var programme: String { pick("โครงการ", "Programme") }
    var levelOrGrade: String { pick("ระดับ / ชั้น", "Level / grade") }
    var unit: String { pick("หน่วย", "Unit") }
    var paidIn: String { pick("จ่ายใน", "Paid in") }
    var rateBaht: String { pick("อัตรา (บาท)", "Rate (baht)") }
    var confidence: String { pick("ความเชื่อมั่น", "Confidence") }
    var source: String { pick("แหล่งที่มา", "Source") }

    func unit(_ unit: FundingItem.Unit) -> String {
        unit == .perYear ? pick("ต่อคนต่อปี", "per pupil per year") : pick("ต่อคนต่อภาคเรียน", "per pupil per term")
    }

    func paidIn(_ paidIn: FundingItem.PaidIn, unit: FundingItem.Unit) -> String {
        switch (paidIn, unit) {
        case (.term1, _): return pick("ภาคเรียนที่ 1 เต็มอัตรา", "term 1, full rate")
        case (.eachTerm, .perYear): return pick("ครึ่งหนึ่งในแต่ละภาคเรียน", "half in each term")
        case (.eachTerm, .perTerm): return pick("ทุกภาคเรียน", "every term")
        }
    }

    func confidence(_ confidence: Confidence) -> String {
        switch confidence {
        case .a: return pick("A ทางการ", "A official")
        case .b: return pick("B แหล่งข้อมูลรอง", "B secondary source")
        case .c: return pick("C ยังไม่ยืนยัน", "C unconfirmed")
        }
    }

    func target(_ target: Rate.Target) -> String {
        switch target {
        case .level(let level): return level.name(language)
        case .grade(let grade): return grade.code(language)
        case .all: return pick("ทุกคน / ต่อโรงเรียน", "every pupil / per school")
        }
    }

    func frameworkFacts(_ framework: Framework) -> [(String, String)] {
        let status = framework.isProvisional ? pick("ฉบับร่าง ยังไม่ใช่อัตราทางการ", "provisional: rates not yet official")
            : pick("อัตราทางการ", "official")
        let rounding: String
        switch framework.advance.rounding {
        case .halfUp: rounding = pick("ปัดเศษครึ่งขึ้นรายชั้น", "rounded half up per grade")
        case .down: rounding = pick("ปัดเศษลงรายชั้น", "rounded down per grade")
        case .up: rounding = pick("ปัดเศษขึ้นรายชั้น", "rounded up per grade")
        }
        let recovery = framework.advance.allowsRecovery
            ? pick("เรียกคืนเงินงวดแรกที่จ่ายเกินได้", "overpaid advances are recovered")
            : pick("ไม่เรียกคืน งวดที่ 2 ไม่ติดลบ", "no recovery: a balance is never negative")
        return [
            (pick("กรอบอัตรา", "Framework"), framework.title),
            (pick("ปีงบประมาณ", "Fiscal year"), "\(framework.fiscalYear.year)"),
            (pick("สถานะ", "Status"), status),
            (pick("ที่มา", "Source"), framework.source),
            (pick("งวดแรกภาคเรียนที่ 1", "Term-1 advance"),
             pick("ร้อยละ \(framework.advance.percent) ของนักเรียน 10 พ.ย. เลื่อนชั้น (\(rounding)); \(recovery)",
                  "\(framework.advance.percent)% of the 10 November count advanced one grade (\(rounding)); \(recovery)")),
            (pick("ไฟล์", "File"), framework.origin),
        ] + framework.programmes.compactMap { programme in
            ruleFact(programme).map { (programme.shortName(language), $0) }
        }
    }

    /// The rule of a programme in words, with its envelope; nil for a plain per-pupil programme.
    private func ruleFact(_ programme: Programme) -> String? {
        var parts: [String] = []
        switch programme.rule {
        case .perPupil:
            break
        case .poorPupils(let caps):
            let capped = caps.sorted { $0.key < $1.key }.map {
                pick("ไม่เกินร้อยละ \($0.value) ของนักเรียน\($0.key.thaiName)", "at most \($0.value)% of \($0.key.englishName.lowercased()) pupils")
            }
            parts.append(pick("นักเรียนยากจนตามบัญชี ", "poor pupils on the list, ") + (capped.isEmpty ? pick("ไม่มีเพดาน", "no cap") : capped.joined(separator: ", ")))
        case .boarders(let cap):
            parts.append(pick("เฉพาะโรงเรียนที่มีนักเรียนพักนอนในบัญชีโรงเรียน", "boarding schools only")
                         + (cap.map { pick(" ไม่เกิน \($0) คนต่อโรงเรียน", ", at most \($0) per school") } ?? ""))
        case .smallSchools(let rule):
            let mode: String
            switch rule.mode {
            case .perHead: mode = pick("จ่ายรายหัว", "paid per head")
            case .perSchool: mode = pick("จ่ายเป็นเงินต่อโรงเรียน", "a flat amount per school")
            case .floor: mode = pick("ยกระดับเงินต่อหัวให้ไม่ต่ำกว่าอัตรา", "lifts money per head to the rate")
            }
            parts.append(pick("โรงเรียนที่มีนักเรียน \(rule.minimumPupils)–\(rule.maximumPupils) คน", "schools of \(rule.minimumPupils)–\(rule.maximumPupils) pupils")
                         + (rule.requiresSpecialArea ? pick(" เฉพาะพื้นที่พิเศษ", ", special-area schools only") : "") + "; " + mode)
        }
        if let envelope = programme.envelope {
            parts.append(pick("กรอบวงเงิน \(envelope.amount.formatted) บาท (\(envelope.source))", "envelope \(envelope.amount.formatted) baht (\(envelope.source))"))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    // Diagnostics sheet
    /// An item's name without its parenthesised gloss, for narrow columns:
    /// `ค่าจัดการเรียนการสอน (เงินอุดหนุนรายหัว)` → `ค่าจัดการเรียนการสอน`.
    func shortName(_ item: FundingItem) -> String {
        let name = item.name(language)
        guard let open = name.range(of: " (") else { return name }
        return String(name[..<open.lowerBound])
    }

    var diagnosticsTitle: String { pick("คำเตือนจากการนำเข้าและคำนวณ", "Warnings from import and calculation") }
    var severity: String { pick("ระดับ", "Severity") }
    var code: String { pick("รหัส", "Code") }
    var file: String { pick("ไฟล์", "File") }
    var line: String { pick("บรรทัด", "Line") }
    var column: String { pick("คอลัมน์", "Column") }
    var message: String { pick("ข้อความ", "Message") }
    var hint: String { pick("คำแนะนำ", "Hint") }
    var noWarnings: String { pick("ไม่มีคำเตือน", "No warnings") }

    func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return pick("ข้อผิดพลาด", "error")
        case .warning: return pick("คำเตือน", "warning")
        case .note: return pick("หมายเหตุ", "note")
        }
    }
}
