import KhetCore

/// Basic needs for poor pupils (domain §5): per level, poor pupils funded up to the framework's
/// share of the school's enrolment at that level, at the item's yearly rate. Pupils above the cap
/// are shown on their line (eligible vs funded) and counted in a note, never silently lost.
struct PoorPupilCalculator {
    let programme: Programme
    let capPercent: [Level: Int]
    let origin: String

    func allocate(_ inputs: AllocationInputs) -> (lines: [AllocationLine], diagnostics: [Diagnostic]) {
        let round = PaymentRound.wholeYear(of: inputs.fiscalYear)
        var lines: [AllocationLine] = []
        var diagnostics: [Diagnostic] = []
        var cappedAway = 0
        var cappedSchools = 0
        var uncovered: [Level: Int] = [:]
        for school in inputs.schools {
            let poor = inputs.poorPupils[school.code] ?? GradeCounts()
            guard poor.total > 0 else { continue }
            let enrolment = inputs.enrolment(of: school.code)
            var schoolCapped = false
            for level in Level.allCases {
                let eligible = poor.total(of: level)
                guard eligible > 0 else { continue }
                let enrolled = enrolment.total(of: level)
                if eligible > enrolled {
                    diagnostics.append(Diagnostic(.warning, code: "CALC012", file: inputs.poorPupilsFile,
                                                  message: "school \(school.code) has \(eligible) poor pupils at level \(level.rawValue) but only \(enrolled) enrolled"))
                }
                var covered = false
                for item in programme.items {
                    guard let grade = level.grades.first, let rate = item.annualAmount(for: grade), !rate.isZero else { continue }
                    covered = true
                    let basis: LineBasis
                    if let cap = capPercent[level] {
                        let funded = min(eligible, enrolled * cap / 100)
                        if funded < eligible { schoolCapped = true }
                        basis = .capped(eligible: eligible, enrolment: enrolled, capPercent: cap, funded: funded, rate: rate)
                    } else {
                        basis = .perPupil(pupils: eligible, rate: rate)
                    }
                    lines.append(AllocationLine(schoolCode: school.code, programmeID: programme.id, itemID: item.id,
                                                round: round, grade: nil, level: level, basis: basis))
                }
                if !covered { uncovered[level, default: 0] += eligible }
                if covered, let cap = capPercent[level] { cappedAway += max(0, eligible - min(eligible, enrolled * cap / 100)) }
            }
            if schoolCapped { cappedSchools += 1 }
        }
        if cappedAway > 0 {
            diagnostics.append(Diagnostic(.note, code: "CALC013", file: origin,
                                          message: "\(cappedAway) poor pupils in \(cappedSchools) schools are above the cap of '\(programme.id)' and are not funded"))
        }
        for (level, count) in uncovered.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(Diagnostic(.note, code: "CALC014", file: origin,
                                          message: "\(count) poor pupils at level \(level.rawValue) are not covered by '\(programme.id)' (no rate for that level)"))
        }
        return (lines, diagnostics)
    }
}
