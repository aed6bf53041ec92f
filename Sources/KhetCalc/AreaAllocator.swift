import KhetCore

/// Runs every programme of a framework over an area and applies the envelopes: the whole
/// allocation job of the office in one call, a pure function of (inputs, framework).
public struct AreaAllocator {
    public let framework: Framework

    public init(framework: Framework) { self.framework = framework }

    public func allocate(_ inputs: AllocationInputs) -> Allocation {
        var lines: [AllocationLine] = []
        var rounds: [PaymentRound] = []
        var diagnostics: [Diagnostic] = []
        var envelopes: [EnvelopeOutcome] = []
        let origin = framework.origin
        // Small schools may lift a school's money per head, so they come after the others.
        let ordered = framework.programmes.filter { !$0.isSmallSchools } + framework.programmes.filter(\.isSmallSchools)
        for programme in ordered {
            var programmeLines: [AllocationLine]
            switch programme.rule {
            case .perPupil:
                let calculator = FreeEducationCalculator(framework: framework, programme: programme)
                let result = calculator.allocate(schools: inputs.schools, snapshots: inputs.snapshots,
                                                 fiscalYear: inputs.fiscalYear)
                programmeLines = result.lines
                diagnostics += result.diagnostics
            case .poorPupils(let caps):
                let result = PoorPupilCalculator(programme: programme, capPercent: caps, origin: origin).allocate(inputs)
                programmeLines = result.lines
                diagnostics += result.diagnostics
            case .boarders(let cap):
                let result = BoarderCalculator(programme: programme, capPerSchool: cap, origin: origin).allocate(inputs)
                programmeLines = result.lines
                diagnostics += result.diagnostics
            case .smallSchools(let rule):
                var others: [String: Money] = [:]
                for line in lines { others[line.schoolCode, default: .zero] += line.amount }
                programmeLines = SmallSchoolCalculator(programme: programme, rule: rule)
                    .allocate(inputs, otherTotals: others)
            }
            let scaled = applyEnvelopes(of: programme, to: programmeLines)
            programmeLines += scaled.lines
            envelopes += scaled.outcomes
            lines += programmeLines
            for round in Set(programmeLines.map(\.round)) where !rounds.contains(round) { rounds.append(round) }
        }
        return Allocation(lines: lines.sorted(by: AreaAllocator.lineOrder(framework)), rounds: rounds.sorted(),
                          diagnostics: diagnostics, envelopes: envelopes)
    }

    /// Item envelopes first, then the programme's envelope over what the items were given.
    private func applyEnvelopes(of programme: Programme, to lines: [AllocationLine])
        -> (lines: [AllocationLine], outcomes: [EnvelopeOutcome]) {
        var added: [AllocationLine] = []
        var outcomes: [EnvelopeOutcome] = []
        for item in programme.items {
            guard let envelope = item.envelope else { continue }
            let result = scale(lines.filter { $0.itemID == item.id }, to: envelope, programmeID: programme.id, itemID: item.id)
            added += result.lines
            outcomes.append(result.outcome)
        }
        if let envelope = programme.envelope {
            let result = scale(lines + added, to: envelope, programmeID: programme.id, itemID: nil)
            added += result.lines
            outcomes.append(result.outcome)
        }
        return (added, outcomes)
    }

    private func scale(_ lines: [AllocationLine], to envelope: Envelope, programmeID: String, itemID: String?)
        -> (lines: [AllocationLine], outcome: EnvelopeOutcome) {
        var entitlements: [String: Money] = [:]
        for line in lines { entitlements[line.schoolCode, default: .zero] += line.amount }
        let total = entitlements.values.reduce(Money.zero, +)
        let shares = EnvelopeScaler().shares(of: envelope.amount, entitlements: entitlements)
        guard let round = lines.map(\.round).max() else {
            return ([], EnvelopeOutcome(programmeID: programmeID, itemID: itemID, entitlement: .zero,
                                        envelope: envelope.amount, allocated: .zero))
        }
        var scaling: [AllocationLine] = []
        for (code, entitlement) in entitlements.sorted(by: { $0.key < $1.key }) {
            let share = shares[code] ?? entitlement
            guard share != entitlement else { continue }
            scaling.append(AllocationLine(
                schoolCode: code, programmeID: programmeID, itemID: itemID ?? AreaAllocator.envelopeItemID, round: round,
                grade: nil, basis: .envelopeScaling(entitlement: entitlement, allocated: share,
                                                    envelope: envelope.amount, totalEntitlement: total)))
        }
        let allocated = shares.values.reduce(Money.zero, +)
        return (scaling, EnvelopeOutcome(programmeID: programmeID, itemID: itemID, entitlement: total,
                                         envelope: envelope.amount, allocated: allocated))
    }

    /// The item id of a programme envelope's scaling lines.
    public static let envelopeItemID = "envelope"

    /// School code, programme in framework order, round, item in framework order, then level and grade.
    static func lineOrder(_ framework: Framework) -> (AllocationLine, AllocationLine) -> Bool {
        var programmeRank: [String: Int] = [:]
        var itemRank: [String: Int] = [:]
        for (index, programme) in framework.programmes.enumerated() {
            programmeRank[programme.id] = index
            for (itemIndex, item) in programme.items.enumerated() { itemRank[programme.id + "/" + item.id] = itemIndex }
        }
        return { a, b in
            if a.schoolCode != b.schoolCode { return a.schoolCode < b.schoolCode }
            let pa = programmeRank[a.programmeID] ?? Int.max, pb = programmeRank[b.programmeID] ?? Int.max
            if pa != pb { return pa < pb }
            if a.round != b.round { return a.round < b.round }
            let ia = itemRank[a.programmeID + "/" + a.itemID] ?? Int.max, ib = itemRank[b.programmeID + "/" + b.itemID] ?? Int.max
            if ia != ib { return ia < ib }
            let la = a.level.map { Level.allCases.firstIndex(of: $0) ?? 0 } ?? 99
            let lb = b.level.map { Level.allCases.firstIndex(of: $0) ?? 0 } ?? 99
            if la != lb { return la < lb }
            return (a.grade?.rawValue ?? 99, a.basis.sortKey) < (b.grade?.rawValue ?? 99, b.basis.sortKey)
        }
    }
}

extension Programme {
    var isSmallSchools: Bool {
        if case .smallSchools = rule { return true }
        return false
    }
}

extension LineBasis {
    /// Within one grade or item: entitlement lines, then deductions, then adjustments.
    var sortKey: Int {
        switch self {
        case .perPupil, .advance, .capped, .boarders, .perSchool, .floorTopUp: return 0
        case .lessAdvance: return 1
        case .noRecovery: return 2
        case .envelopeScaling: return 3
        }
    }
}
