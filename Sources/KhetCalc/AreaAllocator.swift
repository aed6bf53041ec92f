import KhetCore

/// Runs every programme of a framework over an area and applies the envelopes: the whole
/// allocation job of the office in one call, a pure function of (inputs, framework).
public struct AreaAllocator {
    public let framework: Framework

    public init(framework: Framework) { self.framework = framework }

    /// The year's allocation (`transfer` nil), or what one transfer pays against the ledger.
    public func allocate(_ inputs: AllocationInputs, transfer: TransferPlan? = nil) -> Allocation {
        guard let transfer else { return allocate(inputs, paidAdvance: [:]) }
        return TransferCalculation(allocator: self, inputs: inputs, plan: transfer).allocation()
    }

    /// What each school was paid as each per-pupil programme's advance: programme → school → item.
    typealias PaidAdvance = [String: [String: [String: Money]]]

    /// Every programme over the area, envelopes applied; a per-pupil programme whose advance is
    /// in `paidAdvance` deducts that advance from its balance.
    func allocate(_ inputs: AllocationInputs, paidAdvance: PaidAdvance) -> Allocation {
        var lines: [AllocationLine] = []
        var rounds: [PaymentRound] = []
        var diagnostics: [Diagnostic] = []
        var envelopes: [EnvelopeOutcome] = []
        let origin = framework.origin
        // Every total is a sum of lines, so when the lines' absolute amounts add up without
        // overflow, no total can overflow. The importers' limits keep real areas far below.
        var absoluteTotal: Int64 = 0
        // Small schools may lift a school's money per head, so they come after the others.
        let ordered = framework.programmes.filter { !$0.isSmallSchools } + framework.programmes.filter(\.isSmallSchools)
        for programme in ordered {
            var programmeLines: [AllocationLine]
            switch programme.rule {
            case .perPupil:
                let calculator = FreeEducationCalculator(framework: framework, programme: programme)
                let result = calculator.allocate(schools: inputs.schools, snapshots: inputs.snapshots,
                                                 fiscalYear: inputs.fiscalYear, paidAdvance: paidAdvance[programme.id])
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
                let result = SmallSchoolCalculator(programme: programme, rule: rule, origin: origin)
                    .allocate(inputs, others: lines)
                programmeLines = result.lines
                diagnostics += result.diagnostics
            }
            for line in programmeLines {
                let size = line.amount.satang == .min ? Int64.max : abs(line.amount.satang)
                let (sum, overflow) = absoluteTotal.addingReportingOverflow(size)
                if overflow {
                    diagnostics.append(Diagnostic(.error, code: "CALC016", file: origin,
                                                  message: "the amounts of programme \(programme.id) are too large to add up; check the counts and rates",
                                                  thaiMessage: "จำนวนเงินของ \(programme.id) มากเกินกว่าจะรวมได้ ให้ตรวจจำนวนนักเรียนและอัตรา"))
                    return Allocation(lines: [], rounds: [], diagnostics: diagnostics, envelopes: envelopes)
                }
                absoluteTotal = sum
            }
            let scaled = applyEnvelopes(of: programme, to: programmeLines)
            programmeLines += scaled.lines
            envelopes += scaled.outcomes
            lines += programmeLines
            for round in Set(programmeLines.map(\.round)) where !rounds.contains(round) { rounds.append(round) }
        }
        return Allocation(lines: AreaAllocator.inLineOrder(lines, framework: framework), rounds: rounds.sorted(),
                          diagnostics: diagnostics, envelopes: envelopes)
    }

    /// Item envelopes first, then the programme's envelope over what the items were given.
    /// `paidBefore` gives what earlier transfers already took of an envelope (programme, item);
    /// `round` picks the round the scaling lines go in.
    func applyEnvelopes(of programme: Programme, to lines: [AllocationLine],
                        paidBefore: (String?) -> Money = { _ in .zero },
                        round: ([AllocationLine]) -> PaymentRound? = { $0.map(\.round).max() })
        -> (lines: [AllocationLine], outcomes: [EnvelopeOutcome]) {
        var added: [AllocationLine] = []
        var outcomes: [EnvelopeOutcome] = []
        for item in programme.items {
            guard let envelope = item.envelope else { continue }
            let result = scale(lines.filter { $0.itemID == item.id }, to: envelope, paidBefore: paidBefore(item.id),
                               round: round, programmeID: programme.id, itemID: item.id)
            added += result.lines
            outcomes.append(result.outcome)
        }
        if let envelope = programme.envelope {
            let result = scale(lines + added, to: envelope, paidBefore: paidBefore(nil), round: round,
                               programmeID: programme.id, itemID: nil)
            added += result.lines
            outcomes.append(result.outcome)
        }
        return (added, outcomes)
    }

    /// `lines` scaled to what is left of `envelope` once `paidBefore` is taken off it.
    private func scale(_ lines: [AllocationLine], to envelope: Envelope, paidBefore: Money,
                       round: ([AllocationLine]) -> PaymentRound?, programmeID: String, itemID: String?)
        -> (lines: [AllocationLine], outcome: EnvelopeOutcome) {
        var entitlements: [String: Money] = [:]
        for line in lines { entitlements[line.schoolCode, default: .zero] += line.amount }
        let total = entitlements.values.reduce(Money.zero, +)
        let left = max(.zero, envelope.amount - paidBefore)
        let shares = EnvelopeScaler().shares(of: left, entitlements: entitlements)
        guard let round = round(lines) else {
            return ([], EnvelopeOutcome(programmeID: programmeID, itemID: itemID, entitlement: .zero,
                                        envelope: envelope.amount, allocated: .zero, paidBefore: paidBefore))
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
                                         envelope: envelope.amount, allocated: allocated, paidBefore: paidBefore))
    }

    /// The item id of a programme envelope's scaling lines.
    public static let envelopeItemID = "envelope"

    /// School code, programme in framework order, round, item in framework order, then level and grade.
    /// Each line's key is worked out once, not in every comparison: a national run sorts millions
    /// of lines, and looking ranks up by name per comparison was most of the calculation's time.
    static func inLineOrder(_ lines: [AllocationLine], framework: Framework) -> [AllocationLine] {
        var programmeRank: [String: Int] = [:]
        var itemRank: [String: [String: Int]] = [:]
        for (index, programme) in framework.programmes.enumerated() {
            programmeRank[programme.id] = index
            for (itemIndex, item) in programme.items.enumerated() { itemRank[programme.id, default: [:]][item.id] = itemIndex }
        }
        let levels = Level.allCases
        // Rounds are a handful: found in a short list; their order is known once all are seen.
        var rounds: [PaymentRound] = []
        // School codes are numbered in the order met (once per run of one school's lines) and
        // ranked by sorting the distinct codes at the end, so the pass hashes no strings per line.
        var schoolSlot: [String: Int] = [:]
        var slotCodes: [String] = []
        // Lines come in runs of one school and one item: the last lookups are kept.
        var last: (school: String, slot: Int, programme: String, item: String, programmeRank: Int, itemRank: Int)?
        var partial: [(slot: Int, round: Int, rest: UInt64)] = []
        partial.reserveCapacity(lines.count)
        for index in lines.indices {
            let schoolCode = lines[index].schoolCode, programmeID = lines[index].programmeID
            let itemID = lines[index].itemID, round = lines[index].round
            if last?.school != schoolCode {
                let slot: Int
                if let known = schoolSlot[schoolCode] { slot = known } else {
                    slot = slotCodes.count
                    schoolSlot[schoolCode] = slot
                    slotCodes.append(schoolCode)
                }
                last = (schoolCode, slot, last?.programme ?? "", last?.item ?? "", last?.programmeRank ?? 0, last?.itemRank ?? 0)
            }
            if last?.programme != programmeID || last?.item != itemID {
                last?.programme = programmeID
                last?.item = itemID
                last?.programmeRank = programmeRank[programmeID] ?? Int.max
                last?.itemRank = itemRank[programmeID]?[itemID] ?? Int.max
            }
            let roundIndex: Int
            if let found = rounds.firstIndex(of: round) { roundIndex = found } else {
                roundIndex = rounds.count
                rounds.append(round)
            }
            let level = lines[index].level.map { levels.firstIndex(of: $0) ?? 0 } ?? 99
            partial.append((last?.slot ?? 0, roundIndex,
                            LineKey.packed(school: 0, programme: last?.programmeRank ?? Int.max, round: 0,
                                           item: last?.itemRank ?? Int.max, level: level,
                                           grade: lines[index].grade?.rawValue ?? 99, basis: lines[index].basis.sortKey)))
        }
        // School codes and rounds become their ranks, so comparing two keys compares integers.
        var schoolRank = [Int](repeating: 0, count: slotCodes.count)
        for (rank, slot) in slotCodes.indices.sorted(by: { slotCodes[$0] < slotCodes[$1] }).enumerated() { schoolRank[slot] = rank }
        var roundRank = [Int](repeating: 0, count: rounds.count)
        for (rank, slot) in rounds.indices.sorted(by: { rounds[$0] < rounds[$1] }).enumerated() { roundRank[slot] = rank }
        let keys = partial.map { entry in
            entry.rest | LineKey.packed(school: schoolRank[entry.slot], programme: 0, round: roundRank[entry.round],
                                        item: 0, level: 0, grade: 0, basis: 0)
        }
        // Sorting is stable, so lines with equal keys keep the order they were made in.
        return lines.indices.sorted { keys[$0] < keys[$1] }.map { lines[$0] }
    }

    /// A line's place as one integer: school rank in the high 32 bits, then programme, round,
    /// item, level, grade and basis in fields wide enough for any framework (unknown ranks,
    /// Int.max, are clamped to the field's largest value and so still sort last).
    private enum LineKey {
        static func packed(school: Int, programme: Int, round: Int, item: Int, level: Int, grade: Int, basis: Int) -> UInt64 {
            func field(_ value: Int, bits: Int) -> UInt64 { UInt64(min(max(value, 0), (1 << bits) - 1)) }
            return field(school, bits: 32) << 32 | field(programme, bits: 5) << 27 | field(round, bits: 5) << 22
                | field(item, bits: 6) << 16 | field(level, bits: 7) << 9 | field(grade, bits: 7) << 2 | field(basis, bits: 2)
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
        case .listAdjustment: return 4
        case .correction: return 5
        }
    }
}
