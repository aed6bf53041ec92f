import Foundation
import KhetTestSupport
import XCTest

/// Bad inputs to the real binary's pay runs (`khet run`) and `khet confirm`: rounds that are not
/// the year's, a round listed twice or already confirmed, a ledger of another area or year, a
/// damaged ledger, a ledger inside the output folder, a confirm without its run or of an edited
/// lines.json. Each is refused with exit 65 and a short message naming the file (with line and
/// column for the batch file's errors) and the code, and changes nothing: not the ledger, not
/// any folder, no new output.
final class LedgerBadInputTests: XCTestCase {
    /// Runs khet in the fixture's folder, batch files named as a user types them (relative), and
    /// checks the refusal: exit 65, one of `codes` (any code when empty), each of `naming` in
    /// stderr ("a|b": either), every line under 300 characters once the temporary folder's path
    /// is taken out (it is no part of the message), and not a file changed, added or removed.
    private func assertRefused(_ arguments: [String], in fixture: LedgerFixture, codes: [String], naming: [String],
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let relative = arguments.map { $0.replacingOccurrences(of: fixture.folder.path + "/", with: "") }
        let before = fixture.tree()
        let output = try fixture.khet(relative)
        let what = "khet \(relative.joined(separator: " ")):\n\(output.standardError)"
        XCTAssertEqual(output.status, 65, what, file: file, line: line)
        let found = codes.isEmpty ? output.standardError.range(of: #"\[[A-Z]{3,4}[0-9]{3}\]"#, options: .regularExpression) != nil
            : codes.contains { output.standardError.contains("[\($0)]") }
        XCTAssertTrue(found, "expected a diagnostic code \(codes): \(what)", file: file, line: line)
        for name in naming {
            XCTAssertTrue(name.split(separator: "|").contains { output.standardError.contains($0) },
                          "expected \(name) named: \(what)", file: file, line: line)
        }
        for text in output.standardError.replacingOccurrences(of: fixture.folder.path + "/", with: "").split(separator: "\n")
        where text.count >= 300 {
            XCTFail("a line of \(text.count) characters: \(text)", file: file, line: line)
        }
        let changed = LedgerFixture.differences(before, fixture.tree())
        XCTAssertEqual(changed, [], "the refusal changed files: \(what)", file: file, line: line)
    }

    /// `name.toml:LINE:COLUMN` of the `rounds` value in a batch file.
    private func roundsPosition(_ path: String) throws -> String {
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let index = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("rounds") })
        let column = try XCTUnwrap(lines[index].firstIndex(of: "[")).utf16Offset(in: lines[index]) + 1
        return "\((path as NSString).lastPathComponent):\(index + 1):\(column)"
    }

    private func batch(_ fixture: LedgerFixture, _ name: String, rounds: [String], date: String = "2567-10-20") throws -> String {
        let snapshots = date < "2567-11-10" ? [LedgerFixture.june67] : [LedgerFixture.june67, LedgerFixture.november]
        return try fixture.folder.write(name, LedgerFixture.text(date: date, snapshots: snapshots, rounds: rounds))
    }

    func testRoundsThatAreNotTheYearsOrListedTwiceAreRefused() throws {
        let fixture = try LedgerFixture("khet-bad-rounds")
        let cases: [(rounds: [String], code: String)] = [(["3/2567"], "BAT002"), (["1/2568-advanc"], "BAT002"),
                                                         (["2/2566"], "BAT015"), (["2/2567", "2/2567"], "BAT002")]
        // With no ledger yet, then with October's confirmed.
        for ledger in ["none", "October's"] {
            if ledger != "none" { try fixture.runAndConfirm(try fixture.october()) }
            for (number, bad) in cases.enumerated() {
                let path = try batch(fixture, "bad-\(number).toml", rounds: bad.rounds)
                let position = try roundsPosition(path)
                try assertRefused(["run", path, "-q"], in: fixture, codes: [bad.code], naming: [position])
                // confirm reads the batch first; a round of another year has no run folder to confirm.
                let folder = "tak2-fy2568_\(bad.rounds.joined(separator: "+").replacingOccurrences(of: "/", with: "-"))_2567-10-20"
                try assertRefused(["confirm", path], in: fixture, codes: bad.code == "BAT015" ? ["BAT015", "CONF001"] : [bad.code],
                                  naming: [bad.code == "BAT015" ? "\(position)|\(folder)" : position])
            }
        }
    }

    func testARoundAlreadyConfirmedIsRefusedByRunAndConfirm() throws {
        let fixture = try LedgerFixture("khet-bad-confirmed")
        let october = try fixture.october()
        try fixture.runAndConfirm(october)
        try assertRefused(["run", october, "-q"], in: fixture, codes: ["BAT017"], naming: [try roundsPosition(october)])
        try assertRefused(["confirm", october], in: fixture, codes: ["CONF001"], naming: ["tak2-fy2568_2-2567_2567-10-20"])
        let april = try batch(fixture, "april-again.toml", rounds: ["2/2567", "1/2568-advance"], date: "2568-04-20")
        try assertRefused(["run", april, "-q"], in: fixture, codes: ["BAT017"], naming: [try roundsPosition(april)])
    }

    /// A second run of the round made before the first was confirmed: its confirm is refused,
    /// and the message should say which run (or ledger) it is about.
    func testAConfirmOfARunMadeBeforeTheLedgerChangedIsRefused() throws {
        let fixture = try LedgerFixture("khet-bad-stale-run")
        let october = try fixture.october()
        let octoberAgain = try fixture.folder.write("october-b.toml", LedgerFixture.text(
            date: "2567-10-21", snapshots: [LedgerFixture.june67], rounds: ["2/2567"]))
        XCTAssertEqual(try fixture.khet(["run", octoberAgain, "-q"]).status, 0)
        try fixture.runAndConfirm(october)
        try assertRefused(["confirm", octoberAgain], in: fixture, codes: ["CONF001", "BAT016"],
                          naming: ["tak2-fy2568_2-2567_2567-10-21|khet-ledger-6302-2568.sqlite"])
    }

    /// October confirmed, April run (to confirm) and a second April batch (to run).
    private func aprilReady(_ label: String) throws -> (fixture: LedgerFixture, april: String, aprilB: String) {
        let fixture = try LedgerFixture(label)
        try fixture.runAndConfirm(try fixture.october())
        let april = try fixture.april()
        XCTAssertEqual(try fixture.khet(["run", april, "-q"]).status, 0)
        return (fixture, april, try fixture.april("april-b.toml", date: "2568-04-21"))
    }

    /// Puts each bad ledger in place and checks that both April's confirm and a new run refuse it.
    private func assertBadLedgersRefused(_ ledgers: [(String, Data)], ready: (fixture: LedgerFixture, april: String, aprilB: String)) throws {
        let good = try XCTUnwrap(FileManager.default.contents(atPath: ready.fixture.ledger))
        for (what, bytes) in ledgers {
            try bytes.write(to: URL(fileURLWithPath: ready.fixture.ledger))
            for (command, batch) in [("run", ready.aprilB), ("confirm", ready.april)] {
                let name = (batch as NSString).lastPathComponent
                try assertRefused([command, batch], in: ready.fixture, codes: ["BAT016"],
                                  naming: ["\(name):1:1", "khet-ledger-6302-2568.sqlite"])
                XCTAssertFalse(FileManager.default.fileExists(atPath: ready.fixture.folder.file("out/tak2-fy2568_1-2568-advance+year_2568-04-21")), what)
            }
        }
        try good.write(to: URL(fileURLWithPath: ready.fixture.ledger))
        XCTAssertEqual(try ready.fixture.khet(["confirm", ready.april]).status, 0, "the good ledger is still taken")
    }

    func testALedgerOfAnotherAreaOrFiscalYearIsRefused() throws {
        let ready = try aprilReady("khet-bad-foreign-ledger")
        let fixture = ready.fixture
        // A real ledger of area 6301, made by confirming that area's batch.
        let other = try fixture.folder.write("other-area.toml", LedgerFixture.text(
            date: "2567-10-20", snapshots: [LedgerFixture.june67], rounds: ["2/2567"], head: "ledger = \"other-area.sqlite\"\n",
            area: "6301", output: "other/tak2"))
        try fixture.runAndConfirm(other)
        let otherArea = try XCTUnwrap(FileManager.default.contents(atPath: fixture.folder.file("other-area.sqlite")))
        // Fiscal year 2567: this area's ledger with its year changed.
        let copy = fixture.folder.file("other-year.sqlite")
        try FileManager.default.copyItem(atPath: fixture.ledger, toPath: copy)
        try LedgerFixture.execute("UPDATE ledger SET value = '2567' WHERE key = 'fiscal_year'", onLedger: copy)
        let otherYear = try XCTUnwrap(FileManager.default.contents(atPath: copy))
        try assertBadLedgersRefused([("area 6301", otherArea), ("fiscal year 2567", otherYear)], ready: ready)
    }

    func testADamagedLedgerIsRefused() throws {
        let ready = try aprilReady("khet-bad-damaged-ledger")
        let good = try XCTUnwrap(FileManager.default.contents(atPath: ready.fixture.ledger))
        var generator = SystemRandomNumberGenerator()
        let random = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try assertBadLedgersRefused([("truncated", good.prefix(good.count / 2)), ("random bytes", random), ("empty", Data())],
                                    ready: ready)
    }

    /// The run would replace the folder holding its own ledger.
    func testARunWithItsLedgerInsideTheOutputFolderIsRefused() throws {
        let fixture = try LedgerFixture("khet-bad-ledger-inside-run")
        let inside = try fixture.october("inside.toml", head: "ledger = \"out/tak2-fy2568_2-2567_2567-10-20/ledger.sqlite\"\n")
        try assertRefused(["run", inside, "-q"], in: fixture, codes: ["BAT020"],
                          naming: ["inside.toml:1:", "ledger.sqlite"])
    }

    /// The run was made with the ledger beside the batch; the batch then names one inside it.
    func testAConfirmWithItsLedgerInsideTheRunFolderIsRefused() throws {
        let fixture = try LedgerFixture("khet-bad-ledger-inside-confirm")
        XCTAssertEqual(try fixture.khet(["run", try fixture.october(), "-q"]).status, 0)
        let inside = try fixture.october("october.toml", head: "ledger = \"out/tak2-fy2568_2-2567_2567-10-20/ledger.sqlite\"\n")
        try assertRefused(["confirm", inside], in: fixture, codes: ["BAT020"], naming: ["ledger.sqlite"])
    }

    func testAConfirmWithoutItsRunIsRefused() throws {
        let fixture = try LedgerFixture("khet-bad-no-run")
        let october = try fixture.october()
        try assertRefused(["confirm", october], in: fixture, codes: ["CONF001"], naming: ["tak2-fy2568_2-2567_2567-10-20"])
        try fixture.runAndConfirm(october)
        try assertRefused(["confirm", try fixture.april()], in: fixture, codes: ["CONF001"],
                          naming: ["tak2-fy2568_1-2568-advance+year_2568-04-20"])
    }

    func testAConfirmOfAnEditedTransferIsRefused() throws {
        let fixture = try LedgerFixture("khet-bad-edited")
        let october = try fixture.october()
        let april = try fixture.april()
        XCTAssertEqual(try fixture.khet(["run", october, "-q"]).status, 0)
        for (batch, folder) in [(october, fixture.octoberFolder), (april, fixture.aprilFolder)] {
            if batch == april { try fixture.runAndConfirm(october); XCTAssertEqual(try fixture.khet(["run", april, "-q"]).status, 0) }
            // One school's first amount, a satang more.
            let path = folder + "/lines.json"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let match = try XCTUnwrap(text.range(of: #""amount_satang" *: *[0-9]+"#, options: .regularExpression))
            let digits = try XCTUnwrap(text[match].split(separator: ":").last?.trimmingCharacters(in: .whitespaces))
            let edited = text.replacingCharacters(in: match, with: "\"amount_satang\": \(try XCTUnwrap(Int64(digits)) + 1)")
            try edited.write(toFile: path, atomically: true, encoding: .utf8)
            try assertRefused(["confirm", batch], in: fixture, codes: ["CONF001"], naming: ["lines.json"])
        }
    }
}
