import KhetCalc
import KhetCore

/// Everything the annual report shows: the allocation report (schools, snapshots, lines,
/// framework, diagnostics), the evaluated action plan when the batch has one, the poor and
/// boarding pupils, and the inputs' SHA-256 for the appendix.
public struct AnnualReportData: Sendable {
    public struct InputDigest: Sendable, Hashable {
        public var role: String
        public var path: String
        public var sha256: String

        public init(role: String, path: String, sha256: String) {
            self.role = role
            self.path = path
            self.sha256 = sha256
        }
    }

    public var allocation: AreaAllocationReport
    public var evaluation: PlanEvaluation?
    public var poorPupils: [String: GradeCounts]
    public var boarders: [String: GradeCounts]
    public var inputs: [InputDigest]

    public init(allocation: AreaAllocationReport, evaluation: PlanEvaluation?, poorPupils: [String: GradeCounts],
                boarders: [String: GradeCounts], inputs: [InputDigest]) {
        self.allocation = allocation
        self.evaluation = evaluation
        self.poorPupils = poorPupils
        self.boarders = boarders
        self.inputs = inputs
    }
}
