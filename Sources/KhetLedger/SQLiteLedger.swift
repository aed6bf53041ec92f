import Foundation
import KhetCore

/// The ledger in one SQLite file beside the batch (never inside an output folder a run replaces).
/// Every entry is written in one transaction, so a run killed at any moment leaves the ledger as
/// it was before the entry or with the whole entry; SQLite's journal takes care of the rest.
/// The file says which area and fiscal year it belongs to, and is refused for any other.
public final class SQLiteLedger: RoundLedger {
    public let areaCode: String
    public let fiscalYear: Int
    public let path: String
    private let connection: SQLiteConnection
    static let schemaVersion = "1"

    /// Opens the ledger at `path` for `areaCode` and `fiscalYear`; `create` makes a new one when
    /// the file is missing (a run that only reads never creates one).
    public init(path: String, areaCode: String, fiscalYear: Int, create: Bool) throws(LedgerError) {
        self.path = path
        self.areaCode = areaCode
        self.fiscalYear = fiscalYear
        let exists = FileManager.default.fileExists(atPath: path)
        guard exists || create else { throw LedgerError.cannotOpen(path: path, reason: "there is no ledger file") }
        if create { Self.removeScratchFilesOfKilledRuns(besides: path) }
        if !exists { try Self.createFile(at: path, areaCode: areaCode, fiscalYear: fiscalYear) }
        do {
            connection = try SQLiteConnection(path: path, create: false)
        } catch {
            throw LedgerError.cannotOpen(path: path, reason: error.message)
        }
        try checkIdentity()
    }

    /// A new ledger is made whole in a file of its own and only then linked into place, so a run
    /// killed while creating it leaves no ledger rather than an empty file refused ever after;
    /// `link` fails when another run created the ledger meanwhile, and that one is used.
    private static func createFile(at path: String, areaCode: String, fiscalYear: Int) throws(LedgerError) {
        let scratch = path + ".creating-\(getpid())-\(UUID().uuidString.prefix(8))"
        defer { unlink(scratch) }
        do {
            let connection = try SQLiteConnection(path: scratch, create: true)
            try createSchema(on: connection, areaCode: areaCode, fiscalYear: fiscalYear)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError.cannotOpen(path: path, reason: "\(error)")
        }
        guard link(scratch, path) == 0 || errno == EEXIST else {
            throw LedgerError.writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// What a creation killed before its link left beside the ledger (`<ledger>.creating-<pid>-…`
    /// and its journal): removed once that process is gone, so a writer still at work keeps its own.
    private static func removeScratchFilesOfKilledRuns(besides path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = url.lastPathComponent + ".creating-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }) else { continue }
            let alive = kill(pid, 0) == 0 || errno == EPERM
            if !alive { unlink(folder + "/" + name) }
        }
    }

    private static func createSchema(on connection: SQLiteConnection, areaCode: String, fiscalYear: Int) throws(LedgerError) {
        do {
            try connection.execute("""
                PRAGMA journal_mode = DELETE;
                BEGIN IMMEDIATE;
                CREATE TABLE ledger (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE entries (id INTEGER PRIMARY KEY, programme TEXT NOT NULL, round TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('payment', 'correction')), reason TEXT, batch_date TEXT NOT NULL,
                    confirmed_at TEXT NOT NULL, confirmed_by TEXT NOT NULL, counted_on TEXT, run_digest TEXT,
                    line_count INTEGER NOT NULL, digest TEXT NOT NULL);
                CREATE TABLE inputs (entry INTEGER NOT NULL REFERENCES entries(id), role TEXT NOT NULL, sha256 TEXT NOT NULL);
                CREATE TABLE lines (entry INTEGER NOT NULL REFERENCES entries(id), school TEXT NOT NULL, item TEXT NOT NULL,
                    grade TEXT, level TEXT, pupils INTEGER, rate_satang INTEGER, amount_satang INTEGER NOT NULL, basis TEXT);
                CREATE INDEX lines_by_entry ON lines(entry);
                """)
            try connection.run("INSERT INTO ledger VALUES ('format', 'khet-ledger'), ('schema', ?), ('area', ?), ('fiscal_year', ?)",
                               [.text(schemaVersion), .text(areaCode), .text(String(fiscalYear))])
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw LedgerError.writeFailed(path: connection.path, reason: error.message)
        }
    }

    /// The area and fiscal year a ledger file says it belongs to, for a reader that has no batch
    /// to expect them from (`khet diff`); nothing is written.
    public static func identity(at path: String) throws(LedgerError) -> (areaCode: String, fiscalYear: Int) {
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerError.cannotOpen(path: path, reason: "there is no ledger file") }
        var values: [String: String] = [:]
        do {
            let connection = try SQLiteConnection(path: path, create: false)
            try connection.run("SELECT key, value FROM ledger") { row in
                if let key = row.text(0), let value = row.text(1) { values[key] = value }
            }
        } catch {
            throw LedgerError.damaged(path: path, reason: error.message)
        }
        guard values["format"] == "khet-ledger", let area = values["area"], let year = values["fiscal_year"].flatMap(Int.init) else {
            throw LedgerError.damaged(path: path, reason: "not a Khet ledger of schema \(schemaVersion)")
        }
        return (area, year)
    }

    /// A file of another area or year, or not a ledger at all, is refused before anything is read.
    private func checkIdentity() throws(LedgerError) {
        var values: [String: String] = [:]
        do {
            try connection.run("PRAGMA quick_check") { row throws(SQLiteConnection.Failure) in
                if let result = row.text(0), result != "ok" { throw SQLiteConnection.Failure(message: result) }
            }
            try connection.run("SELECT key, value FROM ledger") { row in
                if let key = row.text(0), let value = row.text(1) { values[key] = value }
            }
        } catch {
            throw LedgerError.damaged(path: path, reason: error.message)
        }
        guard values["format"] == "khet-ledger", values["schema"] == Self.schemaVersion else {
            throw LedgerError.damaged(path: path, reason: "not a Khet ledger of schema \(Self.schemaVersion)")
        }
        if let area = values["area"], area != areaCode { throw LedgerError.otherArea(path: path, found: area, expected: areaCode) }
        if let year = values["fiscal_year"].flatMap(Int.init), year != fiscalYear {
            throw LedgerError.otherFiscalYear(path: path, found: year, expected: fiscalYear)
        }
    }

    public func entries() throws(LedgerError) -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        var lineCounts: [Int64: Int64] = [:]
        var digests: [Int64: String] = [:]
        do {
            try connection.run("SELECT id, programme, round, kind, reason, batch_date, confirmed_at, confirmed_by, line_count, counted_on, run_digest, digest FROM entries ORDER BY id") { row in
                var entry = LedgerEntry(programmeID: row.text(1) ?? "", round: row.text(2) ?? "",
                                        kind: LedgerEntry.Kind(rawValue: row.text(3) ?? "") ?? .payment, reason: row.text(4),
                                        batchDate: row.text(5) ?? "", confirmedAt: row.text(6) ?? "", confirmedBy: row.text(7) ?? "",
                                        inputs: [:], lines: [])
                entry.id = row.integer(0)
                entry.countedOn = row.text(9)
                entry.runDigest = row.text(10)
                if let id = entry.id {
                    lineCounts[id] = row.integer(8) ?? 0
                    digests[id] = row.text(11)
                }
                entries.append(entry)
            }
            var index: [Int64: Int] = [:]
            for (position, entry) in entries.enumerated() { if let id = entry.id { index[id] = position } }
            try connection.run("SELECT entry, role, sha256 FROM inputs") { row in
                if let id = row.integer(0), let position = index[id], let role = row.text(1), let digest = row.text(2) {
                    entries[position].inputs[role] = digest
                }
            }
            try connection.run("SELECT entry, school, item, grade, level, pupils, rate_satang, amount_satang, basis FROM lines ORDER BY rowid") { row in
                guard let id = row.integer(0), let position = index[id] else { return }
                entries[position].lines.append(LedgerLine(
                    schoolCode: row.text(1) ?? "", itemID: row.text(2) ?? "", grade: row.text(3), level: row.text(4),
                    pupils: row.integer(5).map { Int($0) }, rate: row.integer(6).map { Money(satang: $0) },
                    amount: Money(satang: row.integer(7) ?? 0), basis: row.text(8)))
            }
        } catch {
            throw LedgerError.damaged(path: path, reason: error.message)
        }
        // An entry whose lines do not all read back is damage, never a smaller payment.
        for entry in entries where Int64(entry.lines.count) != lineCounts[entry.id ?? -1] {
            throw LedgerError.damaged(path: path, reason: "entry \(entry.id ?? 0) has \(entry.lines.count) of its \(lineCounts[entry.id ?? -1] ?? 0) lines")
        }
        for entry in entries where entry.digest != digests[entry.id ?? -1] {
            throw LedgerError.damaged(path: path, reason: "entry \(entry.id ?? 0) no longer matches its SHA-256: it was changed outside Khet")
        }
        return entries
    }

    public func record(_ entry: LedgerEntry) throws(LedgerError) -> Int64 {
        try record([entry])[0]
    }

    /// Records every entry of one transfer in one transaction: all of them, or none.
    public func record(_ entries: [LedgerEntry]) throws(LedgerError) -> [Int64] {
        for entry in entries where entry.kind == .correction && entry.reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw LedgerError.correctionWithoutReason
        }
        do {
            // IMMEDIATE: the check for an earlier payment and the write are one step for every writer.
            try connection.execute("BEGIN IMMEDIATE")
        } catch {
            throw LedgerError.writeFailed(path: path, reason: error.message)
        }
        do {
            var ids: [Int64] = []
            for entry in entries { ids.append(try insert(entry)) }
            try connection.execute("COMMIT")
            return ids
        } catch let error as LedgerError {
            try? connection.execute("ROLLBACK")
            throw error
        } catch let error as SQLiteConnection.Failure {
            try? connection.execute("ROLLBACK")
            throw LedgerError.writeFailed(path: path, reason: error.message)
        } catch {
            try? connection.execute("ROLLBACK")
            throw LedgerError.writeFailed(path: path, reason: "\(error)")
        }
    }

    /// One entry, inside the caller's transaction.
    private func insert(_ entry: LedgerEntry) throws -> Int64 {
        var paid: Int64?
        try connection.run("SELECT id FROM entries WHERE programme = ? AND round = ? AND kind = 'payment'",
                           [.text(entry.programmeID), .text(entry.round)]) { row in paid = row.integer(0) }
        switch (entry.kind, paid) {
        case (.payment, let id?):
            throw LedgerError.alreadyConfirmed(programmeID: entry.programmeID, round: entry.round, entryID: id)
        case (.correction, nil):
            throw LedgerError.nothingToCorrect(programmeID: entry.programmeID, round: entry.round)
        default:
            break
        }
        try connection.run("INSERT INTO entries (programme, round, kind, reason, batch_date, confirmed_at, confirmed_by, counted_on, run_digest, line_count, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [.text(entry.programmeID), .text(entry.round), .text(entry.kind.rawValue), .text(entry.reason),
                            .text(entry.batchDate), .text(entry.confirmedAt), .text(entry.confirmedBy), .text(entry.countedOn),
                            .text(entry.runDigest), .integer(Int64(entry.lines.count)), .text(entry.digest)])
        let id = connection.lastInsertID
        for (role, digest) in entry.inputs.sorted(by: { $0.key < $1.key }) {
            try connection.run("INSERT INTO inputs VALUES (?, ?, ?)", [.integer(id), .text(role), .text(digest)])
        }
        for line in entry.lines {
            try connection.run("INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               [.integer(id), .text(line.schoolCode), .text(line.itemID), .text(line.grade), .text(line.level),
                                .integer(line.pupils.map(Int64.init)), .integer(line.rate?.satang), .integer(line.amount.satang),
                                .text(line.basis)])
        }
        return id
    }
}
