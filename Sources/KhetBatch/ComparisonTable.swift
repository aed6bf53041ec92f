import KhetCore
import KhetExport

/// The terminal's view of a comparison: what A and B are, the inputs that changed, the lines that
/// differ (at most `limit`), then the totals and the differences by cause.
struct ComparisonTable {
    let comparison: TransferComparison
    let limit: Int

    var lines: [String] {
        var lines = ["A: \(comparison.before.path) (\(comparison.before.description))",
                     "B: \(comparison.after.path) (\(comparison.after.description))"]
        if !comparison.changedInputs.isEmpty {
            lines.append("inputs that differ: " + comparison.changedInputs.map { "\($0.role) (\($0.change.rawValue))" }.joined(separator: ", "))
        }
        guard !comparison.isSame else {
            lines.append("no line differs: A and B pay the same, \(comparison.afterTotal.formatted) baht")
            return lines
        }
        var rows = [["school", "programme", "round", "item", "grade", "pupils", "A (baht)", "B (baht)", "difference", "cause"]]
        for row in comparison.rows.prefix(limit) {
            // Pupils on both sides when they differ ("40→43"), else the one count there is.
            let counts = [row.before?.pupils, row.after?.pupils].compactMap { $0 }
            let pupils = counts.count == 2 && counts[0] != counts[1] ? "\(counts[0])→\(counts[1])" : counts.first.map(String.init) ?? ""
            rows.append([row.key.school, row.key.programme, row.key.round, Self.item(row.key), row.key.grade ?? row.key.level ?? "",
                         pupils, (row.before?.amount).map(\.formatted) ?? "-", (row.after?.amount).map(\.formatted) ?? "-",
                         Self.signed(row.difference), DiffWorkbook.causeName(row.cause, language: .english)])
        }
        if rows.count > 1 { lines += TerminalTable.aligned(rows, rightAligned: 5...8) }
        if comparison.rows.count > limit { lines.append("  … \(comparison.rows.count - limit) more lines in the workbook") }
        lines.append("\(comparison.rows.count) \(comparison.rows.count == 1 ? "line differs" : "lines differ") in \(comparison.schools) \(comparison.schools == 1 ? "school" : "schools"): A \(comparison.beforeTotal.formatted), "
                     + "B \(comparison.afterTotal.formatted), difference \(Self.signed(comparison.afterTotal - comparison.beforeTotal)) baht")
        lines.append("by cause: " + comparison.byCause.map {
            "\(DiffWorkbook.causeName($0.cause, language: .english)) \($0.rows) (\(Self.signed($0.difference)))"
        }.joined(separator: ", "))
        return lines
    }

    private static func item(_ key: TransferComparison.Key) -> String {
        switch key.basis {
        case "perPupil", "advance", "capped", "boarders", "perSchool", "floorTopUp", "": return key.item
        default: return "\(key.item) (\(key.basis))"
        }
    }

    private static func signed(_ money: Money) -> String { money > .zero ? "+" + money.formatted : money.formatted }
}
