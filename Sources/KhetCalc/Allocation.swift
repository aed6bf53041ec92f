import KhetCore

/// The result of a calculator: its lines in a stable order (school code, round, item order,
/// grade) and the problems it met. Totals are derived from the lines on request.
public struct Allocation: Sendable {
    public var lines: [AllocationLine]
    public var rounds: [PaymentRound]
    public var diagnostics: [Diagnostic]
    /// What each envelope did: scaled entitlements down, or left money unallocated.
    public var envelopes: [EnvelopeOutcome]

    public init(lines: [AllocationLine], rounds: [PaymentRound], diagnostics: [Diagnostic],
                envelopes: [EnvelopeOutcome] = []) {
        self.lines = lines
        self.rounds = rounds
        self.diagnostics = diagnostics
        self.envelopes = envelopes
    }

    /// Sum of the lines that pass `filter`.
    public func total(where filter: (AllocationLine) -> Bool = { _ in true }) -> Money {
        lines.reduce(.zero) { filter($1) ? $0 + $1.amount : $0 }
    }

    /// Totals per school and item over the whole fiscal year, computed in one pass.
    public func totalsBySchoolAndItem() -> [String: [String: Money]] {
        totalsBySchool(and: { $0.itemID })
    }

    /// The lines of one round, in order.
    public func lines(in round: PaymentRound) -> [AllocationLine] {
        lines.filter { $0.round == round }
    }

    /// Totals per school and programme, computed in one pass.
    public func totalsBySchoolAndProgramme() -> [String: [String: Money]] {
        totalsBySchool(and: { $0.programmeID })
    }

    /// Lines come in runs of one school with a handful of keys: each run is summed in a short
    /// list and stored once, instead of hashing two strings for every line.
    private func totalsBySchool(and key: (AllocationLine) -> String) -> [String: [String: Money]] {
        var totals: [String: [String: Money]] = [:]
        var school: String?
        var run: [(key: String, amount: Money)] = []
        func store() {
            guard let school else { return }
            var byKey = totals[school] ?? [:]
            for entry in run { byKey[entry.key, default: .zero] += entry.amount }
            totals[school] = byKey
        }
        for index in lines.indices {
            if lines[index].schoolCode != school {
                store()
                school = lines[index].schoolCode
                run.removeAll(keepingCapacity: true)
            }
            let value = key(lines[index])
            let amount = lines[index].amount
            if let entry = run.lastIndex(where: { $0.key == value }) {
                run[entry].amount += amount
            } else {
                run.append((value, amount))
            }
        }
        store()
        return totals
    }

    /// The rounds in which a programme has lines, in order.
    public func rounds(of programmeID: String) -> [PaymentRound] {
        Array(Set(lines.lazy.filter { $0.programmeID == programmeID }.map(\.round))).sorted()
    }
}
