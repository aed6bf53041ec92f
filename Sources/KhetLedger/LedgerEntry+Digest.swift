import KhetDigest

extension LedgerEntry {
    /// The SHA-256 of everything the entry says, stored beside it: an amount, a line or a reason
    /// changed outside Khet (a hand edit with a SQLite tool, a disk's damage the page checks miss)
    /// reads as damage, never as a payment. Fields are kept apart by separators that no field
    /// holds, and a missing value is told from an empty one.
    var digest: String {
        func field(_ text: String?) -> String { text ?? "\u{18}" }
        var records = [[programmeID, round, kind.rawValue, field(reason), batchDate, confirmedAt, confirmedBy,
                        field(countedOn), field(runDigest)].joined(separator: "\u{1F}")]
        records += inputs.sorted { $0.key < $1.key }.map { "\($0.key)\u{1F}\($0.value)" }
        records += lines.map { line in
            [line.schoolCode, line.itemID, field(line.grade), field(line.level), field(line.pupils.map(String.init)),
             field(line.rate.map { String($0.satang) }), String(line.amount.satang), field(line.basis)].joined(separator: "\u{1F}")
        }
        return SHA256.hex(of: Array(records.joined(separator: "\u{1E}").utf8))
    }
}
