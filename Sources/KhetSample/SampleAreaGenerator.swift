import KhetCore

/// Makes a synthetic area office in the likeness of สพป.ตาก เขต 2: schools with fictional names
/// and codes, and the three pupil snapshots fiscal year N uses (10 June N-1, 10 November N-1,
/// 10 June N). A pure function of its parameters: the same seed gives the same area on every
/// machine, because all randomness comes from `SeededGenerator` and nothing iterates a
/// dictionary. Work is linear in the number of schools, so a national-size area (30,000 schools)
/// is cheap.
struct SampleAreaGenerator: Sendable {
    /// Codes read 9963020001, 9963020002, …: ten digits like OBEC codes, so importers treat them
    /// as real ones, while the leading 99 marks them as made up.
    static let codePrefix = "9963"
    static let firstSequence = 20_001
    /// The six-digit sequence runs out after this many schools.
    static let maximumSchoolCount = 999_999 - firstSequence + 1

    let seed: UInt64
    /// Clamped to 0…`maximumSchoolCount`; the command validates before it gets here.
    let schoolCount: Int
    /// Buddhist Era, e.g. 2568.
    let fiscalYear: Int

    init(seed: UInt64, schoolCount: Int, fiscalYear: Int) {
        self.seed = seed
        self.schoolCount = min(max(schoolCount, 0), SampleAreaGenerator.maximumSchoolCount)
        self.fiscalYear = fiscalYear
    }

    /// 10 June N-1, 10 November N-1 and 10 June N: the snapshots fiscal year N is paid from
    /// (domain §2, §4.3). These dates exist in every year, so none is ever dropped.
    var snapshotDates: [ThaiDate] {
        [(fiscalYear - 1, 6), (fiscalYear - 1, 11), (fiscalYear, 6)].compactMap { year, month in
            ThaiDate(year: year, month: month, day: 10)
        }
    }

    func generate() -> SampleArea {
        var rng = SeededGenerator(seed: seed)
        let districts = SampleDistrict.takZone2
        // Share the schools out among the districts first and number them district by district,
        // as real code lists are grouped.
        let schoolsPerDistrict = SampleAreaGenerator.apportion(schoolCount, weights: districts.map(\.weight))

        var namer = SchoolNamer(expectedCount: schoolCount)
        var schools: [School] = []
        schools.reserveCapacity(schoolCount)
        var counts: [[String: GradeCounts]] = Array(repeating: [:], count: 3)
        for index in counts.indices { counts[index].reserveCapacity(schoolCount) }

        var sequence = SampleAreaGenerator.firstSequence
        for (district, schoolTotal) in zip(districts, schoolsPerDistrict) {
            for plan in SampleSchoolPlan.plans(count: schoolTotal, in: district, using: &rng) {
                let code = SampleAreaGenerator.code(sequence: sequence)
                sequence += 1
                let name = plan.size == .large
                    ? namer.townSchool(using: &rng) : namer.villageSchool(using: &rng)
                schools.append(School(code: code, name: name, district: district.name,
                                      isBoarding: plan.isBoarding, isSpecialArea: plan.isSpecialArea))
                let june = plan.firstCounts(using: &rng)
                let november = SampleCohorts.november(after: june, plan: plan, using: &rng)
                let nextJune = SampleCohorts.nextJune(after: november, plan: plan, using: &rng)
                counts[0][code] = june
                counts[1][code] = november
                counts[2][code] = nextJune
            }
        }
        let snapshots = zip(snapshotDates, counts).map { Snapshot(date: $0, counts: $1) }
        return SampleArea(schools: schools, snapshots: snapshots)
    }

    /// `9963020001` for the first school: the prefix and a zero-padded six-digit sequence.
    static func code(sequence: Int) -> String {
        let digits = String(sequence)
        return codePrefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Splits `total` in proportion to `weights` by largest remainder (ties to the earlier
    /// weight), so the shares always add up to `total` exactly.
    static func apportion(_ total: Int, weights: [Int]) -> [Int] {
        let weightSum = weights.reduce(0, +)
        guard weightSum > 0, total > 0 else { return weights.map { _ in 0 } }
        var shares = weights.map { total * $0 / weightSum }
        let remainders = weights.map { total * $0 % weightSum }
        let byRemainder = remainders.indices.sorted { (remainders[$0], $1) > (remainders[$1], $0) }
        for index in byRemainder.prefix(total - shares.reduce(0, +)) { shares[index] += 1 }
        return shares
    }
}
