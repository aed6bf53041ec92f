import KhetCore

/// Free 15-year education (domain §4): five per-pupil items paid for each round of a fiscal year.
///
/// FY N pays term 2 of academic year N-1 on the 10 June N-1 count, then term 1 of academic year N
/// in two rounds: an advance of a share (70%) of the 10 November N-1 count advanced one grade,
/// and the balance of the full term-1 entitlement on the 10 June N count less that advance.
/// A round whose snapshot is missing is not computed and says so.
public struct FreeEducationCalculator {
    public static let programmeID = "free-education"

    public let framework: Framework
    public let programme: Programme

    /// Nil when the framework has no free-education programme.
    public init?(framework: Framework) {
        guard let programme = framework.programme(Self.programmeID) else { return nil }
        self.init(framework: framework, programme: programme)
    }

    /// Any per-pupil programme of the framework, paid round by round like free education.
    public init(framework: Framework, programme: Programme) {
        self.framework = framework
        self.programme = programme
    }

    /// `paidAdvance`: what the ledger says each school was paid as the advance, per item, when
    /// it was confirmed; the balance then deducts that, never a recomputed advance.
    public func allocate(schools: [School], snapshots: [Snapshot], fiscalYear: FiscalYear,
                         paidAdvance: [String: [String: Money]]? = nil) -> Allocation {
        var diagnostics: [Diagnostic] = []
        let byDate = Dictionary(snapshots.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        let plan = roundsToPay(fiscalYear: fiscalYear, available: Set(byDate.keys), diagnostics: &diagnostics)
        checkRates(schools: schools, snapshots: snapshots, diagnostics: &diagnostics)

        var lines: [AllocationLine] = []
        for school in schools.sorted(by: { $0.code < $1.code }) {
            var advancePaid: [String: Money] = [:]
            for round in plan {
                guard let date = round.snapshotDate, let snapshot = byDate[date] else { continue }
                let counts = snapshot.counts(for: school.code)
                switch round.kind {
                case .fullTerm, .wholeYear:
                    lines += entitlementLines(school: school.code, counts: counts, round: round)
                case .advance:
                    let advance = advanceLines(school: school.code, counts: counts, round: round)
                    for line in advance { advancePaid[line.itemID, default: .zero] += line.amount }
                    lines += advance
                case .balance:
                    let paid = paidAdvance.map { $0[school.code] ?? [:] }
                    lines += balanceLines(school: school.code, counts: counts, round: round,
                                          advancePaid: paid ?? advancePaid, recomputed: paid == nil ? nil : advancePaid)
                }
            }
        }
        return Allocation(lines: lines, rounds: plan, diagnostics: diagnostics)
    }

    /// The rounds of the fiscal year that the batch's snapshots allow, with a warning for each
    /// one that must wait for its snapshot.
    public func roundsToPay(fiscalYear: FiscalYear, available: Set<ThaiDate>,
                            diagnostics: inout [Diagnostic]) -> [PaymentRound] {
        var rounds: [PaymentRound] = []
        func has(_ round: PaymentRound) -> Bool { round.snapshotDate.map(available.contains) ?? false }
        func missing(_ round: PaymentRound, _ why: String) {
            let date = round.snapshotDate.map(\.englishLong) ?? "?"
            diagnostics.append(Diagnostic(.warning, code: "CALC001", file: framework.origin,
                                          message: "\(round.title(.english, advancePercent: framework.advance.percent)) is not computed: the batch has no snapshot of \(date)\(why)"))
        }
        for term in fiscalYear.terms {
            if term.number == 2 {
                let round = PaymentRound(term: term, kind: .fullTerm)
                if has(round) { rounds.append(round) } else { missing(round, "") }
                continue
            }
            let advance = PaymentRound(term: term, kind: .advance)
            let balance = PaymentRound(term: term, kind: .balance)
            switch (has(advance), has(balance)) {
            case (true, true):
                rounds += [advance, balance]
            case (true, false):
                rounds.append(advance)
                missing(balance, "")
            case (false, true):
                // Without the November count the advance cannot be known: pay the term in full.
                rounds.append(PaymentRound(term: term, kind: .fullTerm))
                missing(advance, "; term 1 is paid in full on the 10 June count")
            case (false, false):
                missing(advance, "")
                missing(balance, "")
            }
        }
        return rounds
    }

    /// Full entitlement of a term: every item, every grade with pupils.
    func entitlementLines(school: String, counts: GradeCounts, round: PaymentRound) -> [AllocationLine] {
        var lines: [AllocationLine] = []
        for item in programme.items {
            for grade in counts.taughtGrades {
                guard let rate = item.perPupilAmount(for: grade, termNumber: round.term.number), !rate.isZero else { continue }
                lines.append(AllocationLine(schoolCode: school, programmeID: programme.id, itemID: item.id, round: round,
                                            grade: grade, basis: .perPupil(pupils: counts[grade], rate: rate)))
            }
        }
        return lines
    }

    /// The term-1 advance: each grade funded on the November count of the grade below it
    /// (entry grades on their own count), times the advance share, rounded per grade.
    func advanceLines(school: String, counts: GradeCounts, round: PaymentRound) -> [AllocationLine] {
        let rule = framework.advance
        var lines: [AllocationLine] = []
        for item in programme.items {
            for grade in Grade.allCases {
                let source = grade.advancedFrom
                let counted = counts[source]
                let funded = rule.rounding.apply(count: counted, percent: rule.percent)
                guard funded > 0,
                      let rate = item.perPupilAmount(for: grade, termNumber: round.term.number), !rate.isZero else { continue }
                lines.append(AllocationLine(
                    schoolCode: school, programmeID: programme.id, itemID: item.id, round: round, grade: grade,
                    basis: .advance(counted: counted, countedGrade: source, percent: rule.percent,
                                    rounding: rule.rounding, funded: funded, rate: rate)))
            }
        }
        return lines
    }

    /// The term-1 balance per item: the full entitlement on the June count, less the advance
    /// paid for that item; a negative result is lifted to zero unless the framework recovers it.
    /// `recomputed`: the advance on today's November count, shown beside the one paid.
    func balanceLines(school: String, counts: GradeCounts, round: PaymentRound,
                      advancePaid: [String: Money], recomputed: [String: Money]? = nil) -> [AllocationLine] {
        let entitlement = entitlementLines(school: school, counts: counts, round: round)
        var lines: [AllocationLine] = []
        for item in programme.items {
            let itemLines = entitlement.filter { $0.itemID == item.id }
            lines += itemLines
            let paid = advancePaid[item.id] ?? .zero
            let today = recomputed.map { $0[item.id] ?? .zero }
            guard !paid.isZero || !(today?.isZero ?? true) else { continue }
            lines.append(AllocationLine(schoolCode: school, programmeID: programme.id, itemID: item.id, round: round,
                                        grade: nil, basis: .lessAdvance(paid: paid, recomputed: today)))
            let balance = itemLines.map(\.amount).sum() - paid
            if balance.isNegative && !framework.advance.allowsRecovery {
                lines.append(AllocationLine(schoolCode: school, programmeID: programme.id, itemID: item.id, round: round,
                                            grade: nil, basis: .noRecovery(shortfall: -balance)))
            }
        }
        return lines
    }

    /// Pupils in a grade that an item has no rate for would silently get nothing: an error.
    private func checkRates(schools: [School], snapshots: [Snapshot], diagnostics: inout [Diagnostic]) {
        var taught = Set<Grade>()
        for snapshot in snapshots {
            for counts in snapshot.counts.values { taught.formUnion(counts.taughtGrades) }
        }
        for item in programme.items {
            for grade in taught.sorted() where item.rate(for: grade) == nil {
                diagnostics.append(Diagnostic(.error, code: "CALC002", file: framework.origin,
                                              message: "item '\(item.id)' has no rate for \(grade.thaiCode) (\(grade.level.rawValue)) but the snapshots have pupils in it",
                                              hint: "add a <rate level=\"\(grade.level.rawValue)\" …/> to the framework"))
            }
        }
    }
}
