import KhetCore

/// A synthetic country: its area offices, every school with the area it belongs to, the three
/// pupil snapshots and the poor and boarding pupils of the latest one. All names and codes below
/// the province are fictional.
struct NationalSample: Sendable {
    /// Sorted by code.
    var areas: [Area]
    /// Every school of every area, with the three snapshots (oldest first).
    var country: SampleArea
    /// The area code of each school, by school code.
    var areaOfSchool: [String: String]
}
