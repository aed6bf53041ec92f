import KhetCore

/// The small-school top-up (domain §7): schools whose pupils on the latest snapshot fall within
/// the framework's range (and, when it says so, special-area schools only) get either a per-head
/// amount, a flat amount, or whatever lifts their money per head from the other programmes to a
/// floor.
struct SmallSchoolCalculator {
    let programme: Programme
    let rule: SmallSchoolRule

    /// `otherTotals`: each school's money from the programmes computed before this one.
    func allocate(_ inputs: AllocationInputs, otherTotals: [String: Money]) -> [AllocationLine] {
        let round = PaymentRound.wholeYear(of: inputs.fiscalYear)
        var lines: [AllocationLine] = []
        for school in inputs.schools {
            let enrolment = inputs.enrolment(of: school.code)
            guard rule.isEligible(school, pupils: enrolment.total) else { continue }
            for item in programme.items {
                switch rule.mode {
                case .perHead:
                    for level in Level.allCases {
                        let pupils = enrolment.total(of: level)
                        guard pupils > 0, let grade = level.grades.first,
                              let rate = item.annualAmount(for: grade), !rate.isZero else { continue }
                        lines.append(AllocationLine(schoolCode: school.code, programmeID: programme.id, itemID: item.id,
                                                    round: round, grade: nil, level: level,
                                                    basis: .perPupil(pupils: pupils, rate: rate)))
                    }
                case .perSchool:
                    guard let amount = item.flatRate?.amount, !amount.isZero else { continue }
                    lines.append(AllocationLine(schoolCode: school.code, programmeID: programme.id, itemID: item.id,
                                                round: round, grade: nil, basis: .perSchool(amount: amount)))
                case .floor:
                    guard let floor = item.flatRate?.amount else { continue }
                    let basis = LineBasis.floorTopUp(pupils: enrolment.total, floorPerHead: floor,
                                                     before: otherTotals[school.code] ?? .zero)
                    guard basis.amount > .zero else { continue }
                    lines.append(AllocationLine(schoolCode: school.code, programmeID: programme.id, itemID: item.id,
                                                round: round, grade: nil, basis: basis))
                }
            }
        }
        return lines
    }
}
