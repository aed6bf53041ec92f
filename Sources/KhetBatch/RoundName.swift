import KhetCalc
import KhetCore

/// A payment round as a batch file names it: `2/2567` (a whole term), `1/2568-advance` and
/// `1/2568-balance` (term 1's two payments), `year` (a programme paid once a fiscal year).
struct RoundName: Sendable, Hashable {
    let text: String

    /// How a round is written, for the hint under any round a batch misnames.
    static let hint = "a round is a whole term (2/2567, or 1/2568 when term 1 is paid in one), 1/2568-advance, 1/2568-balance or year"

    /// Nil for text that names no round.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard trimmed == "year" || Self.parts(trimmed) != nil else { return nil }
        self.text = trimmed
    }

    private static func parts(_ text: String) -> (term: Term, kind: PaymentRound.Kind)? {
        let pieces = text.split(separator: "-", maxSplits: 1).map(String.init)
        let termPieces = pieces[0].split(separator: "/").map(String.init)
        guard termPieces.count == 2, let number = Int(termPieces[0]), (1...2).contains(number),
              let year = Int(termPieces[1]), (2500...2700).contains(year) else { return nil }
        let kind: PaymentRound.Kind
        switch pieces.count == 2 ? pieces[1] : "" {
        case "": kind = .fullTerm
        case "advance": kind = .advance
        case "balance": kind = .balance
        default: return nil
        }
        return (Term(academicYear: year, number: number), kind)
    }

    /// The round among `rounds` (a programme's), or nil when the programme has no such round.
    func round(in rounds: [PaymentRound]) -> PaymentRound? {
        if text == "year" { return rounds.first { $0.kind == .wholeYear } }
        guard let (term, kind) = Self.parts(text) else { return nil }
        return rounds.first { $0.term == term && $0.kind == kind }
    }

    /// The round of `fiscalYear` this names, or nil when its term is not one of the year's.
    func paymentRound(in fiscalYear: FiscalYear) -> PaymentRound? {
        if text == "year" { return PaymentRound.wholeYear(of: fiscalYear) }
        guard let (term, kind) = Self.parts(text), fiscalYear.terms.contains(term) else { return nil }
        // Term 2 is paid whole; term 1 in an advance and a balance, or whole without a November count.
        if term.number == 2 && kind != .fullTerm { return nil }
        return PaymentRound(term: term, kind: kind)
    }

    /// How the batch file would name `round`.
    static func name(of round: PaymentRound) -> String {
        switch round.kind {
        case .wholeYear: return "year"
        case .fullTerm: return "\(round.term)"
        case .advance: return "\(round.term)-advance"
        case .balance: return "\(round.term)-balance"
        }
    }
}
