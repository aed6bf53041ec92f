import KhetCalc
import KhetCore

/// What a pay run's outputs say about the year: the rounds this transfer pays, and what the
/// ledger says was paid before it (the year so far on each notice, the corrections sheet).
public struct TransferSummary: Sendable {
    /// The rounds paid now; corrections of earlier rounds come with them.
    public var rounds: [PaymentRound]
    public var paidBefore: PaidRounds

    public init(rounds: [PaymentRound], paidBefore: PaidRounds) {
        self.rounds = rounds.sorted()
        self.paidBefore = paidBefore
    }

    /// `ภาคเรียนที่ 1/2568 งวดที่ 1 (ร้อยละ 70); ทั้งปีงบประมาณ 2568`, or the corrections alone.
    public func title(_ language: Language, advancePercent: Int) -> String {
        let names = rounds.map { $0.title(language, advancePercent: advancePercent) }
        return names.isEmpty ? language.pick("ปรับปรุงยอดที่โอนแล้ว", "corrections of rounds already paid")
            : names.joined(separator: "; ")
    }
}
