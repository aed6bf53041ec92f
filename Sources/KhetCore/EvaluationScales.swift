/// The scales an evaluation reads results with (domain §9). They are configuration, read from
/// `templates/evaluation/scales.xml` or the batch's own file, never constants in code.
public struct EvaluationScales: Sendable {
    /// A quality level for a mean score: `minimum...maximum` inclusive.
    public struct QualityLevel: Sendable, Hashable {
        public var minimum: ExactDecimal
        public var maximum: ExactDecimal
        public var thaiName: String
        public var englishName: String
        /// 5 for the best level down to 1; used to colour cells.
        public var rank: Int

        public init(minimum: ExactDecimal, maximum: ExactDecimal, thaiName: String, englishName: String, rank: Int) {
            self.minimum = minimum
            self.maximum = maximum
            self.thaiName = thaiName
            self.englishName = englishName
            self.rank = rank
        }

        public func name(_ language: Language) -> String { language.pick(thaiName, englishName) }
    }

    /// A disbursement score given from `minimumPercent` of the allocation spent upward.
    public struct DisbursementStep: Sendable, Hashable {
        public var minimumPercent: ExactDecimal
        public var score: Int

        public init(minimumPercent: ExactDecimal, score: Int) {
            self.minimumPercent = minimumPercent
            self.score = score
        }
    }

    /// A project status given from `minimumPercent` of its reported indicators achieved upward.
    public struct StatusStep: Sendable, Hashable {
        public var id: String
        public var minimumPercent: ExactDecimal
        public var thaiName: String
        public var englishName: String

        public init(id: String, minimumPercent: ExactDecimal, thaiName: String, englishName: String) {
            self.id = id
            self.minimumPercent = minimumPercent
            self.thaiName = thaiName
            self.englishName = englishName
        }

        public func name(_ language: Language) -> String { language.pick(thaiName, englishName) }
    }

    public var qualityLevels: [QualityLevel]
    public var disbursementSteps: [DisbursementStep]
    public var statusSteps: [StatusStep]
    /// Where the scales come from (the file and its citation), for the report's appendix.
    public var source: String
    public var origin: String

    public init(qualityLevels: [QualityLevel], disbursementSteps: [DisbursementStep], statusSteps: [StatusStep],
                source: String = "", origin: String = "") {
        self.qualityLevels = qualityLevels.sorted { $0.minimum > $1.minimum }
        self.disbursementSteps = disbursementSteps.sorted { $0.minimumPercent > $1.minimumPercent }
        self.statusSteps = statusSteps.sorted { $0.minimumPercent > $1.minimumPercent }
        self.source = source
        self.origin = origin
    }

    /// The level whose range holds `mean`. Ranges are inclusive and written to two decimals
    /// (4.51–5.00), so a mean is rounded to two decimals before it is placed.
    public func qualityLevel(for mean: ExactDecimal) -> QualityLevel? {
        let rounded = ExactDecimal(parsing: mean.formatted(fractionDigits: 2, grouping: false)) ?? mean
        return qualityLevels.first { $0.minimum <= rounded && rounded <= $0.maximum }
    }

    /// The score of the highest step reached; nil below every step.
    public func disbursementScore(for percent: ExactDecimal) -> Int? {
        disbursementSteps.first { percent >= $0.minimumPercent }?.score
    }

    public func status(forAchievedPercent percent: ExactDecimal) -> StatusStep? {
        statusSteps.first { percent >= $0.minimumPercent }
    }
}
