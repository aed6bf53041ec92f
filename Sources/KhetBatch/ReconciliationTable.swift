import KhetCalc
import KhetCore
import KhetExport

/// The terminal's short table of a reconciliation: per list, the totals of both sides and of
/// the differences, then the differing schools (at most `shown`), with their likely cause.
struct ReconciliationTable {
    let reconciliations: [Reconciliation]
    let framework: Framework
    let language: Language
    static let shown = 15

    var lines: [String] {
        var lines: [String] = []
        for reconciliation in reconciliations {
            let programme = framework.programmes.first { $0.id == reconciliation.programmeID }
            let round = reconciliation.round.title(language, advancePercent: framework.advance.percent)
            let name = programme?.shortName(language) ?? reconciliation.programmeID
            let differences = reconciliation.differences
            let verdict = differences.isEmpty
                ? language.pick("ตรงกันทุกโรงเรียน", "agrees for every school")
                : language.pick("ต่างกัน \(differences.count) รายการ", "\(differences.count) difference(s)")
            lines.append("\(name), \(round): OBEC \(reconciliation.listedTotal.formatted), Khet \(reconciliation.computedTotal.formatted), "
                         + language.pick("ผลต่าง", "difference") + " \((reconciliation.listedTotal - reconciliation.computedTotal).formatted): \(verdict)")
            guard !differences.isEmpty else { continue }
            let header = [language.pick("โรงเรียน", "school"), language.pick("รายการ", "item"), "OBEC", "Khet",
                          language.pick("ผลต่าง", "difference"), language.pick("สาเหตุ", "cause")]
            var rows = [header]
            for line in differences.prefix(Self.shown) {
                let item = programme?.items.first { $0.id == line.column }.map { language.pick($0.thaiName, $0.englishName) }
                    ?? language.pick("รวม", "total")
                rows.append([line.schoolCode, item, line.listed?.formatted ?? "-", line.computed.formatted, line.difference.formatted,
                             ReconciliationCauseText.text(line.cause, language: language)])
            }
            lines += Self.aligned(rows)
            if differences.count > Self.shown {
                lines.append(language.pick("  … อีก \(differences.count - Self.shown) รายการ ดู reconciliation.xlsx",
                                           "  … \(differences.count - Self.shown) more in reconciliation.xlsx"))
            }
        }
        return lines
    }

    /// Columns padded to their widest cell (in characters as a terminal shows Thai: without
    /// the combining marks, which take no column), amounts on the right.
    private static func aligned(_ rows: [[String]]) -> [String] {
        func width(_ text: String) -> Int { text.unicodeScalars.filter { !(0x0E31...0x0E4E).contains($0.value) || [0x0E32, 0x0E33, 0x0E40, 0x0E41, 0x0E42, 0x0E43, 0x0E44, 0x0E45, 0x0E46, 0x0E4F].contains($0.value) }.count }
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? width($0[column]) : 0 }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { column, text in
                let padding = String(repeating: " ", count: max(0, widths[column] - width(text)))
                return (2...4).contains(column) ? padding + text : text + padding
            }.joined(separator: "  ")
        }
    }
}
