import KhetCore

/// The words of the evaluation workbook and the report's evaluation chapter, Thai or English.
struct EvaluationLabels {
    let language: Language

    private func pick(_ thai: String, _ english: String) -> String { language.pick(thai, english) }

    func workbookTitle(_ year: FiscalYear) -> String {
        pick("ผลการประเมินแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. \(year.year)", "Action-plan evaluation, fiscal year \(year.year)")
    }
    var strategySheet: String { pick("สรุปตามกลยุทธ์", "By strategy") }
    var projectSheet: String { pick("โครงการ", "Projects") }
    var indicatorSheet: String { pick("ตัวชี้วัด", "Indicators") }
    var scalesSheet: String { pick("เกณฑ์การประเมิน", "Scales") }
    var strategyTitle: String { pick("สรุปผลการดำเนินงานตามกลยุทธ์", "Results by strategy") }
    var projectTitle: String { pick("ผลการดำเนินงานรายโครงการ", "Results by project") }
    var indicatorTitle: String { pick("ผลตามตัวชี้วัด", "Results by indicator") }
    var scalesTitle: String { pick("เกณฑ์ที่ใช้แปลผล", "Scales used to read the results") }

    var strategy: String { pick("กลยุทธ์", "Strategy") }
    var projectCode: String { pick("รหัสโครงการ", "Project code") }
    var project: String { pick("โครงการ", "Project") }
    var group: String { pick("กลุ่มที่รับผิดชอบ", "Responsible group") }
    var budgetSource: String { pick("แหล่งงบประมาณ", "Budget source") }
    var projects: String { pick("จำนวนโครงการ", "Projects") }
    var projectsReported: String { pick("โครงการที่รายงานผล", "Projects reporting") }
    var indicators: String { pick("ตัวชี้วัด", "Indicators") }
    var indicatorsReported: String { pick("ตัวชี้วัดที่มีผล", "Indicators with a result") }
    var indicatorsAchieved: String { pick("ตัวชี้วัดที่บรรลุ", "Indicators achieved") }
    var achievementRate: String { pick("ร้อยละที่บรรลุ", "Achieved (%)") }
    var allocated: String { pick("งบประมาณที่ได้รับ (บาท)", "Allocated (baht)") }
    var allocatedReporting: String { pick("งบของโครงการที่รายงานการใช้จ่าย (บาท)", "Allocated to projects reporting spending (baht)") }
    var spent: String { pick("ใช้จ่ายจริง (บาท)", "Spent (baht)") }
    func quarter(_ number: Int) -> String { pick("ไตรมาส \(number) (บาท)", "Q\(number) (baht)") }
    var disbursementRate: String { pick("ร้อยละการเบิกจ่าย", "Disbursed (%)") }
    var disbursementScore: String { pick("คะแนนการเบิกจ่าย", "Disbursement score") }
    var satisfaction: String { pick("ความพึงพอใจ (เฉลี่ย 1–5)", "Satisfaction (mean 1–5)") }
    var qualityLevel: String { pick("ระดับคุณภาพ", "Quality level") }
    var status: String { pick("สถานะ", "Status") }
    var indicator: String { pick("ตัวชี้วัด", "Indicator") }
    var kind: String { pick("ประเภท", "Kind") }
    var unit: String { pick("หน่วยนับ", "Unit") }
    var direction: String { pick("ทิศทาง", "Direction") }
    var target: String { pick("ค่าเป้าหมาย", "Target") }
    var actual: String { pick("ผลการดำเนินงาน", "Result") }
    var percentOfTarget: String { pick("ร้อยละของเป้าหมาย", "% of target") }
    var achieved: String { pick("บรรลุ", "Achieved") }
    var wholePlan: String { pick("รวมทั้งแผน", "Whole plan") }
    var notReported: String { pick("ไม่รายงาน", "not reported") }
    var yes: String { pick("บรรลุ", "yes") }
    var no: String { pick("ไม่บรรลุ", "no") }
    var minimum: String { pick("ตั้งแต่", "From") }
    var maximum: String { pick("ถึง", "To") }
    var score: String { pick("คะแนน", "Score") }
    var minimumPercent: String { pick("ตั้งแต่ร้อยละ", "From (%)") }

    func kind(_ kind: Indicator.Kind) -> String {
        switch kind {
        case .quantitative: return pick("เชิงปริมาณ", "quantitative")
        case .qualitative: return pick("เชิงคุณภาพ", "qualitative")
        }
    }

    func direction(_ direction: Indicator.Direction) -> String {
        switch direction {
        case .higherIsBetter: return pick("มากดี", "higher is better")
        case .lowerIsBetter: return pick("น้อยดี", "lower is better")
        }
    }

    func status(_ status: EvaluationScales.StatusStep?) -> String { status?.name(language) ?? notReported }
    func level(_ level: EvaluationScales.QualityLevel?) -> String { level?.name(language) ?? notReported }
}
