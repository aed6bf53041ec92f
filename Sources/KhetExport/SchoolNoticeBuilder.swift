import KhetCalc
import KhetCore

/// Turns one school's allocation lines into a `SchoolNotice`.
///
/// The aggregation rule that keeps a notice short: within one round, programme and item,
/// lines paying the same rate to grades of the same level become one row with their pupils
/// summed (tuition ป.1–ป.6 at 950 is one "ประถมศึกษา" row). Where the framework sets a rate per
/// grade (textbooks) each grade keeps its row, because the rate is what a school checks. Lines
/// that are not pupils × rate (a deducted advance, a top-up, an envelope cut) stay rows of their
/// own. Pupils × rate summed over a row equals the sum of its lines' amounts exactly, since
/// every line's amount is its own pupils × the same rate.
struct SchoolNoticeBuilder {
    let catalogue: ProgrammeCatalogue
    let labels: Labels
    let advancePercent: Int

    private struct GroupKey: Hashable {
        let round: PaymentRound
        let programmeID: String
        let itemID: String
    }

    private enum RowKey: Hashable {
        case grade(Grade, Money)
        case level(Level, Money)
        case whole(Money)
    }

    private struct Group {
        let key: GroupKey
        let entry: ProgrammeCatalogue.Entry
        var rows: [SchoolNotice.Row] = []
        var rowIndex: [RowKey: Int] = [:]
        var sources: [String] = []
    }

    /// Linear in the school's lines: every line is looked up in dictionaries, never searched for.
    func notice(for school: School, lines: [AllocationLine]) -> SchoolNotice {
        var groups: [GroupKey: Group] = [:]
        for line in lines {
            let key = GroupKey(round: line.round, programmeID: line.programmeID, itemID: line.itemID)
            var group = groups[key] ?? Group(key: key, entry: catalogue.entry(programmeID: line.programmeID, itemID: line.itemID))
            add(line, to: &group)
            groups[key] = group
        }
        let ordered = groups.values.sorted { a, b in
            (a.key.round, a.entry.programmeOrder, a.key.programmeID, a.entry.itemOrder, a.key.itemID)
                < (b.key.round, b.entry.programmeOrder, b.key.programmeID, b.entry.itemOrder, b.key.itemID)
        }

        // A round whose lines are all corrections was transferred before: its section says so.
        var correctedOnly = Set(lines.map(\.round))
        for line in lines {
            if case .correction = line.basis { continue }
            correctedOnly.remove(line.round)
        }
        var sections: [SchoolNotice.Section] = []
        var sources: [String] = []
        var seenSources = Set<String>()
        for group in ordered {
            let programmeName = group.entry.programmeName
            if sections.last?.round != group.key.round {
                let title = group.key.round.title(labels.language, advancePercent: advancePercent)
                sections.append(SchoolNotice.Section(
                    round: group.key.round, title: correctedOnly.contains(group.key.round) ? labels.correctionSection(title) : title,
                    programmes: []))
            }
            let last = sections.count - 1
            if sections[last].programmes.last?.id != group.key.programmeID {
                sections[last].programmes.append(SchoolNotice.ProgrammeBlock(id: group.key.programmeID, name: programmeName, rows: []))
            }
            sections[last].programmes[sections[last].programmes.count - 1].rows += group.rows
            for source in group.sources where seenSources.insert(source).inserted { sources.append(source) }
        }
        return SchoolNotice(school: school, sections: sections, rateSources: sources)
    }

    private func add(_ line: AllocationLine, to group: inout Group) {
        let itemName = group.entry.itemName
        guard let pupils = line.basis.pupils, let rate = line.basis.rate else {
            let words = LineDescription(language: labels.language, snapshotDate: line.round.snapshotDate).note(for: line.basis)
            group.rows.append(SchoolNotice.Row(item: itemName, target: line.grade?.code(labels.language) ?? "",
                                               detail: .explained(words), amount: line.amount))
            return
        }
        let (rowKey, target) = self.rowKey(line.grade, rate: rate, item: group.entry.item)
        if let index = group.rowIndex[rowKey], case let .perPupil(summed, _) = group.rows[index].detail {
            group.rows[index].detail = .perPupil(pupils: summed + pupils, rate: rate)
            group.rows[index].amount += line.amount
        } else {
            group.rowIndex[rowKey] = group.rows.count
            group.rows.append(SchoolNotice.Row(item: itemName, target: target, detail: .perPupil(pupils: pupils, rate: rate),
                                               amount: line.amount))
        }
        for source in sources(for: line.grade, item: group.entry.item) where group.sources.last != source {
            group.sources.append(source)
        }
    }

    /// A grade whose rate the framework sets for the grade itself keeps its own row; a grade
    /// paid its level's rate shares the level's row.
    private func rowKey(_ grade: Grade?, rate: Money, item: FundingItem?) -> (RowKey, String) {
        guard let grade else { return (.whole(rate), "") }
        if case .level(let level)? = item?.rate(for: grade)?.target {
            return (.level(level, rate), level.name(labels.language))
        }
        return (.grade(grade, rate), grade.code(labels.language))
    }

    /// The citation of the rate a line was paid at; for a line without a grade, every rate of its item.
    private func sources(for grade: Grade?, item: FundingItem?) -> [String] {
        guard let item else { return [] }
        guard let grade else { return item.rates.map(\.source) }
        return item.rate(for: grade).map { [$0.source] } ?? []
    }
}
