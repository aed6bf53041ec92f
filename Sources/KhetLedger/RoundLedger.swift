/// The fiscal year's store of confirmed rounds, as the batch sees it: what was paid is read
/// from here, never recomputed. `SQLiteLedger` keeps it in one database file.
public protocol RoundLedger {
    var areaCode: String { get }
    var fiscalYear: Int { get }
    /// Every entry, oldest first, with its lines.
    func entries() throws(LedgerError) -> [LedgerEntry]
    /// Records `entry` in one transaction and returns its id. A second payment of a round
    /// already paid is refused (`alreadyConfirmed`); a correction needs a reason.
    func record(_ entry: LedgerEntry) throws(LedgerError) -> Int64
    /// Records a transfer's entries in one transaction: all, or none when any is refused.
    func record(_ entries: [LedgerEntry]) throws(LedgerError) -> [Int64]
}
