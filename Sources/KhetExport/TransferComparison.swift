import KhetCore

/// Two sets of transfer lines compared line by line (`khet diff`): two pay runs, or the ledger
/// and a run. A line is a school's item (and grade or level) of a programme's round with one
/// basis; a row is every line that differs, with its amount on each side and why it differs.
/// Where either side holds a correction for a school's item in a round, that item's lines are
/// compared as one sum, so a correction reads as "paid 28,000.00, with it 29,500.00".
public struct TransferComparison: Sendable {
    /// One side: what it is, and its lines as `lines.json` writes them.
    public struct Side: Sendable {
        public var path: String
        /// `pay run of 2568-07-15: 1/2568-balance`, `ledger: 5 entries`.
        public var description: String
        public var lines: [Line]
        /// The SHA-256 of each input the side was computed from, by role.
        public var inputs: [String: String]

        public init(path: String, description: String, lines: [Line], inputs: [String: String]) {
            self.path = path
            self.description = description
            self.lines = lines
            self.inputs = inputs
        }
    }

    public struct Line: Sendable, Equatable {
        public var programme: String
        public var round: String
        public var line: TransferRecord.Line

        public init(programme: String, round: String, line: TransferRecord.Line) {
            self.programme = programme
            self.round = round
            self.line = line
        }
    }

    /// Why a line differs, the first that applies.
    public enum Cause: String, Sendable, CaseIterable {
        case count, rate, envelope, correction, list, advance, amount, new, gone
    }

    /// How an input differs between the sides.
    public enum InputChange: String, Sendable {
        case changed, onlyInA = "only in A", onlyInB = "only in B"
    }

    /// Which line a row is about.
    public struct Key: Sendable, Hashable, Comparable {
        public var school: String
        public var programme: String
        public var round: String
        public var item: String
        public var grade: String?
        public var level: String?
        public var basis: String

        public static func < (lhs: Key, rhs: Key) -> Bool {
            lhs.order.lexicographicallyPrecedes(rhs.order)
        }

        /// Grades in school order (อ.1 … ม.3), not by their letters.
        private var order: [String] {
            let gradeOrder = grade.flatMap { Grade(code: $0) }.map { $0.rawValue < 10 ? "0\($0.rawValue)" : "\($0.rawValue)" } ?? grade ?? ""
            return [school, programme, round, item, gradeOrder, level ?? "", basis]
        }
    }

    /// A line on one side: the sum of its amounts and pupils.
    public struct Amount: Sendable, Equatable {
        public var pupils: Int?
        public var rate: Money?
        public var amount: Money
    }

    public struct Row: Sendable {
        public var key: Key
        public var before: Amount?
        public var after: Amount?
        public var cause: Cause

        public var difference: Money { (after?.amount ?? .zero) - (before?.amount ?? .zero) }
    }

    public let before: Side
    public let after: Side
    /// Only the lines that differ, by school, programme, round, item and grade.
    public let rows: [Row]
    /// The inputs' roles whose SHA-256 differs between the sides, or that only one side names.
    public let changedInputs: [(role: String, change: InputChange)]

    public init(before: Side, after: Side) {
        self.before = before
        self.after = after
        let corrected = Self.correctedItems(before.lines + after.lines)
        let old = Self.amounts(before.lines, folding: corrected)
        let new = Self.amounts(after.lines, folding: corrected)
        var rows: [Row] = []
        for key in Set(old.keys).union(new.keys).sorted() {
            let was = old[key], now = new[key]
            guard was != now, let cause = Self.cause(key: key, before: was, after: now) else { continue }
            rows.append(Row(key: key, before: was, after: now, cause: cause))
        }
        self.rows = rows
        var inputs: [(String, InputChange)] = []
        for role in Set(before.inputs.keys).union(after.inputs.keys).sorted() {
            switch (before.inputs[role], after.inputs[role]) {
            case (let a?, let b?) where a != b: inputs.append((role, .changed))
            case (nil, _?): inputs.append((role, .onlyInB))
            case (_?, nil): inputs.append((role, .onlyInA))
            default: break
            }
        }
        changedInputs = inputs
    }

    public var beforeTotal: Money { before.lines.map(\.line.amount).sum() }
    public var afterTotal: Money { after.lines.map(\.line.amount).sum() }
    public var isSame: Bool { rows.isEmpty }
    public var schools: Int { Set(rows.map(\.key.school)).count }

    /// Each cause with its rows' count and the sum of their differences, in the order of `Cause`.
    public var byCause: [(cause: Cause, rows: Int, difference: Money)] {
        Cause.allCases.compactMap { cause in
            let matching = rows.filter { $0.cause == cause }
            return matching.isEmpty ? nil : (cause, matching.count, matching.map(\.difference).sum())
        }
    }

    private struct ItemKey: Hashable {
        var school: String, programme: String, round: String, item: String
    }

    /// The school items of a round that either side corrects.
    private static func correctedItems(_ lines: [Line]) -> Set<ItemKey> {
        Set(lines.filter { $0.line.basis == "correction" }.map {
            ItemKey(school: $0.line.school, programme: $0.programme, round: $0.round, item: $0.line.item)
        })
    }

    private static func amounts(_ lines: [Line], folding corrected: Set<ItemKey>) -> [Key: Amount] {
        var amounts: [Key: Amount] = [:]
        for entry in lines {
            let line = entry.line
            let folded = corrected.contains(ItemKey(school: line.school, programme: entry.programme, round: entry.round, item: line.item))
            let key = folded
                ? Key(school: line.school, programme: entry.programme, round: entry.round, item: line.item, grade: nil, level: nil, basis: "correction")
                : Key(school: line.school, programme: entry.programme, round: entry.round, item: line.item, grade: line.grade,
                      level: line.level, basis: line.basis)
            // A folded item is one sum over its grades, whose rates may differ: it has none of its own.
            let rate = folded ? nil : line.rateSatang.map { Money(satang: $0) }
            var amount = amounts[key] ?? Amount(pupils: nil, rate: rate, amount: .zero)
            amount.amount = amount.amount + line.amount
            // A correction line counts no pupils: the pupils are those of the lines it corrects.
            if let pupils = line.pupils, line.basis != "correction" { amount.pupils = (amount.pupils ?? 0) + pupils }
            if amount.rate != rate { amount.rate = nil }
            amounts[key] = amount
        }
        return amounts
    }

    /// Nil when the line is the same on both sides.
    private static func cause(key: Key, before: Amount?, after: Amount?) -> Cause? {
        switch key.basis {
        case "correction": return .correction
        case "envelopeScaling": return .envelope
        case "listAdjustment": return .list
        case "lessAdvance": return .advance
        default: break
        }
        guard let before else { return .new }
        guard let after else { return .gone }
        if before.pupils != after.pupils { return .count }
        if before.rate != after.rate { return .rate }
        return before.amount == after.amount ? nil : .amount
    }
}
