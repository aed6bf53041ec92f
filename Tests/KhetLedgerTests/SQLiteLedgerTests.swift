import Foundation
import KhetCore
import KhetLedger
import KhetTestSupport
import XCTest

/// The ledger of confirmed rounds in its SQLite file: what is recorded reads back whole, a round
/// is never paid twice, a correction needs its reason, a ledger of another area or year or a
/// damaged file is refused and left as it was, and a writer killed mid-entry leaves nothing of it.
final class SQLiteLedgerTests: XCTestCase {
    private func entry(_ round: String = "2/2567", kind: LedgerEntry.Kind = .payment, reason: String? = nil,
                       amount: Int64 = 8_500_00) -> LedgerEntry {
        LedgerEntry(programmeID: "free-education", round: round, kind: kind, reason: reason, batchDate: "2567-10-20",
                    confirmedAt: "2567-10-21T09:30:00+07:00", confirmedBy: "นักวิเคราะห์นโยบายและแผน",
                    inputs: ["schools": String(repeating: "a", count: 64), "pupils 2567-06-10": String(repeating: "b", count: 64)],
                    lines: [LedgerLine(schoolCode: "9963020001", itemID: "tuition", grade: "อ.1", level: "pre", pupils: 10,
                                       rate: Money(satang: 850_00), amount: Money(satang: amount)),
                            LedgerLine(schoolCode: "9963020002", itemID: "supplies", amount: Money(satang: 1_000_00))])
    }

    private func ledger(_ folder: TemporaryDirectory, area: String = "6302", year: Int = 2568, create: Bool = true) throws -> SQLiteLedger {
        try SQLiteLedger(path: folder.file("ledger.sqlite"), areaCode: area, fiscalYear: year, create: create)
    }

    func testARecordedEntryReadsBackWholeAfterReopening() throws {
        let folder = try TemporaryDirectory("khet-ledger")
        let id = try ledger(folder).record(entry())
        let entries = try ledger(folder, create: false).entries()
        XCTAssertEqual(entries.count, 1)
        var expected = entry()
        expected.id = id
        XCTAssertEqual(entries.first, expected)
        XCTAssertEqual(entries.first?.total, Money(satang: 9_500_00))
    }

    /// A transfer's entries go in together: when one is refused, none is recorded. What a later
    /// run needs (the count a round was paid on, the run, each line's basis) reads back.
    func testATransfersEntriesAreRecordedAllOrNone() throws {
        let folder = try TemporaryDirectory("khet-ledger-transfer")
        let store = try ledger(folder)
        var advance = entry("1/2568-advance")
        advance.countedOn = "2567-11-10"
        advance.runDigest = String(repeating: "c", count: 64)
        advance.lines[0].basis = "advance"
        advance.lines[1].basis = "envelopeScaling"
        let correction = entry("2/2567", kind: .correction, reason: "count corrected", amount: 1_500_00)
        // The correction of a round never paid is refused, and takes the advance with it.
        XCTAssertThrowsError(try store.record([advance, correction])) { error in
            XCTAssertEqual(error as? LedgerError, .nothingToCorrect(programmeID: "free-education", round: "2/2567"))
        }
        XCTAssertEqual(try store.entries(), [])
        let ids = try store.record([entry(), advance, correction])
        XCTAssertEqual(ids.count, 3)
        let entries = try ledger(folder, create: false).entries()
        XCTAssertEqual(entries.map(\.round), ["2/2567", "1/2568-advance", "2/2567"])
        XCTAssertEqual(entries[1].countedOn, "2567-11-10")
        XCTAssertEqual(entries[1].runDigest, advance.runDigest)
        XCTAssertEqual(entries[1].lines.map(\.basis), ["advance", "envelopeScaling"])
        XCTAssertEqual(entries[2].reason, "count corrected")
        // Two payments of one round in one transfer: the second is refused, the first not kept.
        XCTAssertThrowsError(try store.record([entry("1/2568-balance"), entry("1/2568-balance")]))
        XCTAssertEqual(try store.entries().count, 3)
    }

    func testARoundIsNeverPaidTwiceAndACorrectionNeedsItsReason() throws {
        let folder = try TemporaryDirectory("khet-ledger-twice")
        let store = try ledger(folder)
        let first = try store.record(entry())
        XCTAssertThrowsError(try store.record(entry(amount: 9_000_00))) { error in
            XCTAssertEqual(error as? LedgerError, .alreadyConfirmed(programmeID: "free-education", round: "2/2567", entryID: first))
        }
        XCTAssertThrowsError(try store.record(entry(kind: .correction, reason: "  "))) { error in
            XCTAssertEqual(error as? LedgerError, .correctionWithoutReason)
        }
        XCTAssertThrowsError(try store.record(entry("1/2568-advance", kind: .correction, reason: "นับผิด"))) { error in
            XCTAssertEqual(error as? LedgerError, .nothingToCorrect(programmeID: "free-education", round: "1/2568-advance"))
        }
        let correction = try store.record(entry(kind: .correction, reason: "แก้จำนวนนักเรียน 10 พ.ย. ของโรงเรียน 9963020001", amount: 50_00))
        let entries = try store.entries()
        XCTAssertEqual(entries.map(\.id), [first, correction], "refused entries left nothing behind")
        XCTAssertEqual(entries.last?.kind, .correction)
        XCTAssertEqual(entries.first?.lines.first?.amount, Money(satang: 8_500_00), "the payment is never changed")
    }

    func testALedgerOfAnotherAreaOrYearIsRefused() throws {
        let folder = try TemporaryDirectory("khet-ledger-other")
        _ = try ledger(folder).record(entry())
        XCTAssertThrowsError(try ledger(folder, area: "6301")) { error in
            XCTAssertEqual(error as? LedgerError, .otherArea(path: folder.file("ledger.sqlite"), found: "6302", expected: "6301"))
        }
        XCTAssertThrowsError(try ledger(folder, year: 2569)) { error in
            XCTAssertEqual(error as? LedgerError, .otherFiscalYear(path: folder.file("ledger.sqlite"), found: 2568, expected: 2569))
        }
        XCTAssertThrowsError(try SQLiteLedger(path: folder.file("missing.sqlite"), areaCode: "6302", fiscalYear: 2568, create: false))
    }

    func testADamagedOrForeignFileIsRefusedAndLeftAsItWas() throws {
        let folder = try TemporaryDirectory("khet-ledger-damaged")
        _ = try ledger(folder).record(entry())
        let good = try Data(contentsOf: URL(fileURLWithPath: folder.file("ledger.sqlite")))
        let cases: [(String, Data)] = [
            ("random bytes", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })),
            ("cut short", good.prefix(good.count / 2)),
            ("empty", Data()),
            ("text", Data("รหัสโรงเรียน,ป.1\n".utf8)),
        ]
        for (name, bytes) in cases {
            let path = folder.file("\(name).sqlite")
            try bytes.write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try SQLiteLedger(path: path, areaCode: "6302", fiscalYear: 2568, create: false).entries(), name) { error in
                guard case .damaged = error as? LedgerError else { return XCTFail("\(name): \(error)") }
            }
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes, "\(name) is left as it was")
        }
    }

    /// An amount, a count or a reason changed outside Khet no longer matches the entry's SHA-256:
    /// the ledger is refused as damaged, never read as a smaller or larger payment.
    func testAnEntryChangedOutsideKhetIsDamageNotAPayment() throws {
        let folder = try TemporaryDirectory("khet-ledger-edited")
        _ = try ledger(folder).record(entry())
        let path = folder.file("ledger.sqlite")
        let edits = ["UPDATE lines SET amount_satang = amount_satang + 100 WHERE rowid = 1",
                     "UPDATE lines SET pupils = 11 WHERE rowid = 1",
                     "UPDATE entries SET confirmed_by = 'someone else'",
                     "UPDATE inputs SET sha256 = 'c' WHERE role = 'schools'"]
        let pristine = try Data(contentsOf: URL(fileURLWithPath: path))
        for edit in edits {
            try pristine.write(to: URL(fileURLWithPath: path))
            let script = "import sqlite3; db = sqlite3.connect(r'\(path)'); db.execute(\"\(edit)\"); db.commit()"
            let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script])
            XCTAssertEqual(result.status, 0, result.standardError)
            XCTAssertThrowsError(try ledger(folder, create: false).entries(), edit) { error in
                guard case .damaged(_, let reason) = error as? LedgerError else { return XCTFail("\(edit): \(error)") }
                XCTAssertTrue(reason.contains("changed outside Khet"), reason)
            }
        }
    }

    /// A writer killed (SIGKILL) in the middle of an entry, between its lines: SQLite's journal
    /// takes the file back to before the entry when the ledger is next opened.
    func testAWriterKilledMidEntryLeavesTheLedgerAsItWas() throws {
        let folder = try TemporaryDirectory("khet-ledger-killed")
        let first = try ledger(folder).record(entry())
        let path = folder.file("ledger.sqlite")
        let script = """
            import os, signal, sqlite3
            db = sqlite3.connect(r'\(path)', isolation_level=None)
            db.execute('BEGIN IMMEDIATE')
            db.execute("INSERT INTO entries (programme, round, kind, batch_date, confirmed_at, confirmed_by, line_count, digest) VALUES ('free-education', '1/2568-advance', 'payment', '2568-04-20', 'now', 'x', 3, 'x')")
            entry = db.execute('SELECT max(id) FROM entries').fetchone()[0]
            db.execute("INSERT INTO lines VALUES (?, '9963020001', 'tuition', NULL, NULL, NULL, NULL, 100, 'perPupil')", (entry,))
            os.kill(os.getpid(), signal.SIGKILL)
            """
        let killed = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script])
        XCTAssertEqual(killed.status, 9, "the writer was killed: \(killed.standardError)")
        let entries = try ledger(folder, create: false).entries()
        XCTAssertEqual(entries.map(\.id), [first], "nothing of the killed entry is left")
        XCTAssertEqual(entries.first?.lines.count, 2)
        _ = try ledger(folder).record(entry("1/2568-advance"))
        XCTAssertEqual(try ledger(folder).entries().count, 2, "the round can be confirmed after the killed attempt")
    }

    /// A ledger appears whole or not at all: it is made in a file of its own and linked into place,
    /// so a creation killed half-way leaves only that scratch file, never an empty ledger that every
    /// later run would refuse; the next writer removes what a dead process left, never a live one's.
    func testANewLedgerAppearsWholeOrNotAtAll() throws {
        let folder = try TemporaryDirectory("khet-ledger-new")
        let path = folder.file("ledger.sqlite")
        // What a creation killed before its link leaves: a scratch file and its journal, no ledger.
        let dead = try ProcessRunner.run("/bin/sh", ["-c", "echo $$"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let killed = ["ledger.sqlite.creating-\(dead)-1a2b3c4d", "ledger.sqlite.creating-\(dead)-1a2b3c4d-journal"]
        let live = "ledger.sqlite.creating-\(getpid())-9f8e7d6c"
        for name in killed + [live] { try Data("half-made".utf8).write(to: URL(fileURLWithPath: folder.file(name))) }
        XCTAssertThrowsError(try ledger(folder, create: false)) { error in
            guard case .cannotOpen = error as? LedgerError else { return XCTFail("\(error)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "a run that only reads creates no ledger")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).count, 3, "a reader removes nothing")
        _ = try ledger(folder).record(entry())
        XCTAssertEqual(try ledger(folder, create: false).entries().count, 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".creating-") }
        XCTAssertEqual(left, [live], "the dead process's scratch files are gone, a live one's stays")
        // Two openers racing to create the ledger both end up on the one file.
        let other = folder.file("race.sqlite")
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 8)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            results[index] = (try? SQLiteLedger(path: other, areaCode: "6302", fiscalYear: 2568, create: true)) != nil
        }
        XCTAssertEqual(Array(results), Array(repeating: true, count: 8))
        XCTAssertEqual(try SQLiteLedger(path: other, areaCode: "6302", fiscalYear: 2568, create: false).entries(), [])
    }
}
