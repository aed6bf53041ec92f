import KhetCore

/// The action plan evaluated: every project, each strategy's roll-up and the whole plan's.
public struct PlanEvaluation: Sendable {
    public struct StrategyResult: Sendable {
        public var strategy: Strategy
        public var projects: [ProjectEvaluation]
        public var summary: EvaluationSummary
    }

    public var plan: ActionPlan
    public var scales: EvaluationScales
    public var strategies: [StrategyResult]
    public var summary: EvaluationSummary
    public var diagnostics: [Diagnostic]

    public var projects: [ProjectEvaluation] { strategies.flatMap(\.projects) }
}

/// Evaluates an action plan with the configured scales (domain §9): a pure function of
/// (plan, scales), like the allocation calculators.
public struct EvaluationCalculator {
    public let scales: EvaluationScales

    public init(scales: EvaluationScales) { self.scales = scales }

    public func evaluate(_ plan: ActionPlan) -> PlanEvaluation {
        let evaluations = plan.projects.map { ProjectEvaluation(project: $0, scales: scales) }
        let strategies = plan.strategies.map { strategy in
            let projects = evaluations.filter { $0.project.strategyID == strategy.id }
            return PlanEvaluation.StrategyResult(strategy: strategy, projects: projects,
                                                 summary: EvaluationSummary(projects, scales: scales))
        }
        var diagnostics: [Diagnostic] = []
        let silent = evaluations.filter { !$0.hasResults }.map(\.project.code)
        if !silent.isEmpty {
            let shown = silent.prefix(8).joined(separator: ", ") + (silent.count > 8 ? ", …" : "")
            diagnostics.append(Diagnostic(.note, code: "EVL011", file: plan.origin,
                                          message: "\(silent.count) project(s) reported no results; they are shown as not reported: \(shown)"))
        }
        return PlanEvaluation(plan: plan, scales: scales, strategies: strategies,
                              summary: EvaluationSummary(evaluations, scales: scales), diagnostics: diagnostics)
    }
}
