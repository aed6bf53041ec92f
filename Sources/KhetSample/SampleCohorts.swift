import KhetCore

/// How one school's pupils move between the DMC snapshots, so the three sample snapshots agree
/// with one another the way real ones do and the term-1 advance (Nov counts advanced one grade,
/// domain §4.3) lands close to the June counts. Counts never go below zero.
enum SampleCohorts {
    /// 10 June → 10 November of the same academic year: the same pupils, give or take a few
    /// (−3 % … +2 % per grade).
    static func november(after june: GradeCounts, plan: SampleSchoolPlan,
                         using rng: inout SeededGenerator) -> GradeCounts {
        var counts = GradeCounts()
        for grade in Grade.allCases where plan.teaches(grade) {
            counts[grade] = rng.scale(june[grade], perMille: rng.int(in: 970...1020))
        }
        return counts
    }

    /// 10 November → 10 June of the next academic year: every cohort moves up one grade and loses
    /// 1–3 % on the way; ป.6 and ม.3 leave. Entry grades take new pupils instead: the school's
    /// first kindergarten grade about as many as last year, ป.1 last year's อ.3 plus a few
    /// newcomers, ม.1 a share of last year's ป.6.
    static func nextJune(after november: GradeCounts, plan: SampleSchoolPlan,
                         using rng: inout SeededGenerator) -> GradeCounts {
        var counts = GradeCounts()
        for grade in Grade.allCases where plan.teaches(grade) {
            if grade == plan.firstGrade {
                counts[grade] = rng.scale(november[grade], perMille: rng.int(in: 880...1120))
                continue
            }
            switch grade {
            case .p1:
                let fromKindergarten = november[.k3]
                let newcomers = rng.int(in: 0...(1 + fromKindergarten / 5))
                counts[grade] = rng.scale(fromKindergarten, perMille: rng.int(in: 980...1000)) + newcomers
            case .m1:
                counts[grade] = rng.scale(november[.p6], perMille: rng.int(in: 700...900))
            default:
                counts[grade] = rng.scale(november[previous(grade)], perMille: rng.int(in: 970...990))
            }
        }
        return counts
    }

    /// The grade a cohort was in a year earlier (อ.1 has none and is always an entry grade).
    private static func previous(_ grade: Grade) -> Grade {
        Grade(rawValue: grade.rawValue - 1) ?? grade
    }
}
