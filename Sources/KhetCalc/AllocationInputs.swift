import KhetCore

/// What the calculators read: the schools, their pupil snapshots, and the poor and boarding
/// pupils per school and grade.
public struct AllocationInputs: Sendable {
    public var fiscalYear: FiscalYear
    public var schools: [School]
    public var snapshots: [Snapshot]
    public var poorPupils: [String: GradeCounts]
    public var boarders: [String: GradeCounts]
    /// How messages name the poor-pupil and boarder lists.
    public var poorPupilsFile = "poor pupils"
    public var boardersFile = "boarders"

    public init(fiscalYear: FiscalYear, schools: [School], snapshots: [Snapshot],
                poorPupils: [String: GradeCounts] = [:], boarders: [String: GradeCounts] = [:]) {
        self.fiscalYear = fiscalYear
        self.schools = schools.sorted { $0.code < $1.code }
        self.snapshots = snapshots.sorted { $0.date < $1.date }
        self.poorPupils = poorPupils
        self.boarders = boarders
    }

    /// Whole-year programmes count enrolment on the latest snapshot of the batch.
    public var latestSnapshot: Snapshot? { snapshots.last }

    public func enrolment(of schoolCode: String) -> GradeCounts {
        latestSnapshot?.counts(for: schoolCode) ?? GradeCounts()
    }
}
