import KhetCore

/// What one transfer pays, against the ledger of what was paid before:
/// - today's entitlements, the balance deducting the advance the ledger says was paid;
/// - every round already paid, recomputed on the count it was paid on (a whole-year programme
///   on the snapshot it counted on then), compared per school and item with what was paid; a
///   difference is a correction line, never a silent change;
/// - the envelopes applied to what is not yet paid (and the corrections), against what is left
///   of them once the ledger's payments are taken off;
/// - of all that, the lines of the rounds paid now, and the corrections.
struct TransferCalculation {
    let allocator: AreaAllocator
    let inputs: AllocationInputs
    let plan: TransferPlan

    private var framework: Framework { allocator.framework }

    func allocation() -> Allocation {
        let paidAdvance = self.paidAdvance()
        let today = allocator.allocate(inputs, paidAdvance: paidAdvance)
        // A round the snapshots cannot compute yet matters to a transfer only when it is paid now
        // (CALC019) or was paid before (CALC018): October has no November count, and that is fine.
        var diagnostics = today.diagnostics.filter { $0.code != "CALC001" }
        guard !diagnostics.hasErrors else { return Allocation(lines: [], rounds: [], diagnostics: diagnostics) }
        var entitlements = today.lines.filter { !$0.basis.isAdjustment }
        var recomputable = Set(entitlements.map { PaidRounds.Key(programmeID: $0.programmeID, round: $0.round) })
        recountWholeYearRounds(&entitlements, recomputable: &recomputable, paidAdvance: paidAdvance)
        checkPlan(today: today, diagnostics: &diagnostics)
        let corrections = self.corrections(entitlements, recomputable: recomputable, diagnostics: &diagnostics)
        let unpaid = entitlements.filter { !plan.paid.isPaid($0.programmeID, $0.round) }

        var lines: [AllocationLine] = []
        var envelopes: [EnvelopeOutcome] = []
        for programme in framework.programmes {
            let candidates = (unpaid + corrections).filter { $0.programmeID == programme.id }
            let paidBefore = { (item: String?) -> Money in
                plan.paid.rounds.filter { $0.key.programmeID == programme.id }.values.flatMap(\.lines)
                    .filter { item == nil || $0.itemID == item }.map(\.amount).sum()
            }
            checkEnvelopes(of: programme, paidBefore: paidBefore, diagnostics: &diagnostics)
            let scaled = allocator.applyEnvelopes(
                of: programme, to: candidates, paidBefore: paidBefore,
                round: { lines in lines.filter(plan.pays).map(\.round).max() ?? lines.map(\.round).max() })
            envelopes += scaled.outcomes
            let paying = Set(candidates.filter(plan.pays).map(\.schoolCode))
            lines += candidates.filter(plan.pays) + scaled.lines.filter { paying.contains($0.schoolCode) }
        }
        let rounds = Array(Set(lines.map(\.round))).sorted()
        return Allocation(lines: AreaAllocator.inLineOrder(lines, framework: framework), rounds: rounds,
                          diagnostics: diagnostics, envelopes: envelopes)
    }

    /// The advance each school received per item (payments and corrections, envelope cuts left out).
    private func paidAdvance() -> AreaAllocator.PaidAdvance {
        var paid: AreaAllocator.PaidAdvance = [:]
        for (key, round) in plan.paid.rounds where key.round.kind == .advance {
            for line in round.lines where !line.isAdjustment {
                paid[key.programmeID, default: [:]][line.schoolCode, default: [:]][line.itemID, default: .zero] += line.amount
            }
        }
        return paid
    }

    /// A whole-year programme paid on an earlier snapshot is recomputed on that snapshot, so a
    /// new count does not silently change it (the small-school top-up stays what was notified).
    private func recountWholeYearRounds(_ lines: inout [AllocationLine], recomputable: inout Set<PaidRounds.Key>,
                                        paidAdvance: AreaAllocator.PaidAdvance) {
        for (key, round) in plan.paid.rounds.sorted(by: { ($0.key.round, $0.key.programmeID) < ($1.key.round, $1.key.programmeID) })
        where key.round.kind == .wholeYear {
            guard let countedOn = round.countedOn, let latest = inputs.latestSnapshot?.date, countedOn != latest else { continue }
            lines.removeAll { $0.programmeID == key.programmeID && $0.round == key.round }
            recomputable.remove(key)
            guard inputs.snapshots.contains(where: { $0.date == countedOn }) else { continue }
            var then = inputs
            then.snapshots = inputs.snapshots.filter { $0.date <= countedOn }
            let recounted = allocator.allocate(then, paidAdvance: paidAdvance).lines
                .filter { $0.programmeID == key.programmeID && $0.round == key.round && !$0.basis.isAdjustment }
            lines += recounted
            recomputable.insert(key)
        }
    }

    /// Each round already paid, today against what was paid: one correction line per school and
    /// item that differs. An advance is not corrected once its balance is paid now or was paid:
    /// the balance deducts the advance actually paid, which settles the term.
    private func corrections(_ lines: [AllocationLine], recomputable: Set<PaidRounds.Key>,
                             diagnostics: inout [Diagnostic]) -> [AllocationLine] {
        var corrections: [AllocationLine] = []
        let keys = plan.paid.rounds.keys.sorted { ($0.round, $0.programmeID) < ($1.round, $1.programmeID) }
        for key in keys {
            guard let paid = plan.paid.round(key.programmeID, key.round) else { continue }
            if key.round.kind == .advance {
                let balance = PaymentRound(term: key.round.term, kind: .balance)
                if plan.paying.contains(balance) || plan.paid.isPaid(key.programmeID, balance) { continue }
            }
            guard recomputable.contains(key) else {
                diagnostics.append(Diagnostic(
                    .warning, code: "CALC018", file: plan.origin,
                    message: "\(key.programmeID) \(key.round.title(.english, advancePercent: framework.advance.percent)) was paid but cannot be recomputed from this batch's snapshots, so it is not checked for corrections",
                    thaiMessage: "\(key.programmeID) \(key.round.title(.thai, advancePercent: framework.advance.percent)) โอนแล้ว แต่ชุดข้อมูลนี้ไม่มีข้อมูลนักเรียนที่ใช้คำนวณ จึงไม่ได้ตรวจยอดปรับปรุง"))
                continue
            }
            var today: [String: [String: Money]] = [:]
            for line in lines where line.programmeID == key.programmeID && line.round == key.round {
                today[line.schoolCode, default: [:]][line.itemID, default: .zero] += line.amount
            }
            let schools = Set(today.keys).union(paid.lines.filter { !$0.isAdjustment }.map(\.schoolCode))
            for school in schools.sorted() {
                let was = paid.entitlementByItem(of: school)
                let now = today[school] ?? [:]
                for item in Set(was.keys).union(now.keys).sorted() {
                    let recomputed = now[item] ?? .zero, transferred = was[item] ?? .zero
                    guard recomputed != transferred else { continue }
                    corrections.append(AllocationLine(
                        schoolCode: school, programmeID: key.programmeID, itemID: item, round: key.round, grade: nil,
                        basis: .correction(recomputed: recomputed, paid: transferred)))
                }
            }
        }
        return corrections
    }

    /// The rounds paid now must be computable; term 1 cannot be paid in full once its advance was paid.
    private func checkPlan(today: Allocation, diagnostics: inout [Diagnostic]) {
        let computed = Set(today.lines.map(\.round))
        for round in plan.paying.sorted() where !computed.contains(round) {
            diagnostics.append(Diagnostic(
                .error, code: "CALC019", file: plan.origin,
                message: "the batch pays \(round.title(.english, advancePercent: framework.advance.percent)), which its snapshots cannot compute",
                thaiMessage: "ชุดข้อมูลสั่งโอน \(round.title(.thai, advancePercent: framework.advance.percent)) แต่ไม่มีข้อมูลนักเรียนที่ใช้คำนวณ",
                hint: "add the snapshot the round counts on, or pay another round"))
        }
        for (key, _) in plan.paid.rounds where key.round.kind == .advance {
            let full = PaymentRound(term: key.round.term, kind: .fullTerm)
            guard computed.contains(full) else { continue }
            diagnostics.append(Diagnostic(
                .error, code: "CALC020", file: plan.origin,
                message: "the advance of term \(key.round.term) was paid, but without its 10 November snapshot the batch would pay term \(key.round.term) in full again",
                thaiMessage: "โอนเงินงวดที่ 1 ของภาคเรียนที่ \(key.round.term) แล้ว แต่ชุดข้อมูลไม่มีข้อมูล ณ 10 พ.ย. จึงจะคำนวณทั้งภาคเรียนซ้ำ",
                hint: "keep the 10 November snapshot the advance counted on in the batch"))
        }
    }

    /// A revised envelope smaller than what was already transferred cannot be met by this run.
    private func checkEnvelopes(of programme: Programme, paidBefore: (String?) -> Money, diagnostics: inout [Diagnostic]) {
        let envelopes = [(nil as String?, programme.envelope)] + programme.items.map { ($0.id as String?, $0.envelope) }
        for case let (item, envelope?) in envelopes where envelope.amount < paidBefore(item) {
            let name = item.map { "\(programme.id) item \($0)" } ?? programme.id
            diagnostics.append(Diagnostic(
                .error, code: "CALC021", file: envelope.source,
                message: "the envelope of \(name) is \(envelope.amount.formatted) baht, less than the \(paidBefore(item).formatted) already transferred",
                thaiMessage: "กรอบวงเงิน \(name) \(envelope.amount.formatted) บาท น้อยกว่าที่โอนแล้ว \(paidBefore(item).formatted) บาท",
                hint: "check the revised envelope; money already transferred is taken back only by a correction"))
        }
    }
}
