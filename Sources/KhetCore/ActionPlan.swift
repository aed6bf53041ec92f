/// The area's annual action plan (แผนปฏิบัติการประจำปี) with the results reported against it
/// (domain §9): strategies, and under them projects with their budget and indicators.
public struct ActionPlan: Sendable {
    public var fiscalYear: FiscalYear?
    public var title: String
    public var strategies: [Strategy]
    public var projects: [Project]
    /// Problems and suggestions about the plan as a whole (projects carry their own too).
    public var problems: [String]
    public var suggestions: [String]
    /// The file it was read from, for messages.
    public var origin: String

    public init(fiscalYear: FiscalYear?, title: String, strategies: [Strategy], projects: [Project],
                problems: [String] = [], suggestions: [String] = [], origin: String = "") {
        self.fiscalYear = fiscalYear
        self.title = title
        self.strategies = strategies
        self.projects = projects
        self.problems = problems
        self.suggestions = suggestions
        self.origin = origin
    }

    public func projects(of strategy: Strategy) -> [Project] { projects.filter { $0.strategyID == strategy.id } }
}
