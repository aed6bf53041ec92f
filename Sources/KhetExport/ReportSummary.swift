import KhetCalc
import KhetCore

/// The executive summary: the key figures of the year on one page, in words and numbers.
struct ReportSummary {
    let data: AnnualReportData
    let labels: ReportLabels
    let format: ReportFormat

    private var language: Language { labels.language }
    private var report: AreaAllocationReport { data.allocation }

    func keyFigures() -> [ReportView.KeyFigure] {
        let facts = ReportSchoolFacts(schools: report.schools, latest: report.latestSnapshot)
        let pupils = report.latestSnapshot?.totalPupils ?? 0
        let dateText = report.latestSnapshot.map { $0.date.long(language) } ?? format.missing
        let small = report.schools.filter { (1...120).contains(facts.pupils($0)) }.count
        let total = report.allocation.total()
        var figures = [
            ReportView.KeyFigure(label: labels.schools, value: format.count(report.schools.count), unit: language.pick("แห่ง", "schools"),
                                 note: language.pick("\(format.count(facts.districts.count)) อำเภอ", "in \(format.count(facts.districts.count)) districts")),
            ReportView.KeyFigure(label: labels.pupils, value: format.count(pupils), unit: labels.people, note: language.pick("ณ \(dateText)", "on \(dateText)")),
            ReportView.KeyFigure(label: language.pick("โรงเรียนขนาดเล็ก (1–120 คน)", "Small schools (1–120)"), value: format.count(small),
                                 unit: language.pick("แห่ง", "schools"),
                                 note: language.pick("ร้อยละ \(format.percent(ExactDecimal.percent(Int64(small), of: Int64(report.schools.count))))",
                                                     "\(format.percent(ExactDecimal.percent(Int64(small), of: Int64(report.schools.count)))) %")),
            ReportView.KeyFigure(label: language.pick("นักเรียนยากจน / พักนอน", "Poor pupils / boarders"),
                                 value: "\(format.count(data.poorPupils.values.reduce(0) { $0 + $1.total })) / \(format.count(data.boarders.values.reduce(0) { $0 + $1.total }))",
                                 unit: labels.people, note: ""),
            ReportView.KeyFigure(label: language.pick("งบประมาณที่จัดสรร", "Money allocated"), value: format.money(total), unit: labels.baht,
                                 note: language.pick("ต่อหัว \(format.perHead(total, pupils: pupils)) บาท", "\(format.perHead(total, pupils: pupils)) baht per pupil")),
        ]
        if let change = yearOnYear() {
            figures[1].note += language.pick(" (เทียบปีก่อน \(format.change(change)))", " (\(format.change(change)) on a year before)")
        }
        if let summary = data.evaluation?.summary {
            figures.append(ReportView.KeyFigure(
                label: language.pick("ตัวชี้วัดที่บรรลุ", "Indicators achieved"), value: format.percent(summary.achievementRate), unit: "%",
                note: language.pick("\(format.count(summary.indicatorsAchieved)) จาก \(format.count(summary.indicatorsWithResult)) ตัวที่มีผล",
                                    "\(format.count(summary.indicatorsAchieved)) of \(format.count(summary.indicatorsWithResult)) with a result")))
            figures.append(ReportView.KeyFigure(
                label: language.pick("การเบิกจ่ายตามแผน", "Plan money spent"), value: format.percent(summary.disbursementRate), unit: "%",
                note: language.pick("คะแนน \(summary.disbursementScore.map(String.init) ?? format.missing) จาก 5", "score \(summary.disbursementScore.map(String.init) ?? format.missing) of 5")))
            figures.append(ReportView.KeyFigure(
                label: language.pick("ความพึงพอใจเฉลี่ย", "Mean satisfaction"), value: format.decimal(summary.satisfactionMean), unit: language.pick("จาก 5", "of 5"),
                note: summary.qualityLevel?.name(language) ?? format.missing))
        }
        return figures
    }

    func paragraphs() -> [String] {
        let pupils = report.latestSnapshot?.totalPupils ?? 0
        var text = [language.pick(
            "\(report.area.name) ดูแลโรงเรียน \(format.count(report.schools.count)) แห่ง นักเรียน \(format.count(pupils)) คน ในปีงบประมาณ \(report.fiscalYear.year) จัดสรรเงินให้โรงเรียนรวม \(format.money(report.allocation.total())) บาท",
            "\(report.area.name) runs \(format.count(report.schools.count)) schools with \(format.count(pupils)) pupils; in fiscal year \(report.fiscalYear.year) it allocated \(format.money(report.allocation.total())) baht to them.")]
        if let summary = data.evaluation?.summary {
            text.append(language.pick(
                "แผนปฏิบัติการมี \(format.count(summary.projectCount)) โครงการ งบประมาณ \(format.money(summary.allocated)) บาท รายงานผลแล้ว \(format.count(summary.projectsWithResults)) โครงการ",
                "The action plan has \(format.count(summary.projectCount)) projects worth \(format.money(summary.allocated)) baht; \(format.count(summary.projectsWithResults)) have reported."))
        }
        if report.framework.isProvisional { text.append(labels.draft) }
        return text
    }

    /// Pupils on the latest snapshot against the snapshot of the same day a year earlier.
    private func yearOnYear() -> Int? {
        guard let latest = report.latestSnapshot,
              let earlier = report.snapshots.first(where: { $0.date.year == latest.date.year - 1 && $0.date.month == latest.date.month && $0.date.day == latest.date.day })
        else { return nil }
        return latest.totalPupils - earlier.totalPupils
    }
}
