import KhetCore

/// What the calculator derives for one project (domain §9). Every derived value is nil when
/// the result it needs was not reported, so outputs can say "not reported" instead of 0.
public struct ProjectEvaluation: Sendable {
    public var project: Project
    public var indicators: [IndicatorResult]
    public var indicatorsWithResult: Int
    public var indicatorsAchieved: Int
    /// Achieved ÷ indicators with a result × 100.
    public var achievementRate: ExactDecimal?
    /// Spent ÷ allocated × 100.
    public var disbursementRate: ExactDecimal?
    public var disbursementScore: Int?
    public var qualityLevel: EvaluationScales.QualityLevel?
    /// From the achievement rate; nil when no indicator has a result.
    public var status: EvaluationScales.StatusStep?

    public init(project: Project, scales: EvaluationScales) {
        self.project = project
        indicators = project.indicators.map(IndicatorResult.init)
        indicatorsWithResult = indicators.filter { $0.achieved != nil }.count
        indicatorsAchieved = indicators.filter { $0.achieved == true }.count
        achievementRate = ExactDecimal.percent(Int64(indicatorsAchieved), of: Int64(indicatorsWithResult))
        disbursementRate = project.spent.flatMap { ExactDecimal.percent($0.satang, of: project.allocated.satang) }
        disbursementScore = disbursementRate.flatMap(scales.disbursementScore)
        qualityLevel = project.satisfaction.flatMap(scales.qualityLevel)
        status = achievementRate.flatMap(scales.status)
    }

    public var hasResults: Bool { project.hasResults }
}
