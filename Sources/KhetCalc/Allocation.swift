import KhetCore

/// The result of a calculator: its lines in a stable order (school code, round, item order,
/// grade) and the problems it met. Totals are derived from the lines on request.
public struct Allocation: Sendable {
    public var lines: [AllocationLine]
    public var rounds: [PaymentRound]
    public var diagnostics: [Diagnostic]

    public init(lines: [AllocationLine], rounds: [PaymentRound], diagnostics: [Diagnostic]) {
        self.lines = lines
        self.rounds = rounds
        self.diagnostics = diagnostics
    }

    /// Sum of the lines that pass `filter`.
    public func total(where filter: (AllocationLine) -> Bool = { _ in true }) -> Money {
        lines.reduce(.zero) { filter($1) ? $0 + $1.amount : $0 }
    }

    /// Totals per school and item over the whole fiscal year, computed in one pass.
    public func totalsBySchoolAndItem() -> [String: [String: Money]] {
        var totals: [String: [String: Money]] = [:]
        for line in lines {
            totals[line.schoolCode, default: [:]][line.itemID, default: .zero] += line.amount
        }
        return totals
    }

    /// The lines of one round, in order.
    public func lines(in round: PaymentRound) -> [AllocationLine] {
        lines.filter { $0.round == round }
    }
}
