/// An indicator (ตัวชี้วัด) of a project: what was promised and what was reported.
public struct Indicator: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Measured as a number against a numeric target.
        case quantitative
        /// Judged against a described target; the result is the judgement (achieved or not).
        case qualitative
    }

    /// Whether a larger actual is better (pupils reached) or a smaller one (drop-out rate).
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case higherIsBetter = "higher"
        case lowerIsBetter = "lower"
    }

    public var name: String
    public var kind: Kind
    public var unit: String
    public var direction: Direction
    /// Quantitative: the number to reach. Nil for a qualitative indicator.
    public var target: ExactDecimal?
    /// Quantitative: the number reported; nil when not reported.
    public var actual: ExactDecimal?
    /// Qualitative: the target as described (ระดับดีขึ้นไป).
    public var targetText: String
    /// Qualitative: the result as described.
    public var actualText: String
    /// Qualitative: the reported judgement; nil when not reported.
    public var judgedAchieved: Bool?

    public init(name: String, kind: Kind, unit: String = "", direction: Direction = .higherIsBetter,
                target: ExactDecimal? = nil, actual: ExactDecimal? = nil, targetText: String = "",
                actualText: String = "", judgedAchieved: Bool? = nil) {
        self.name = name
        self.kind = kind
        self.unit = unit
        self.direction = direction
        self.target = target
        self.actual = actual
        self.targetText = targetText
        self.actualText = actualText
        self.judgedAchieved = judgedAchieved
    }

    public var hasResult: Bool {
        switch kind {
        case .quantitative: return actual != nil
        case .qualitative: return judgedAchieved != nil
        }
    }
}
