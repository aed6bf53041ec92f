/// Pupils in each of the fifteen grades of one school. A fixed-size value so snapshots of
/// thousands of schools stay small.
public struct GradeCounts: Sendable, Hashable {
    private var counts: [Int]

    public init() { counts = Array(repeating: 0, count: Grade.allCases.count) }

    public init(_ pairs: [Grade: Int]) {
        self.init()
        for (grade, count) in pairs { self[grade] = count }
    }

    public subscript(grade: Grade) -> Int {
        get { counts[grade.rawValue] }
        set { counts[grade.rawValue] = newValue }
    }

    public var total: Int { counts.reduce(0, +) }

    public func total(of level: Level) -> Int {
        level.grades.reduce(0) { $0 + self[$1] }
    }

    /// The grades with at least one pupil, in teaching order.
    public var taughtGrades: [Grade] { Grade.allCases.filter { self[$0] > 0 } }

    public static func + (lhs: GradeCounts, rhs: GradeCounts) -> GradeCounts {
        var sum = lhs
        for grade in Grade.allCases { sum[grade] += rhs[grade] }
        return sum
    }
}
