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
        // Draw every school's district first and then number the schools district by district,
        // as real code lists are grouped.
        var schoolsPerDistrict = Array(repeating: 0, count: districts.count)
        let weights = districts.map(\.weight)
        for _ in 0..<schoolCount { schoolsPerDistrict[rng.weightedIndex(weights)] += 1 }

        var namer = SchoolNamer(expectedCount: schoolCount)
        var schools: [School] = []
        schools.reserveCapacity(schoolCount)
        var counts: [[String: GradeCounts]] = Array(repeating: [:], count: 3)
        for index in counts.indices { counts[index].reserveCapacity(schoolCount) }

        var sequence = SampleAreaGenerator.firstSequence
        for (district, schoolTotal) in zip(districts, schoolsPerDistrict) {
            for _ in 0..<schoolTotal {
                let plan = SampleSchoolPlan.draw(in: district, using: &rng)
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
}
