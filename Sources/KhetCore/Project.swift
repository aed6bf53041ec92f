/// A project (โครงการ) of the action plan with what it reported at the end of the year.
/// Results that were not reported are nil, never zero: a project that spent nothing and a
/// project that has not reported are different things to the director.
public struct Project: Sendable, Hashable {
    public var code: String
    public var name: String
    public var strategyID: String
    /// The office group responsible (กลุ่มที่รับผิดชอบ).
    public var responsibleGroup: String
    /// Where the money comes from (แหล่งงบประมาณ), e.g. งบพัฒนาการศึกษา.
    public var budgetSource: String
    public var allocated: Money
    /// Spent over the year; nil when not reported. When only quarters are given, their sum.
    public var spent: Money?
    /// Spent per quarter of the fiscal year (Q1 Oct–Dec … Q4 Jul–Sep); nil entries not reported.
    public var quarterlySpent: [Money?]
    public var indicators: [Indicator]
    /// Mean satisfaction on a 1–5 scale, when the project measured it.
    public var satisfaction: ExactDecimal?
    public var problems: [String]
    public var suggestions: [String]
    /// Where the project was defined, for diagnostics.
    public var line: Int

    public init(code: String, name: String, strategyID: String, responsibleGroup: String, budgetSource: String,
                allocated: Money, spent: Money?, quarterlySpent: [Money?] = [nil, nil, nil, nil],
                indicators: [Indicator], satisfaction: ExactDecimal? = nil, problems: [String] = [],
                suggestions: [String] = [], line: Int = 0) {
        self.code = code
        self.name = name
        self.strategyID = strategyID
        self.responsibleGroup = responsibleGroup
        self.budgetSource = budgetSource
        self.allocated = allocated
        self.spent = spent
        self.quarterlySpent = quarterlySpent
        self.indicators = indicators
        self.satisfaction = satisfaction
        self.problems = problems
        self.suggestions = suggestions
        self.line = line
    }

    /// Any result at all: spending, an indicator's actual or a satisfaction mean.
    public var hasResults: Bool {
        spent != nil || satisfaction != nil || indicators.contains { $0.hasResult }
    }
}
