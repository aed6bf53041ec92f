import KhetCalc
import KhetCore

/// Chapter "action-plan results": each strategy's indicators achieved and money spent (with a
/// chart of achievement against 100 %), then every project; and the problems-and-suggestions
/// chapter, grouped by strategy.
struct ReportEvaluationChapter {
    let evaluation: PlanEvaluation
    let labels: ReportLabels
    let format: ReportFormat

    private var language: Language { labels.language }
    private var words: EvaluationLabels { EvaluationLabels(language: language) }

    func sections() -> [ReportView.Section] { [byStrategy(), byProject()] }

    private func byStrategy() -> ReportView.Section {
        var rows: [ReportTable.Row] = []
        var bars: [SVGChart.Bar] = []
        for result in evaluation.strategies {
            rows.append(row("\(result.strategy.id). \(result.strategy.name)", result.summary))
            // Bars in hundredths of a percent, so 83.92 % and 84.00 % differ.
            let rate = result.summary.achievementRate
            // The chart names strategies by number; the table beside it has their names.
            bars.append(.init(label: language.pick("กลยุทธ์ที่ \(result.strategy.id)", "Strategy \(result.strategy.id)"), value: (rate?.tenThousandths ?? 0) / 100,
                              shown: rate.map { format.percent($0) + " %" } ?? labels.notReported))
        }
        let missing = format.missing
        let table = ReportTable(
            id: "t-strategies", caption: language.pick("ผลการดำเนินงานจำแนกตามกลยุทธ์", "Results by strategy"),
            columns: [.init(text: words.strategy, numeric: false),
                      .init(text: language.pick("โครงการที่รายงาน / ทั้งหมด", "Projects reporting / all"), numeric: true),
                      .init(text: language.pick("ตัวชี้วัดที่บรรลุ / มีผล", "Indicators achieved / with a result"), numeric: true),
                      .init(text: words.achievementRate, numeric: true), .init(text: words.allocated, numeric: true),
                      .init(text: words.spent, numeric: true), .init(text: words.disbursementRate, numeric: true),
                      .init(text: words.disbursementScore, numeric: true), .init(text: words.satisfaction, numeric: true),
                      .init(text: words.qualityLevel, numeric: false)],
            rows: rows, totals: [row(words.wholePlan, evaluation.summary)],
            note: language.pick("ร้อยละการเบิกจ่ายคิดจากงบของโครงการที่รายงานการใช้จ่ายเท่านั้น; \(missing) = ยังไม่รายงานผล ไม่ใช่ศูนย์",
                                "The disbursement rate is over the allocation of projects that reported spending; \(missing) means not reported, not zero."))
        let title = language.pick("ร้อยละของตัวชี้วัดที่บรรลุ จำแนกตามกลยุทธ์", "Indicators achieved by strategy (%)")
        let chart = SVGChart(id: "c-achievement", title: title,
                             description: language.pick("แผนภูมิแท่ง ร้อยละของตัวชี้วัดที่มีผลและบรรลุเป้าหมายในแต่ละกลยุทธ์ เส้นประคือร้อยละ 100 ตัวเลขอยู่ในตารางถัดไป",
                                                        "Bars: the share of indicators with a result that reached their target, per strategy; the dashed line is 100 %. The numbers are in the table beside it."))
        let figureTable = ReportTable(
            id: "t-achievement", caption: title,
            columns: [.init(text: words.strategy, numeric: false), .init(text: words.indicatorsReported, numeric: true),
                      .init(text: words.indicatorsAchieved, numeric: true), .init(text: words.achievementRate, numeric: true)],
            rows: evaluation.strategies.map { result in
                .init(cells: [.header("\(result.strategy.id). \(result.strategy.name)"), .number(format.count(result.summary.indicatorsWithResult)),
                              .number(format.count(result.summary.indicatorsAchieved)),
                              .number(format.percent(result.summary.achievementRate), missingText: missing)])
            })
        let summary = evaluation.summary
        let paragraph = language.pick(
            "แผนปฏิบัติการมี \(format.count(summary.projectCount)) โครงการ รายงานผลแล้ว \(format.count(summary.projectsWithResults)) โครงการ ตัวชี้วัดที่มีผล \(format.count(summary.indicatorsWithResult)) ตัว บรรลุเป้าหมาย \(format.count(summary.indicatorsAchieved)) ตัว (ร้อยละ \(format.percent(summary.achievementRate))) เบิกจ่ายร้อยละ \(format.percent(summary.disbursementRate))",
            "The plan has \(format.count(summary.projectCount)) projects, \(format.count(summary.projectsWithResults)) of which reported; \(format.count(summary.indicatorsAchieved)) of \(format.count(summary.indicatorsWithResult)) indicators with a result were achieved (\(format.percent(summary.achievementRate)) %); \(format.percent(summary.disbursementRate)) % of the money was spent.")
        return ReportView.Section(id: "s-strategies", title: language.pick("ผลการดำเนินงานตามกลยุทธ์", "Results by strategy"),
                                  paragraphs: [paragraph], figures: [ReportFigure(id: "f-achievement", title: title, svg: chart.bars(bars, reference: (10_000, "100 %")), table: figureTable)],
                                  tables: [table])
    }

    private func row(_ name: String, _ summary: EvaluationSummary) -> ReportTable.Row {
        let missing = format.missing
        return .init(cells: [
            .header(name), .number("\(format.count(summary.projectsWithResults)) / \(format.count(summary.projectCount))"),
            .number("\(format.count(summary.indicatorsAchieved)) / \(format.count(summary.indicatorsWithResult))"),
            .number(format.percent(summary.achievementRate), missingText: missing), .number(format.money(summary.allocated)),
            summary.projectsReportingSpending > 0 ? .number(format.money(summary.spent)) : .missing(missing),
            .number(format.percent(summary.disbursementRate), missingText: missing),
            .number(summary.disbursementScore.map { String($0) } ?? missing, missingText: missing),
            .number(format.decimal(summary.satisfactionMean), missingText: missing),
            summary.qualityLevel.map { .text($0.name(language)) } ?? .missing(missing),
        ])
    }

    private func byProject() -> ReportView.Section {
        let missing = format.missing
        let rows = evaluation.projects.map { project -> ReportTable.Row in
            .init(cells: [
                .header(project.project.code), .text(project.project.name), .text(project.project.responsibleGroup),
                .number("\(format.count(project.indicatorsAchieved)) / \(format.count(project.indicators.count))"),
                .number(format.percent(project.disbursementRate), missingText: missing),
                project.qualityLevel.map { .text($0.name(language)) } ?? .missing(missing),
                project.status.map { .text($0.name(language)) } ?? .missing(labels.notReported),
            ])
        }
        let table = ReportTable(
            id: "t-projects", caption: language.pick("ผลการดำเนินงานรายโครงการ", "Results by project"),
            columns: [.init(text: words.projectCode, numeric: false), .init(text: words.project, numeric: false),
                      .init(text: words.group, numeric: false), .init(text: language.pick("ตัวชี้วัดที่บรรลุ / ทั้งหมด", "Indicators achieved / all"), numeric: true),
                      .init(text: words.disbursementRate, numeric: true), .init(text: words.qualityLevel, numeric: false),
                      .init(text: words.status, numeric: false)],
            rows: rows)
        return ReportView.Section(id: "s-projects", title: language.pick("ผลการดำเนินงานรายโครงการ", "Results by project"), tables: [table])
    }

    /// Problems and suggestions per strategy, each with its project's code, then the plan's own.
    func problemSections() -> [ReportView.Section] {
        var sections: [ReportView.Section] = []
        for result in evaluation.strategies {
            let problems = result.projects.flatMap { project in project.project.problems.map { "\($0) (\(project.project.code))" } }
            let suggestions = result.projects.flatMap { project in project.project.suggestions.map { "\($0) (\(project.project.code))" } }
            guard !problems.isEmpty || !suggestions.isEmpty else { continue }
            sections.append(ReportView.Section(
                id: "s-problems-\(sections.count + 1)", title: "\(words.strategy) \(result.strategy.id). \(result.strategy.name)",
                lists: lists(problems: problems, suggestions: suggestions)))
        }
        if !evaluation.plan.problems.isEmpty || !evaluation.plan.suggestions.isEmpty {
            sections.append(ReportView.Section(id: "s-problems-plan", title: language.pick("ภาพรวมของแผน", "The plan as a whole"),
                                               lists: lists(problems: evaluation.plan.problems, suggestions: evaluation.plan.suggestions)))
        }
        return sections
    }

    private func lists(problems: [String], suggestions: [String]) -> [ReportView.ListBlock] {
        [ReportView.ListBlock(title: language.pick("ปัญหาอุปสรรค", "Problems"), items: problems),
         ReportView.ListBlock(title: language.pick("ข้อเสนอแนะ", "Suggestions"), items: suggestions)].filter { !$0.items.isEmpty }
    }
}
