/// Pupils per school and grade counted on one date (the DMC snapshots of 10 June and 10 November).
public struct Snapshot: Sendable {
    public var date: ThaiDate
    public var counts: [String: GradeCounts]

    public init(date: ThaiDate, counts: [String: GradeCounts] = [:]) {
        self.date = date
        self.counts = counts
    }

    /// A school missing from the snapshot has no pupils on that date.
    public func counts(for schoolCode: String) -> GradeCounts {
        counts[schoolCode] ?? GradeCounts()
    }

    public var totalPupils: Int { counts.values.reduce(0) { $0 + $1.total } }
}
