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
            lines += TerminalTable.aligned(rows, rightAligned: 2...4)
            if differences.count > Self.shown {
                lines.append(language.pick("  … อีก \(differences.count - Self.shown) รายการ ดู reconciliation.xlsx",
                                           "  … \(differences.count - Self.shown) more in reconciliation.xlsx"))
            }
        }
        return lines
    }
}
