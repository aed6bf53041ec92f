import KhetCalc
import KhetCore

/// `khet explain`'s text for one school: who it is, then every allocation line with its
/// arithmetic, grouped by programme, round and item, with the subtotals and the fiscal-year
/// total in one right-aligned column. It shows only what the allocation holds.
public struct SchoolExplanation {
    public let report: AreaAllocationReport
    public let school: School

    private var language: Language { report.language }
    private var labels: Labels { Labels(language: report.language) }

    public init(report: AreaAllocationReport, school: School) {
        self.report = report
        self.school = school
    }

    public func lines() -> [String] {
        var text = AmountColumnText(maximumTextWidth: 72)
        for line in header() { text.append(.text(line)) }
        text.append(.blank)
        let lines = report.allocation.lines.filter { $0.schoolCode == school.code }
        guard !lines.isEmpty else {
            text.append(.text(labels.noAllocation))
            return text.rendered()
        }
        var total = Money.zero
        for programmeID in programmeOrder(of: lines) {
            total += appendProgramme(programmeID, lines: lines.filter { $0.programmeID == programmeID }, to: &text)
            text.append(.blank)
        }
        // A pay run explains one transfer: its total, then the year so far from the ledger.
        text.append(.amount(report.transfer == nil ? labels.fiscalYearTotal(report.fiscalYear) : labels.thisTransfer, total))
        if language == .thai { text.append(.text("(\(total.thaiWords))")) }
        if let transfer = report.transfer { appendYearSoFar(transfer, transferred: total, to: &text) }
        return text.rendered()
    }

    /// The ledger's rounds for the school, with their dates, and the year's total with this transfer.
    private func appendYearSoFar(_ transfer: TransferSummary, transferred: Money, to text: inout AmountColumnText) {
        text.append(.blank)
        text.append(.text(labels.yearSoFarTitle(report.fiscalYear)))
        var total = transferred
        let percent = report.framework.advance.percent
        for (key, paid) in transfer.paidBefore.rounds.sorted(by: { ($0.key.round, $0.key.programmeID) < ($1.key.round, $1.key.programmeID) }) {
            let amount = paid.lines.filter { $0.schoolCode == school.code }.map(\.amount).sum()
            guard !amount.isZero else { continue }
            let name = report.framework.programme(key.programmeID)?.shortName(language) ?? key.programmeID
            let title = labels.transferredOn(key.round.title(language, advancePercent: percent), dates: Array(Set(paid.confirmedOn)).sorted())
            text.append(.amount("  \(name) \(title)", amount))
            total += amount
        }
        text.append(.amount("  " + labels.thisTransfer, transferred))
        text.append(.amount(labels.yearSoFarTotal, total))
    }

    /// Code and name, district, pupils on the latest count, fiscal year and framework, after a
    /// draft banner when the rates are provisional. Labels are padded to one width.
    private func header() -> [String] {
        let latest = report.latestSnapshot
        let facts = [
            (labels.school, "\(school.code) \(school.name)"),
            (labels.district, school.district),
            (labels.pupilsLabel, labels.pupils(latest?.counts(for: school.code).total ?? 0, on: latest?.date)),
            (labels.fiscalYear, "\(report.fiscalYear.year)"),
            (labels.framework, report.framework.title),
        ]
        let width = facts.map(\.0.count).max() ?? 0
        var lines = report.framework.isProvisional ? [labels.draftBanner] : []
        lines += facts.map { AmountColumnText.padRight($0.0, to: width) + "  " + $0.1 }
        return lines
    }

    /// The framework's programmes in its order, then any others the lines name, by id.
    private func programmeOrder(of lines: [AllocationLine]) -> [String] {
        let present = Set(lines.map(\.programmeID))
        let known = report.framework.programmes.map(\.id).filter(present.contains)
        return known + present.subtracting(known).sorted()
    }

    private func appendProgramme(_ id: String, lines: [AllocationLine], to text: inout AmountColumnText) -> Money {
        let programme = report.framework.programme(id)
        text.append(.text(programme?.name(language) ?? id))
        var total = Money.zero
        let rounds = Set(lines.map(\.round)).sorted()
        for round in rounds {
            let roundLines = lines.filter { $0.round == round }
            var title = round.title(language, advancePercent: report.framework.advance.percent)
            if roundLines.allSatisfy({ if case .correction = $0.basis { return true }; return false }) {
                title = labels.correctionSection(title)
            }
            let describer = LineDescription(language: language, snapshotDate: round.snapshotDate)
            let counting = describer.counting(round.kind, advance: report.framework.advance)
            text.append(.text("  " + title + (counting.map { ": \($0)" } ?? "")))
            var roundTotal = Money.zero
            for itemID in itemOrder(of: roundLines, in: programme) {
                let itemLines = roundLines.filter { $0.itemID == itemID }
                let item = programme?.items.first { $0.id == itemID }
                text.append(.text("    " + (item?.name(language) ?? itemID)))
                appendLines(itemLines, describer: describer, to: &text)
                let itemTotal = itemLines.map(\.amount).sum()
                text.append(.amount("    " + (item.map { labels.total(of: $0) } ?? labels.total(of: itemID)), itemTotal))
                roundTotal += itemTotal
            }
            // A programme paid in one round (poor pupils, boarders…) would show the same total twice.
            if rounds.count > 1 { text.append(.amount("  " + labels.total(of: title), roundTotal)) }
            total += roundTotal
        }
        text.append(.amount(labels.programmeTotal, total))
        return total
    }

    /// The programme's items in its order, then any others the lines name, by id.
    private func itemOrder(of lines: [AllocationLine], in programme: Programme?) -> [String] {
        let present = Set(lines.map(\.itemID))
        let known = (programme?.items ?? []).map(\.id).filter(present.contains)
        return known + present.subtracting(known).sorted()
    }

    /// One row per line: grade, count and rate in columns as wide as this item's widest, so the
    /// `×` and `=` of an item line up; words under a line when a cap was applied.
    private func appendLines(_ lines: [AllocationLine], describer: LineDescription, to text: inout AmountColumnText) {
        let indent = "      "
        let explained = lines.map { (line: $0, parts: describer.explanation(for: $0.basis)) }
        let grades = lines.map { $0.grade?.code(language) ?? $0.level?.name(language) ?? "" }
        let gradeWidth = grades.map(\.count).max() ?? 0
        let countWidth = explained.compactMap { $0.parts.factors?.count.count }.max() ?? 0
        let rateWidth = explained.compactMap { $0.parts.factors?.rate.formatted.count }.max() ?? 0
        let gradeColumn = gradeWidth == 0 ? "" : "   "
        for (index, entry) in explained.enumerated() {
            let grade = AmountColumnText.padRight(grades[index], to: gradeWidth) + gradeColumn
            if let factors = entry.parts.factors {
                let arithmetic = AmountColumnText.padLeft(factors.count, to: countWidth) + " × "
                    + AmountColumnText.padLeft(factors.rate.formatted, to: rateWidth)
                    + (factors.less.map { " − \($0.formatted)" } ?? "")
                text.append(.equals(indent + grade + arithmetic, entry.line.amount))
                if let words = entry.parts.words { text.append(.text(indent + String(repeating: " ", count: grade.count) + words)) }
            } else {
                let lead = grades[index].isEmpty ? "" : grade
                text.append(.amount(indent + lead + (entry.parts.words ?? ""), entry.line.amount))
            }
        }
    }
}
