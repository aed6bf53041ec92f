import KhetCore

/// Projects rolled up: per strategy and for the whole plan. Rates are ratios of sums, not
/// means of rates, so a large project weighs as much as its money and indicators do; projects
/// that did not report are counted as such and left out of the rates.
public struct EvaluationSummary: Sendable {
    public var projectCount: Int
    public var projectsWithResults: Int
    public var indicatorCount: Int
    public var indicatorsWithResult: Int
    public var indicatorsAchieved: Int
    public var achievementRate: ExactDecimal?
    public var allocated: Money
    /// Allocation of the projects that reported their spending: the disbursement rate's base.
    public var allocatedReporting: Money
    public var spent: Money
    public var projectsReportingSpending: Int
    public var disbursementRate: ExactDecimal?
    public var disbursementScore: Int?
    /// The mean of the projects' satisfaction means (each project counts once).
    public var satisfactionMean: ExactDecimal?
    public var projectsWithSatisfaction: Int
    public var qualityLevel: EvaluationScales.QualityLevel?
    /// Projects per status id, and those without any indicator result under "".
    public var projectsByStatus: [String: Int]

    public init(_ projects: [ProjectEvaluation], scales: EvaluationScales) {
        projectCount = projects.count
        projectsWithResults = projects.filter(\.hasResults).count
        indicatorCount = projects.reduce(0) { $0 + $1.indicators.count }
        indicatorsWithResult = projects.reduce(0) { $0 + $1.indicatorsWithResult }
        indicatorsAchieved = projects.reduce(0) { $0 + $1.indicatorsAchieved }
        achievementRate = ExactDecimal.percent(Int64(indicatorsAchieved), of: Int64(indicatorsWithResult))
        allocated = projects.map(\.project.allocated).sum()
        let reporting = projects.filter { $0.project.spent != nil }
        projectsReportingSpending = reporting.count
        allocatedReporting = reporting.map(\.project.allocated).sum()
        spent = reporting.compactMap(\.project.spent).sum()
        disbursementRate = reporting.isEmpty ? nil : ExactDecimal.percent(spent.satang, of: allocatedReporting.satang)
        disbursementScore = disbursementRate.flatMap(scales.disbursementScore)
        let means = projects.compactMap(\.project.satisfaction)
        projectsWithSatisfaction = means.count
        satisfactionMean = ExactDecimal.mean(means)
        qualityLevel = satisfactionMean.flatMap(scales.qualityLevel)
        var byStatus: [String: Int] = [:]
        for project in projects { byStatus[project.status?.id ?? "", default: 0] += 1 }
        projectsByStatus = byStatus
    }
}
