import KhetCore

/// OBEC's allocation list of one programme and round against Khet's own figures, school by
/// school and column by column (an item, or the programme's total), with the likely cause of
/// each difference.
public struct Reconciliation: Sendable {
    /// Why the two figures differ, as far as Khet can tell.
    public enum Cause: Sendable, Hashable {
        case agrees
        /// The school is in OBEC's list and Khet pays it nothing in this round.
        case onlyInList
        /// Khet pays the school in this round and OBEC's list does not have it.
        case onlyInKhet
        /// OBEC's figure is Khet's counted on another snapshot (`date`).
        case otherSnapshot(ThaiDate)
        /// OBEC's advance funds each grade on its own 10 November count, not moved up a grade.
        case notAdvanced
        /// OBEC's figure is the entitlement before the envelope's scaling.
        case beforeEnvelopeScaling
        /// OBEC's figure is the poor pupils' money without the cap on their share.
        case withoutCap
        /// The difference is a whole number of pupils at one of the item's rates.
        case pupils(count: Int, grade: Grade?, rate: Money)
        case unexplained
    }

    public struct Line: Sendable, Hashable {
        public var schoolCode: String
        /// An item ID, or `AllocationListImporter.programmeTotal`'s key for the programme as a whole.
        public var column: String
        /// OBEC's amount; nil when the school is not in the list.
        public var listed: Money?
        /// Khet's amount; zero when Khet pays the school nothing in the round.
        public var computed: Money
        public var cause: Cause

        /// OBEC's amount less Khet's: what the school gets more (or less) by the list.
        public var difference: Money { (listed ?? .zero) - computed }
        public var agrees: Bool { cause == .agrees }
    }

    public var programmeID: String
    public var round: PaymentRound
    /// Sorted by school code, then column in the list's order.
    public var lines: [Line]

    public var agrees: Bool { lines.allSatisfy(\.agrees) }
    public var listedTotal: Money { lines.compactMap(\.listed).sum() }
    public var computedTotal: Money { lines.map(\.computed).sum() }
    public var differences: [Line] { lines.filter { !$0.agrees } }
}

/// Compares a list with an allocation. The causes come from alternative allocations the caller
/// computed (Khet's figures on another snapshot, without the envelope, without the cap): when
/// OBEC's figure equals one of them, that is the likely cause.
public struct Reconciler: Sendable {
    public let programmeID: String
    public let round: PaymentRound
    /// The list's columns, in its order; `totalColumn` stands for the programme as a whole.
    public let columns: [String]
    public let totalColumn: String

    public init(programmeID: String, round: PaymentRound, columns: [String], totalColumn: String) {
        self.programmeID = programmeID
        self.round = round
        self.columns = columns
        self.totalColumn = totalColumn
    }

    /// Khet's amounts of the programme in the round, per school and column.
    public func amounts(in allocation: Allocation) -> [String: [String: Money]] {
        var result: [String: [String: Money]] = [:]
        for line in allocation.lines where line.programmeID == programmeID && line.round == round {
            result[line.schoolCode, default: [:]][line.itemID, default: .zero] += line.amount
            result[line.schoolCode, default: [:]][totalColumn, default: .zero] += line.amount
        }
        return result
    }

    public func reconcile(list: [String: [String: Money]], allocation: Allocation,
                          alternatives: [(cause: Reconciliation.Cause, allocation: Allocation)]) -> Reconciliation {
        let computed = amounts(in: allocation)
        let alternativeAmounts = alternatives.map { ($0.cause, amounts(in: $0.allocation)) }
        let rates = perPupilRates(in: allocation)
        var lines: [Reconciliation.Line] = []
        for school in Set(list.keys).union(computed.keys).sorted() {
            let listedRow = list[school]
            for column in columns {
                let listed = listedRow.map { $0[column] ?? .zero }
                let ours = computed[school]?[column] ?? .zero
                var cause = Reconciliation.Cause.agrees
                if listedRow == nil {
                    cause = ours == .zero ? .agrees : .onlyInKhet
                } else if let listed, listed != ours {
                    if computed[school] == nil {
                        cause = .onlyInList
                    } else if let found = alternativeAmounts.first(where: { ($0.1[school]?[column] ?? .zero) == listed }) {
                        cause = found.0
                    } else if let pupils = wholePupils(listed - ours, rates: rates[school]?[column] ?? []) {
                        cause = pupils
                    } else {
                        cause = .unexplained
                    }
                }
                if listedRow == nil && ours == .zero { continue }
                lines.append(Reconciliation.Line(schoolCode: school, column: column, listed: listed, computed: ours, cause: cause))
            }
        }
        return Reconciliation(programmeID: programmeID, round: round, lines: lines)
    }

    /// The per-pupil rates of each school's lines, per column, with their grades.
    private func perPupilRates(in allocation: Allocation) -> [String: [String: [(grade: Grade?, rate: Money)]]] {
        var result: [String: [String: [(grade: Grade?, rate: Money)]]] = [:]
        for line in allocation.lines where line.programmeID == programmeID && line.round == round {
            guard let rate = line.basis.rate, rate > .zero else { continue }
            result[line.schoolCode, default: [:]][line.itemID, default: []].append((line.grade, rate))
            result[line.schoolCode, default: [:]][totalColumn, default: []].append((line.grade, rate))
        }
        return result
    }

    /// A difference that is a whole number of pupils at one rate (the first that divides it).
    private func wholePupils(_ difference: Money, rates: [(grade: Grade?, rate: Money)]) -> Reconciliation.Cause? {
        for (grade, rate) in rates where difference.satang % rate.satang == 0 {
            let count = Int(difference.satang / rate.satang)
            if count != 0, abs(count) <= 50 { return .pupils(count: count, grade: grade, rate: rate) }
        }
        return nil
    }
}
