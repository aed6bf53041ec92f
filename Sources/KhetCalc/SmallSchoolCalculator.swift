import KhetCore

/// The small-school top-up (domain §7): schools whose pupils fall within the framework's range
/// (and, when it says so, special-area schools only) get either a per-head amount, a flat
/// amount, or whatever lifts their money per head from the other programmes to a floor.
///
/// Like is compared with like (README, "Small-school top-ups"):
/// - an item with a **yearly** rate is paid once for the fiscal year: the school is small on the
///   latest snapshot, pupils are counted there, and a floor is compared with the year's money
///   per head from the other programmes;
/// - an item with a **per-term** rate is paid term by term (both terms of the fiscal year for
///   `each-term`, term 1 only for `term-1`): in each term the school is small, and its pupils
///   counted, on that term's 10 June snapshot, and a floor is compared with that term's money
///   per head (the other programmes' lines of the term's rounds plus half of their whole-year
///   lines). A per-term rate R paid each term is therefore 2R a year, per school or per head.
struct SmallSchoolCalculator {
    let programme: Programme
    let rule: SmallSchoolRule
    /// How warnings name the framework.
    var origin = "framework"

    struct Result {
        var lines: [AllocationLine]
        var diagnostics: [Diagnostic]
    }

    /// `others`: the lines of the programmes computed before this one.
    func allocate(_ inputs: AllocationInputs, others: [AllocationLine]) -> Result {
        var lines: [AllocationLine] = []
        var diagnostics: [Diagnostic] = []
        let wholeYear = PaymentRound.wholeYear(of: inputs.fiscalYear)
        let money = OtherMoney(others, fiscalYear: inputs.fiscalYear)
        for item in programme.items {
            guard item.unit == .perTerm else {
                lines += allocate(item, in: wholeYear, snapshot: inputs.latestSnapshot, schools: inputs.schools,
                                  before: money.year)
                continue
            }
            for term in inputs.fiscalYear.terms where item.paidIn == .eachTerm || term.number == 1 {
                let round = PaymentRound(term: term, kind: .fullTerm)
                guard let snapshot = inputs.snapshots.first(where: { $0.date == round.snapshotDate }) else {
                    let date = round.snapshotDate.map(\.englishLong) ?? "?"
                    diagnostics.append(Diagnostic(
                        .warning, code: "CALC015", file: origin,
                        message: "the small-school \(item.id) of term \(term) is not computed: the batch has no snapshot of \(date)",
                        thaiMessage: "ไม่ได้คำนวณ \(item.thaiName) ภาคเรียนที่ \(term): ไม่มีข้อมูลนักเรียน ณ \(round.snapshotDate?.thaiShort ?? "?")"))
                    continue
                }
                lines += allocate(item, in: round, snapshot: snapshot, schools: inputs.schools,
                                  before: money.term[term] ?? [:])
            }
        }
        return Result(lines: lines, diagnostics: diagnostics)
    }

    /// One payment of `item`: per-term items pay their rate for the term, yearly items their
    /// rate for the year (a yearly rate is never split here: the programme pays once).
    private func allocate(_ item: FundingItem, in round: PaymentRound, snapshot: Snapshot?, schools: [School],
                          before: [String: Money]) -> [AllocationLine] {
        var lines: [AllocationLine] = []
        for school in schools {
            let enrolment = snapshot?.counts(for: school.code) ?? GradeCounts()
            guard rule.isEligible(school, pupils: enrolment.total) else { continue }
            func line(level: Level? = nil, _ basis: LineBasis) -> AllocationLine {
                AllocationLine(schoolCode: school.code, programmeID: programme.id, itemID: item.id, round: round,
                               grade: nil, level: level, basis: basis)
            }
            switch rule.mode {
            case .perHead:
                for level in Level.allCases {
                    let pupils = enrolment.total(of: level)
                    guard pupils > 0, let grade = level.grades.first, let rate = item.rate(for: grade)?.amount,
                          !rate.isZero else { continue }
                    lines.append(line(level: level, .perPupil(pupils: pupils, rate: rate)))
                }
            case .perSchool:
                guard let amount = item.flatRate?.amount, !amount.isZero else { continue }
                lines.append(line(.perSchool(amount: amount)))
            case .floor:
                guard let floor = item.flatRate?.amount else { continue }
                let basis = LineBasis.floorTopUp(pupils: enrolment.total, floorPerHead: floor,
                                                 before: before[school.code] ?? .zero)
                guard basis.amount > .zero else { continue }
                lines.append(line(basis))
            }
        }
        return lines
    }

    /// Each school's money from the other programmes, for the year and for each term.
    private struct OtherMoney {
        var year: [String: Money] = [:]
        var term: [Term: [String: Money]] = [:]

        /// A line of a round belongs to its term; a whole-year line is halved between the two
        /// terms, the odd baht to the later one (domain §4.3).
        init(_ lines: [AllocationLine], fiscalYear: FiscalYear) {
            let terms = fiscalYear.terms
            for line in lines {
                year[line.schoolCode, default: .zero] += line.amount
                guard line.round.kind == .wholeYear else {
                    term[line.round.term, default: [:]][line.schoolCode, default: .zero] += line.amount
                    continue
                }
                let halves = line.amount.splitOverTwoTerms
                term[terms[0], default: [:]][line.schoolCode, default: .zero] += halves.first
                term[terms[1], default: [:]][line.schoolCode, default: .zero] += halves.second
            }
        }
    }
}
