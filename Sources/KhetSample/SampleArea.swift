import KhetCore

/// A synthetic area office: its schools and the three pupil snapshots one fiscal year uses
/// (10 June N-1, 10 November N-1, 10 June N), oldest first. Every school appears in every
/// snapshot, also when it has no pupils. All names and codes are fictional.
struct SampleArea: Sendable {
    var schools: [School]
    var snapshots: [Snapshot]
}
