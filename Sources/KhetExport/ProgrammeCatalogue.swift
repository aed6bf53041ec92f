import KhetCalc
import KhetCore

/// The framework's programmes and items indexed by id, built once per batch so that each of
/// thousands of notices looks names, order and rates up in constant time (an item's short name
/// goes through Foundation's string search, far too slow to repeat for every line). Notices know nothing
/// of particular programmes: a programme added to the framework and the calculators shows up
/// in them as it is.
struct ProgrammeCatalogue {
    struct Entry {
        let programmeOrder: Int
        let itemOrder: Int
        let programme: Programme?
        let item: FundingItem?
        /// The programme's name and the item's short name in the batch's language.
        let programmeName: String
        let itemName: String
    }

    private struct Key: Hashable {
        let programmeID: String
        let itemID: String
    }

    private var entries: [Key: Entry] = [:]
    private var programmes: [String: (order: Int, programme: Programme)] = [:]

    init(framework: Framework, labels: Labels) {
        for (programmeOrder, programme) in framework.programmes.enumerated() {
            programmes[programme.id] = (programmeOrder, programme)
            for (itemOrder, item) in programme.items.enumerated() {
                entries[Key(programmeID: programme.id, itemID: item.id)] = Entry(
                    programmeOrder: programmeOrder, itemOrder: itemOrder, programme: programme, item: item,
                    programmeName: programme.name(labels.language), itemName: labels.shortName(item))
            }
        }
        language = labels.language
    }

    private let language: Language

    /// An item the framework does not list still gets an entry, sorted after the known ones,
    /// so a line is never dropped from a notice for want of a name. The envelope's scaling is
    /// such an item: it is named in the notice's language, never by its id.
    func entry(programmeID: String, itemID: String) -> Entry {
        if let known = entries[Key(programmeID: programmeID, itemID: itemID)] { return known }
        let programme = programmes[programmeID]
        let itemName = itemID == AreaAllocator.envelopeItemID ? Labels(language: language).envelopeAdjustment : itemID
        return Entry(programmeOrder: programme?.order ?? Int.max, itemOrder: Int.max,
                     programme: programme?.programme, item: nil,
                     programmeName: programme?.programme.name(language) ?? programmeID, itemName: itemName)
    }
}
