import Foundation
import KhetTestSupport
import XCTest

/// `kill -9` of the real binary at many moments of a confirm (the first, which creates the
/// ledger, and a later one) and of a pay run: the ledger is as it was or holds the whole new
/// transfer, earlier run folders keep their bytes, and the same command afterwards succeeds
/// once and only once. The kills are spread over the command's measured duration and also
/// timed by polling for the moment a scratch file, a journal or a staging folder appears, so
/// some land before and during the commit; the counts are in every failure message.
final class KilledLedgerTests: XCTestCase {
    /// When to kill: after a delay, or as soon as a condition holds (polled).
    private enum Moment: CustomStringConvertible {
        case after(Double)
        case when(String, () -> Bool)
        var description: String {
            switch self {
            case .after(let delay): return String(format: "after %.3f s", delay)
            case .when(let what, _): return "when \(what)"
            }
        }
    }

    private struct Tally: CustomStringConvertible {
        var before = 0, during = 0, afterCommit = 0, finished = 0
        var description: String {
            "kills before the commit: \(before), during it: \(during), after it: \(afterCommit); finished before the kill: \(finished)"
        }
    }

    /// Starts khet in `fixture`'s folder and kills it at `moment`; false when it exited first.
    private func kill(_ arguments: [String], in fixture: LedgerFixture, at moment: Moment) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.khetBinary)
        process.arguments = arguments
        process.currentDirectoryURL = fixture.folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Date()
        try process.run()
        switch moment {
        case .after(let delay):
            while process.isRunning && Date().timeIntervalSince(start) < delay { usleep(200) }
        case .when(_, let reached):
            while process.isRunning && !reached() && Date().timeIntervalSince(start) < 20 { usleep(100) }
        }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    private func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    /// Delays spread over `duration`, and a little past it.
    private func spread(_ duration: Double, count: Int) -> [Moment] {
        (0..<count).map { .after(duration * 1.1 * Double($0) / Double(count - 1)) }
    }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Kills confirms of `batch` (whose run is `runFolder`), putting the ledger back to
    /// `ledgerBefore` (nil: no ledger) before each; checks and finishes each kill's aftermath.
    private func killConfirms(of batch: String, runFolder: String, ledgerBefore: Data?, in fixture: LedgerFixture,
                              earlier: [String: [String: Data]], extra: [Moment]) throws -> Tally {
        let ledger = fixture.ledger, journal = fixture.ledger + "-journal"
        let before = ledgerBefore == nil ? nil : try LedgerFixture.counts(ofLedger: ledger)
        let transfer = try LedgerFixture.counts(ofTransfer: runFolder)
        let whole = (entries: (before?.entries ?? 0) + transfer.entries, lines: (before?.lines ?? 0) + transfer.lines)
        let confirm = ["confirm", batch, "--by", "analyst", "--reason", "test"]
        let duration = try seconds { XCTAssertEqual(try fixture.khet(confirm).status, 0) }
        var tally = Tally()
        for moment in spread(duration, count: 14) + extra {
            try? FileManager.default.removeItem(atPath: journal)
            try? FileManager.default.removeItem(atPath: ledger)
            if let ledgerBefore { try ledgerBefore.write(to: URL(fileURLWithPath: ledger)) }
            let scratch = Set(LedgerFixture.names(in: fixture.folder.path, containing: ".creating-"))
            let killed = try kill(confirm, in: fixture, at: moment)
            let leftover = exists(journal) || !Set(LedgerFixture.names(in: fixture.folder.path, containing: ".creating-"))
                .subtracting(scratch).isEmpty
            let counts = try LedgerFixture.counts(ofLedger: ledger)
            let label = "killed \(moment) (\(tally))"
            if counts?.entries == whole.entries {
                XCTAssertEqual(counts?.lines, whole.lines, "the whole transfer or none: \(label)")
                if killed { tally.afterCommit += 1 } else { tally.finished += 1 }
            } else {
                XCTAssertTrue(killed, "it finished yet recorded nothing: \(label)")
                XCTAssertEqual(counts?.entries ?? 0, before?.entries ?? 0, "the ledger is as it was: \(label)")
                XCTAssertEqual(counts?.lines ?? 0, before?.lines ?? 0, "the ledger is as it was: \(label)")
                if let ledgerBefore, exists(ledger) {
                    XCTAssertEqual(FileManager.default.contents(atPath: ledger), ledgerBefore, "the ledger's bytes: \(label)")
                }
                if leftover || (ledgerBefore == nil && counts != nil) { tally.during += 1 } else { tally.before += 1 }
                let again = try fixture.khet(confirm)
                XCTAssertEqual(again.status, 0, "the confirm after the kill: \(label): \(again.standardError)")
            }
            let twice = try fixture.khet(confirm)
            XCTAssertEqual(twice.status, 65, "a second confirm is refused: \(label)")
            XCTAssertTrue(twice.standardError.contains("CONF001"), twice.standardError)
            XCTAssertEqual(try LedgerFixture.counts(ofLedger: ledger)?.entries, whole.entries, label)
            for (path, contents) in earlier {
                XCTAssertEqual(try FolderContents.read(path), contents, "\(path) changed: \(label)")
            }
        }
        XCTAssertGreaterThan(tally.before + tally.during, 0, "no kill landed before the commit: \(tally)")
        print("KilledLedgerTests \(batch): \(tally)")
        return tally
    }

    /// (a) The first confirm creates the ledger: killed anywhere, no ledger or a whole one.
    func testKillingTheFirstConfirmLeavesNoLedgerOrAWholeOne() throws {
        let fixture = try LedgerFixture("khet-killed-first-confirm")
        let october = try fixture.october()
        XCTAssertEqual(try fixture.khet(["run", october, "-q"]).status, 0)
        let ledger = fixture.ledger
        let folder = fixture.folder.path
        _ = try killConfirms(of: october, runFolder: fixture.octoberFolder, ledgerBefore: nil, in: fixture,
                             earlier: [fixture.octoberFolder: try FolderContents.read(fixture.octoberFolder)],
                             extra: [.when("the scratch ledger appears", { !LedgerFixture.names(in: folder, containing: ".creating-").isEmpty }),
                                     .when("the ledger is linked into place", { FileManager.default.fileExists(atPath: ledger) }),
                                     .when("the journal appears", { FileManager.default.fileExists(atPath: ledger + "-journal") }),
                                     .when("the journal is gone again (committed)", journalCameAndWent(ledger + "-journal"))])
        print("KilledLedgerTests: scratch files left: \(LedgerFixture.names(in: folder, containing: ".creating-"))")
    }

    /// A creation killed once its scratch file exists leaves that file beside the batch; the
    /// next confirm succeeds, and should remove it as a run removes a killed run's staging folder.
    func testTheScratchFileOfAKilledCreationIsCleanedUp() throws {
        let fixture = try LedgerFixture("khet-killed-scratch")
        let october = try fixture.october()
        XCTAssertEqual(try fixture.khet(["run", october, "-q"]).status, 0)
        let folder = fixture.folder.path
        XCTAssertTrue(try kill(["confirm", october], in: fixture,
                               at: .when("the scratch ledger appears", { !LedgerFixture.names(in: folder, containing: ".creating-").isEmpty })))
        XCTAssertFalse(exists(fixture.ledger), "no ledger yet: the scratch file was not linked")
        let confirm = try fixture.khet(["confirm", october])
        XCTAssertEqual(confirm.status, 0, confirm.standardError)
        XCTAssertEqual(LedgerFixture.names(in: folder, containing: ".creating-"), [],
                       "scratch files of killed creations stay beside the batch file for ever")
    }

    /// (b) April's confirm after October's: killed anywhere, October's entry alone or April's too.
    func testKillingALaterConfirmLeavesTheLedgerAsItWasOrWithTheWholeTransfer() throws {
        let fixture = try LedgerFixture("khet-killed-later-confirm")
        try fixture.runAndConfirm(try fixture.october())
        let april = try fixture.april()
        XCTAssertEqual(try fixture.khet(["run", april, "-q"]).status, 0)
        let ledger = fixture.ledger
        let before = try XCTUnwrap(FileManager.default.contents(atPath: ledger))
        _ = try killConfirms(of: april, runFolder: fixture.aprilFolder, ledgerBefore: before, in: fixture,
                             earlier: [fixture.octoberFolder: try FolderContents.read(fixture.octoberFolder),
                                       fixture.aprilFolder: try FolderContents.read(fixture.aprilFolder)],
                             extra: [.when("the journal appears", { FileManager.default.fileExists(atPath: ledger + "-journal") }),
                                     .when("the journal is gone again (committed)", journalCameAndWent(ledger + "-journal"))])
    }

    /// A condition that holds once `path` has appeared and then disappeared.
    private func journalCameAndWent(_ path: String) -> () -> Bool {
        var seen = false
        return {
            let present = FileManager.default.fileExists(atPath: path)
            if present { seen = true }
            return seen && !present
        }
    }

    /// (c) July's pay run after April was confirmed: the ledger's bytes and the earlier folders
    /// never change; July's folder is missing or whole, and the next run writes it whole.
    func testKillingAPayRunLeavesTheLedgerAndEarlierRunsAsTheyWere() throws {
        let fixture = try LedgerFixture("khet-killed-pay-run")
        try fixture.runAndConfirm(try fixture.october())
        try fixture.runAndConfirm(try fixture.april())
        let july = try fixture.july()
        let ledgerBytes = try XCTUnwrap(FileManager.default.contents(atPath: fixture.ledger))
        let earlier = [fixture.octoberFolder: try FolderContents.read(fixture.octoberFolder),
                       fixture.aprilFolder: try FolderContents.read(fixture.aprilFolder)]
        let run = ["run", july, "-q"]
        let julyFolder = fixture.julyFolder
        let duration = try seconds { XCTAssertEqual(try fixture.khet(run).status, 0) }
        let reference = try FolderContents.read(fixture.julyFolder)
        let out = fixture.out
        let staging = { LedgerFixture.names(in: out, containing: ".khet-new-") }
        let stagedManifest = { staging().contains { FileManager.default.fileExists(atPath: out + "/" + $0 + "/manifest.json") } }
        var tally = Tally()
        for moment in spread(duration, count: 7) + [.when("the staging folder appears", { !staging().isEmpty }),
                                                    .when("the staged manifest.json appears", stagedManifest),
                                                    .when("July's folder appears", { FileManager.default.fileExists(atPath: julyFolder) })] {
            try FileManager.default.removeItem(atPath: fixture.julyFolder)
            let killed = try kill(run, in: fixture, at: moment)
            let label = "killed \(moment) (\(tally))"
            XCTAssertEqual(FileManager.default.contents(atPath: fixture.ledger), ledgerBytes, "the ledger's bytes: \(label)")
            for (path, contents) in earlier {
                XCTAssertEqual(try FolderContents.read(path), contents, "\(path) changed: \(label)")
            }
            if exists(fixture.julyFolder) {
                XCTAssertEqual(try FolderContents.read(fixture.julyFolder), reference, "July's folder is whole: \(label)")
                if killed { tally.afterCommit += 1 } else { tally.finished += 1 }
            } else {
                XCTAssertTrue(killed, label)
                if staging().isEmpty { tally.before += 1 } else { tally.during += 1 }
            }
            let again = try fixture.khet(run)
            XCTAssertEqual(again.status, 0, "the run after the kill: \(label): \(again.standardError)")
            XCTAssertEqual(try FolderContents.read(fixture.julyFolder), reference, label)
            XCTAssertEqual(LedgerFixture.names(in: out, containing: ".khet-"), [], "the next run cleans up: \(label)")
        }
        XCTAssertGreaterThan(tally.before + tally.during, 0, "no kill landed before the swap: \(tally)")
        print("KilledLedgerTests july run: \(tally)")
        // July is then confirmed once, and its round is refused by the next run.
        let entries = try XCTUnwrap(try LedgerFixture.counts(ofLedger: fixture.ledger)).entries
        let confirm = try fixture.khet(["confirm", july, "--by", "analyst", "--reason", "test"])
        XCTAssertEqual(confirm.status, 0, confirm.standardError)
        XCTAssertEqual(try LedgerFixture.counts(ofLedger: fixture.ledger)?.entries,
                       entries + (try LedgerFixture.counts(ofTransfer: fixture.julyFolder)).entries)
        XCTAssertEqual(try fixture.khet(["confirm", july]).status, 65)
        let refused = try fixture.khet(run)
        XCTAssertEqual(refused.status, 65)
        XCTAssertTrue(refused.standardError.contains("BAT017"), refused.standardError)
    }
}
