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

    func teaches(_ grade: Grade) -> Bool { grade >= firstGrade && grade <= lastGrade }

    /// Pupils per grade relative to one another, per mille. They match the steady state of the
    /// cohort rules (about 2 % lost a year, ป.1 some 10 % above อ.3, ม.1 about 80 % of ป.6), so the
    /// June snapshot a year later looks like the first one.
    private static let gradeWeights: [Grade: Int] = [
        .k1: 800, .k2: 784, .k3: 768,
        .p1: 850, .p2: 833, .p3: 816, .p4: 800, .p5: 784, .p6: 768,
        .m1: 614, .m2: 602, .m3: 590,
    ]

    /// Plans for a district's `count` schools. Size classes, boarding and special-area schools
    /// come in fixed shares rounded to whole schools (rather than one draw per school), shuffled
    /// along the code list, so even a 200-school sample has the intended mix. Town schools are
    /// never boarding or special-area schools.
    static func plans(count: Int, in district: SampleDistrict, using rng: inout SeededGenerator) -> [SampleSchoolPlan] {
        guard count > 0 else { return [] }
        let large = min((count * district.largePerMille + 500) / 1000, count)
        let small = min((count * district.smallPerMille + 500) / 1000, count - large)
        var sizes = Array(repeating: Size.large, count: large)
            + Array(repeating: Size.small, count: small)
            + Array(repeating: Size.medium, count: count - large - small)
        rng.shuffle(&sizes)
        let villageCount = count - large
        let boarding = rng.shuffledFlags(count: villageCount, perMille: district.boardingPerMille)
        let specialArea = rng.shuffledFlags(count: villageCount, perMille: district.specialAreaPerMille)
        var plans: [SampleSchoolPlan] = []
        plans.reserveCapacity(count)
        var villageIndex = 0
        for size in sizes {
            var isBoarding = false
            var isSpecialArea = false
            if size != .large, villageIndex < villageCount {
                isBoarding = boarding[villageIndex]
                isSpecialArea = specialArea[villageIndex]
                villageIndex += 1
            }
            plans.append(draw(size: size, isBoarding: isBoarding, isSpecialArea: isSpecialArea, using: &rng))
        }
        return plans
    }

    private static func draw(size: Size, isBoarding: Bool, isSpecialArea: Bool,
                             using rng: inout SeededGenerator) -> SampleSchoolPlan {
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
        return SampleSchoolPlan(size: size, firstGrade: startsAtK1 ? .k1 : .k2,
                                lastGrade: isExtended ? .m3 : .p6,
                                isBoarding: isBoarding, isSpecialArea: isSpecialArea)
    }

    /// The school's pupils on the first snapshot: a target size for its class, spread over the
    /// taught grades by the steady-state weights with ±20 % noise per grade.
    func firstCounts(using rng: inout SeededGenerator) -> GradeCounts {
        firstCounts(target: targetPupils(using: &rng), using: &rng)
    }

    /// As `firstCounts(using:)` for a size drawn elsewhere (the national sample's distribution).
    func firstCounts(target: Int, using rng: inout SeededGenerator) -> GradeCounts {
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

    /// Mostly 20–80 pupils for small schools; medium ones lean to the lower end of 121–600 and stop
    /// short of 600, so the per-grade noise does not make a village school look like a town school.
    private func targetPupils(using rng: inout SeededGenerator) -> Int {
        switch size {
        case .small:
            switch rng.weightedIndex([100, 700, 200]) {
            case 0: return rng.int(in: 8...19)
            case 1: return rng.int(in: 20...80)
            default: return rng.int(in: 81...118)
            }
        case .medium:
            switch rng.weightedIndex([550, 270, 130, 50]) {
            case 0: return rng.int(in: 135...200)
            case 1: return rng.int(in: 201...300)
            case 2: return rng.int(in: 301...450)
            default: return rng.int(in: 451...520)
            }
        case .large:
            return rng.int(in: 620...1400)
        }
    }
}
