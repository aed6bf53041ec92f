import KhetCalc
import KhetCore

/// Builds the report's view from its data: the cover, the contents, and the chapters in the
/// order of domain §10, each numbered and linked from the contents.
struct ReportViewBuilder {
    let data: AnnualReportData

    func view() -> ReportView {
        let report = data.allocation
        let language = report.language
        let labels = ReportLabels(language: language)
        let format = ReportFormat(language: language)
        var chapters: [ReportView.Chapter] = []
        func add(_ id: String, _ title: String, paragraphs: [String] = [], keyFigures: [ReportView.KeyFigure] = [],
                 sections: [ReportView.Section]) {
            var chapter = ReportView.Chapter(id: id, label: labels.chapter(chapters.count + 1), title: title,
                                             paragraphs: paragraphs, keyFigures: keyFigures, sections: sections)
            chapter.hasKeyFigures = !keyFigures.isEmpty
            chapters.append(chapter)
        }
        let summary = ReportSummary(data: data, labels: labels, format: format)
        add("summary", labels.summary, paragraphs: summary.paragraphs(), keyFigures: summary.keyFigures(), sections: [])
        add("basic", labels.basic, sections: ReportBasicChapter(data: data, labels: labels, format: format).sections())
        add("budget", labels.budget, sections: ReportBudgetChapter(data: data, labels: labels, format: format).sections())
        if let evaluation = data.evaluation {
            let chapter = ReportEvaluationChapter(evaluation: evaluation, labels: labels, format: format)
            add("evaluation", labels.evaluation, sections: chapter.sections())
            let problems = chapter.problemSections()
            add("problems", labels.problems,
                paragraphs: problems.isEmpty ? [language.pick("ไม่มีโครงการใดรายงานปัญหาหรือข้อเสนอแนะ", "No project reported problems or suggestions.")] : [],
                sections: problems)
        } else {
            add("evaluation", labels.evaluation, paragraphs: [labels.noActionPlan], sections: [])
            add("problems", labels.problems, paragraphs: [labels.noActionPlan], sections: [])
        }
        add("appendix", labels.appendix, sections: ReportAppendix(data: data, labels: labels, format: format).sections())

        return ReportView(
            lang: language.rawValue, title: labels.title(report.fiscalYear), areaName: report.area.name,
            areaShortName: report.area.shortName, areaCode: report.area.code, period: labels.period(report.fiscalYear),
            prepared: labels.prepared(report.batchDate), isDraft: report.framework.isProvisional, draft: labels.draft,
            draftMark: labels.draftMark, contentsTitle: labels.contents,
            contents: chapters.map { .init(id: $0.id, label: $0.label, title: $0.title) }, chapters: chapters,
            generator: "Khet")
    }
}
