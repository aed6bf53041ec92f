import Foundation
import KhetCalc
import KhetCore
import XLSXWriter

/// `evaluation-<FY>.xlsx`: the action plan's results by strategy, by project and by indicator,
/// with the scales used. Rates are formulas with their values cached; levels, scores and
/// statuses are coloured by conditional formats so a changed cell recolours itself.
public struct EvaluationWorkbook {
    public let area: Area
    public let fiscalYear: FiscalYear
    public let batchDate: ThaiDate
    public let language: Language
    public let evaluation: PlanEvaluation

    public init(area: Area, fiscalYear: FiscalYear, batchDate: ThaiDate, language: Language, evaluation: PlanEvaluation) {
        self.area = area
        self.fiscalYear = fiscalYear
        self.batchDate = batchDate
        self.language = language
        self.evaluation = evaluation
    }

    public var fileName: String { "evaluation-\(fiscalYear.year).xlsx" }

    @discardableResult
    public func write(into folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(fileName)
        let labels = Labels(language: language)
        let words = EvaluationLabels(language: language)
        let workbook = try Workbook(path: url.path)
        try workbook.setProperties(DocumentProperties(
            created: batchDate.unixTime, title: words.workbookTitle(fiscalYear), author: "Khet", company: area.name,
            comments: "Action plan: \(evaluation.plan.origin); scales: \(evaluation.scales.origin)"))
        let context = EvaluationSheetContext(area: area, fiscalYear: fiscalYear, batchDate: batchDate, labels: labels,
                                             words: words, evaluation: evaluation)
        try EvaluationStrategySheet(context: context).write(into: workbook)
        try EvaluationProjectSheet(context: context).write(into: workbook)
        try EvaluationIndicatorSheet(context: context).write(into: workbook)
        try EvaluationScalesSheet(context: context).write(into: workbook)
        try workbook.close()
        return url
    }
}

/// What every sheet of the evaluation workbook shares.
struct EvaluationSheetContext {
    let area: Area
    let fiscalYear: FiscalYear
    let batchDate: ThaiDate
    let labels: Labels
    let words: EvaluationLabels
    let evaluation: PlanEvaluation

    func heading(_ title: String) -> SheetHeading {
        SheetHeading(title: title, subtitle: labels.dataAsOf(area, batchDate: batchDate), isDraft: false, labels: labels)
    }
}

extension ExactDecimal {
    /// The exact decimal a cell holds.
    var cellValue: FixedDecimal { FixedDecimal(units: tenThousandths, scale: ExactDecimal.fractionDigits) }
}
