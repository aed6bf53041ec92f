import KhetCore

/// Food money for boarding pupils (domain §6): boarders of schools marked as boarding schools,
/// per level at the item's yearly rate, at most the framework's cap per school. Boarders of a
/// school not marked as a boarding school are not funded and are reported.
struct BoarderCalculator {
    let programme: Programme
    let capPerSchool: Int?
    let origin: String

    func allocate(_ inputs: AllocationInputs) -> (lines: [AllocationLine], diagnostics: [Diagnostic]) {
        let round = PaymentRound.wholeYear(of: inputs.fiscalYear)
        var lines: [AllocationLine] = []
        var diagnostics: [Diagnostic] = []
        for school in inputs.schools {
            let boarders = inputs.boarders[school.code] ?? GradeCounts()
            guard boarders.total > 0 else { continue }
            guard school.isBoarding else {
                diagnostics.append(Diagnostic(.warning, code: "CALC011", file: inputs.boardersFile,
                                              message: "school \(school.code) has \(boarders.total) boarders but is not marked as a boarding school; they are not funded",
                                              hint: "mark it in the schools file (พักนอน = 1) if it houses pupils"))
                continue
            }
            // The cap is filled from the youngest level up, so the result does not depend on order.
            var capLeft = capPerSchool ?? Int.max
            for level in Level.allCases {
                let counted = boarders.total(of: level)
                guard counted > 0 else { continue }
                let funded = min(counted, capLeft)
                capLeft -= funded
                for item in programme.items {
                    guard let grade = level.grades.first, let rate = item.annualAmount(for: grade), !rate.isZero else { continue }
                    lines.append(AllocationLine(schoolCode: school.code, programmeID: programme.id, itemID: item.id,
                                                round: round, grade: nil, level: level,
                                                basis: .boarders(counted: counted, cap: capPerSchool, funded: funded, rate: rate)))
                }
            }
        }
        return (lines, diagnostics)
    }
}
