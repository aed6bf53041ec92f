import KhetCore

/// What kind of school one sample school is: its size class, the grades it teaches and its
/// pupils on the first snapshot. Drawn once; the later snapshots follow by cohort rules.
struct SampleSchoolPlan: Sendable {
    enum Size: Sendable { case small, medium, large }

    var size: Size
    /// อ.1 for most schools; อ.2 where the school takes no three-year-olds.
    var firstGrade: Grade
    /// ป.6, or ม.3 for an extended-opportunity school (ขยายโอกาส).
    var lastGrade: Grade
    var isBoarding: Bool
    var isSpecialArea: Bool

    var isExtended: Bool { lastGrade == .m3 }

    func teaches(_ grade: Grade) -> Bool { grade >= firstGrade && grade <= lastGrade }

    /// Pupils per grade relative to one another, per mille. They match the steady state of the
    /// cohort rules (about 2 % lost a year, ป.1 a little above อ.3, ม.1 about 80 % of ป.6), so the
    /// June snapshot a year later looks like the first one.
    private static let gradeWeights: [Grade: Int] = [
        .k1: 900, .k2: 882, .k3: 865,
        .p1: 910, .p2: 892, .p3: 875, .p4: 857, .p5: 840, .p6: 824,
        .m1: 660, .m2: 647, .m3: 634,
    ]

    static func draw(in district: SampleDistrict, using rng: inout SeededGenerator) -> SampleSchoolPlan {
        let sizeDraw = rng.below(1000)
        let size: Size
        if sizeDraw < district.largePerMille {
            size = .large
        } else if sizeDraw < district.largePerMille + district.smallPerMille {
            size = .small
        } else {
            size = .medium
        }
        // About 15 % of all schools teach ม.1–ม.3: rarely the small ones, often the bigger ones.
        let extendedPerMille: Int
        switch size {
        case .small: extendedPerMille = 60
        case .medium: extendedPerMille = 280
        case .large: extendedPerMille = 350
        }
        let isExtended = rng.chance(perMille: extendedPerMille)
        // Town kindergartens take three-year-olds; about a third of village schools start at อ.2.
        let startsAtK1 = size == .large || rng.chance(perMille: 650)
        let isTownSchool = size == .large
        return SampleSchoolPlan(
            size: size,
            firstGrade: startsAtK1 ? .k1 : .k2,
            lastGrade: isExtended ? .m3 : .p6,
            isBoarding: !isTownSchool && rng.chance(perMille: district.boardingPerMille),
            isSpecialArea: !isTownSchool && rng.chance(perMille: district.specialAreaPerMille)
        )
    }

    /// The school's pupils on the first snapshot: a target size for its class, spread over the
    /// taught grades by the steady-state weights with ±20 % noise per grade.
    func firstCounts(using rng: inout SeededGenerator) -> GradeCounts {
        let target = targetPupils(using: &rng)
        let taught = Grade.allCases.filter(teaches)
        let weightSum = taught.reduce(0) { $0 + (SampleSchoolPlan.gradeWeights[$1] ?? 0) }
        var counts = GradeCounts()
        for grade in taught {
            let weight = SampleSchoolPlan.gradeWeights[grade] ?? 0
            let noise = rng.int(in: 800...1200)
            counts[grade] = rng.quotient(target * weight * noise, over: weightSum * 1000)
        }
        return counts
    }

    /// Mostly 20–80 pupils for small schools; medium ones lean to the lower end of 121–600.
    private func targetPupils(using rng: inout SeededGenerator) -> Int {
        switch size {
        case .small:
            switch rng.weightedIndex([100, 700, 200]) {
            case 0: return rng.int(in: 8...19)
            case 1: return rng.int(in: 20...80)
            default: return rng.int(in: 81...118)
            }
        case .medium:
            switch rng.weightedIndex([450, 300, 170, 80]) {
            case 0: return rng.int(in: 124...200)
            case 1: return rng.int(in: 201...300)
            case 2: return rng.int(in: 301...450)
            default: return rng.int(in: 451...590)
            }
        case .large:
            return rng.int(in: 620...1450)
        }
    }
}
