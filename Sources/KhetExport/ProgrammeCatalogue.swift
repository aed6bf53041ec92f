import KhetCore

/// The framework's programmes and items indexed by id, built once per batch so that each of
/// thousands of notices looks names, order and rates up in constant time. Notices know nothing
/// of particular programmes: a programme added to the framework and the calculators shows up
/// in them as it is.
struct ProgrammeCatalogue {
    struct Entry {
        let programmeOrder: Int
        let itemOrder: Int
        let programme: Programme?
        let item: FundingItem?
    }

    private struct Key: Hashable {
        let programmeID: String
        let itemID: String
    }

    private var entries: [Key: Entry] = [:]
    private var programmes: [String: (order: Int, programme: Programme)] = [:]

    init(framework: Framework) {
        for (programmeOrder, programme) in framework.programmes.enumerated() {
            programmes[programme.id] = (programmeOrder, programme)
            for (itemOrder, item) in programme.items.enumerated() {
                entries[Key(programmeID: programme.id, itemID: item.id)] = Entry(
                    programmeOrder: programmeOrder, itemOrder: itemOrder, programme: programme, item: item)
            }
        }
    }

    /// An item the framework does not list still gets an entry, sorted after the known ones,
    /// so a line is never dropped from a notice for want of a name.
    func entry(programmeID: String, itemID: String) -> Entry {
        if let known = entries[Key(programmeID: programmeID, itemID: itemID)] { return known }
        let programme = programmes[programmeID]
        return Entry(programmeOrder: programme?.order ?? Int.max, itemOrder: Int.max,
                     programme: programme?.programme, item: nil)
    }
}
