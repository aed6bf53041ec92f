import KhetCore

/// One indicator read against its target.
public struct IndicatorResult: Sendable, Hashable {
    public var indicator: Indicator
    /// Nil when the indicator has no result: missing is not "not achieved".
    public var achieved: Bool?
    /// How far the result went toward the target, in percent, for quantitative indicators:
    /// actual ÷ target when higher is better, target ÷ actual when lower is better (a drop-out
    /// rate of 1.5 against a ceiling of 2 is 133.33 %). Nil when either side is missing or zero.
    public var percentOfTarget: ExactDecimal?

    public init(_ indicator: Indicator) {
        self.indicator = indicator
        switch indicator.kind {
        case .qualitative:
            achieved = indicator.judgedAchieved
            percentOfTarget = nil
        case .quantitative:
            guard let target = indicator.target, let actual = indicator.actual else {
                achieved = nil
                percentOfTarget = nil
                return
            }
            switch indicator.direction {
            case .higherIsBetter:
                achieved = actual >= target
                percentOfTarget = actual.percent(of: target)
            case .lowerIsBetter:
                achieved = actual <= target
                percentOfTarget = actual == .zero ? nil : target.percent(of: actual)
            }
        }
    }
}
