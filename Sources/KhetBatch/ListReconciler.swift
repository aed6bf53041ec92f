import KhetCalc
import KhetCore
import KhetImport

/// Reconciles each of the batch's OBEC lists with the allocation. To name the likely cause of a
/// difference it allocates again as OBEC might have: on each other snapshot in place of the
/// round's, without the programme's envelope, without the poor pupils' cap.
struct ListReconciler {
    let data: BatchData
    let framework: Framework
    let allocation: Allocation

    func reconcile() throws(StageFailure) -> [Reconciliation] {
        var results: [Reconciliation] = []
        var problems: [Diagnostic] = []
        for (input, list) in data.allocationLists {
            let rounds = allocation.rounds(of: input.programmeID)
            guard let round = input.round.round(in: rounds) else {
                problems.append(Diagnostic(
                    .error, code: "BAT012", file: data.manifest.file.displayName, line: input.line, column: input.column,
                    message: "programme \(input.programmeID) is not paid in round \(input.round.text) this fiscal year",
                    hint: "its rounds: \(rounds.map(RoundName.name(of:)).joined(separator: ", "))"))
                continue
            }
            let reconciler = Reconciler(programmeID: input.programmeID, round: round, columns: list.columns,
                                        totalColumn: AllocationListImporter.programmeTotal)
            results.append(reconciler.reconcile(list: list.amounts, allocation: allocation,
                                                alternatives: alternatives(for: input.programmeID, round: round)))
        }
        if !problems.isEmpty { throw StageFailure.calculation(data.diagnostics + problems) }
        return results
    }

    /// The allocation the office pays: for each list the batch says the notices follow
    /// (`notices = "obec"`), a line per school and item taking Khet's figure to OBEC's. The
    /// reconciliations themselves stay Khet's own against the list.
    func followingLists(_ reconciliations: [Reconciliation]) throws(StageFailure) -> Allocation {
        var paid = allocation
        for (input, reconciliation) in zip(data.allocationLists.map(\.input), reconciliations) where input.noticesFromList {
            guard !reconciliation.lines.contains(where: { $0.column == AllocationListImporter.programmeTotal }) else {
                throw StageFailure.calculation(data.diagnostics + [Diagnostic(
                    .error, code: "BAT014", file: data.manifest.file.displayName, line: input.line, column: input.column,
                    message: "notices can follow OBEC's list only when it gives each item's amount, not the programme's total",
                    hint: "use the list with one column per item, or leave notices = \"khet\"")])
            }
            for line in reconciliation.lines where line.difference != .zero {
                paid.lines.append(AllocationLine(
                    schoolCode: line.schoolCode, programmeID: reconciliation.programmeID, itemID: line.column,
                    round: reconciliation.round, grade: nil,
                    basis: .listAdjustment(listed: line.listed ?? .zero, computed: line.computed)))
            }
        }
        return paid
    }

    private func alternatives(for programmeID: String, round: PaymentRound) -> [(cause: Reconciliation.Cause, allocation: Allocation)] {
        let inputs = data.allocationInputs
        var result: [(cause: Reconciliation.Cause, allocation: Allocation)] = []
        if let date = round.snapshotDate, let index = inputs.snapshots.firstIndex(where: { $0.date == date }) {
            for other in inputs.snapshots where other.date != date {
                var moved = inputs
                moved.snapshots[index] = Snapshot(date: date, counts: other.counts)
                result.append((.otherSnapshot(other.date), AreaAllocator(framework: framework).allocate(moved)))
            }
        }
        guard let position = framework.programmes.firstIndex(where: { $0.id == programmeID }) else { return result }
        let programme = framework.programmes[position]
        if round.kind == .advance, let date = round.snapshotDate, let november = inputs.snapshots.first(where: { $0.date == date }) {
            result.append((.notAdvanced, notAdvanced(programme, round: round, november: november)))
        }
        if programme.envelope != nil || programme.items.contains(where: { $0.envelope != nil }) {
            var unbounded = framework
            unbounded.programmes[position].envelope = nil
            for item in unbounded.programmes[position].items.indices { unbounded.programmes[position].items[item].envelope = nil }
            result.append((.beforeEnvelopeScaling, AreaAllocator(framework: unbounded).allocate(inputs)))
        }
        if case .poorPupils = programme.rule {
            var uncapped = framework
            uncapped.programmes[position].rule = .poorPupils(capPercent: [:])
            result.append((.withoutCap, AreaAllocator(framework: uncapped).allocate(inputs)))
        }
        return result
    }

    /// The allocation with the round's advance funding each grade on its own November count
    /// (as the advance lines are made, without the move up a grade); its other lines as they are.
    private func notAdvanced(_ programme: Programme, round: PaymentRound, november: Snapshot) -> Allocation {
        let rule = framework.advance
        var lines = allocation.lines.filter {
            !($0.programmeID == programme.id && $0.round == round && { if case .advance = $0.basis { return true } else { return false } }($0))
        }
        for school in data.schools {
            let counts = november.counts(for: school.code)
            for item in programme.items {
                for grade in Grade.allCases {
                    let counted = counts[grade]
                    let funded = rule.rounding.apply(count: counted, percent: rule.percent)
                    guard funded > 0, let rate = item.perPupilAmount(for: grade, termNumber: round.term.number), !rate.isZero else { continue }
                    lines.append(AllocationLine(
                        schoolCode: school.code, programmeID: programme.id, itemID: item.id, round: round, grade: grade,
                        basis: .advance(counted: counted, countedGrade: grade, percent: rule.percent, rounding: rule.rounding,
                                        funded: funded, rate: rate)))
                }
            }
        }
        return Allocation(lines: lines, rounds: allocation.rounds, diagnostics: [])
    }
}
