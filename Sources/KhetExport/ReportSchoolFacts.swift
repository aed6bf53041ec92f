import KhetCore

/// Counts the basic-information chapter shows, taken once from the report's data: pupils per
/// school on the latest snapshot, size classes and small-school bands (domain §7).
struct ReportSchoolFacts {
    struct Band {
        var label: String
        var range: ClosedRange<Int>
    }

    /// Area-office size classes (domain §7, B): small 1–120, medium 121–600, large 601–1,500,
    /// extra large 1,501 and more; schools without pupils on the date are shown apart.
    static func sizeClasses(_ language: Language) -> [Band] {
        [Band(label: language.pick("ไม่มีนักเรียน", "No pupils"), range: 0...0),
         Band(label: language.pick("ขนาดเล็ก (1–120)", "Small (1–120)"), range: 1...120),
         Band(label: language.pick("ขนาดกลาง (121–600)", "Medium (121–600)"), range: 121...600),
         Band(label: language.pick("ขนาดใหญ่ (601–1,500)", "Large (601–1,500)"), range: 601...1500),
         Band(label: language.pick("ขนาดใหญ่พิเศษ (1,501 ขึ้นไป)", "Extra large (1,501+)"), range: 1501...Int.max)]
    }

    /// Small-school reporting bands (domain §7, B).
    static let smallSchoolBands: [ClosedRange<Int>] = [0...0, 1...20, 21...40, 41...60, 61...80, 81...100, 101...120]

    let schools: [School]
    let latest: Snapshot?

    func pupils(_ school: School) -> Int { latest?.counts(for: school.code).total ?? 0 }

    var districts: [(name: String, schools: [School])] {
        Dictionary(grouping: schools, by: \.district).map { ($0.key, $0.value) }.sorted { $0.name < $1.name }
    }

    /// Levels with any pupil on any snapshot, in teaching order.
    func levels(in snapshots: [Snapshot]) -> [Level] {
        Level.allCases.filter { level in snapshots.contains { $0.counts.values.contains { $0.total(of: level) > 0 } } }
    }

    var latestTotals: GradeCounts { latest.map { $0.counts.values.reduce(GradeCounts(), +) } ?? GradeCounts() }
}
