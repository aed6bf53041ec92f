import Foundation
import KhetTestSupport
import XCTest

/// A copy of the sample area with the fiscal year's pay batches (October, April, July, as
/// FiscalYearTests writes them) for tests that run the real `khet` binary against its ledger.
final class LedgerFixture {
    let folder: TemporaryDirectory
    static let june67 = "2567-06-10", november = "2567-11-10", june68 = "2568-06-10"

    init(_ label: String) throws { folder = try Repository.sampleCopy(label) }

    /// The default ledger beside the batch files.
    var ledger: String { folder.file("khet-ledger-6302-2568.sqlite") }
    var out: String { folder.file("out") }

    /// A pay batch of the sample area; `head` goes first (e.g. `ledger = "…"`), `extra` last.
    static func text(date: String, snapshots: [String], rounds: [String], head: String = "", area: String = "6302",
                     output: String = "out/tak2-fy2568", extra: String = "") -> String {
        SamplePayBatch.toml(date: date, snapshots: snapshots, rounds: rounds, extra: extra, head: head, areaCode: area, output: output)
    }

    @discardableResult
    func october(_ name: String = "october.toml", head: String = "") throws -> String {
        try folder.write(name, Self.text(date: "2567-10-20", snapshots: [Self.june67], rounds: ["2/2567"], head: head))
    }

    @discardableResult
    func april(_ name: String = "april.toml", date: String = "2568-04-20") throws -> String {
        try folder.write(name, Self.text(date: date, snapshots: [Self.june67, Self.november], rounds: ["1/2568-advance", "year"]))
    }

    @discardableResult
    func july() throws -> String {
        try folder.write("july.toml", Self.text(date: "2568-07-15", snapshots: [Self.june67, Self.november, Self.june68],
                                                rounds: ["1/2568-balance"]))
    }

    var octoberFolder: String { folder.file("out/tak2-fy2568_2-2567_2567-10-20") }
    var aprilFolder: String { folder.file("out/tak2-fy2568_1-2568-advance+year_2568-04-20") }
    var julyFolder: String { folder.file("out/tak2-fy2568_1-2568-balance_2568-07-15") }

    func khet(_ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.khet(arguments, currentDirectory: folder.path)
    }

    /// `khet run` then `khet confirm` of `batch`, both of which must succeed.
    func runAndConfirm(_ batch: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try khet(["run", batch, "-q"])
        XCTAssertEqual(run.status, 0, run.standardError, file: file, line: line)
        let confirm = try khet(["confirm", batch, "--by", "analyst", "--reason", "test"])
        XCTAssertEqual(confirm.status, 0, confirm.standardError, file: file, line: line)
    }

    /// Entries and lines in the ledger at `path`, read with python3's sqlite3 (which, like the
    /// next khet, rolls back what a killed writer left in a hot journal); nil when there is no file.
    static func counts(ofLedger path: String) throws -> (entries: Int, lines: Int)? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let script = "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n"
            + "print(c.execute('select count(*) from entries').fetchone()[0], c.execute('select count(*) from lines').fetchone()[0])"
        let output = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, path])
        let numbers = output.standardOutput.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard output.status == 0, numbers.count == 2 else {
            XCTFail("python3 could not read the ledger \(path): \(output.standardError)")
            return (-1, -1)
        }
        return (numbers[0], numbers[1])
    }

    /// The entries (payments) and lines a run's lines.json holds: what its confirm records.
    static func counts(ofTransfer runFolder: String) throws -> (entries: Int, lines: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: runFolder + "/lines.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let payments = json["payments"] as? [[String: Any]] ?? []
        return (payments.count, payments.map { ($0["lines"] as? [Any])?.count ?? 0 }.reduce(0, +))
    }

    /// Runs SQL on a ledger with python3's sqlite3 (to make a ledger of another area or year).
    static func execute(_ sql: String, onLedger path: String) throws {
        let script = "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute(sys.argv[2])\nc.commit()"
        let output = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, path, sql])
        XCTAssertEqual(output.status, 0, output.standardError)
    }

    /// Every path under the sample folder, folders included (as nil), with every file's bytes:
    /// equal before and after means nothing was created, removed or changed.
    func tree() -> [String: Data?] {
        var found: [String: Data?] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.file(path), isDirectory: &isFolder)
            found[path] = isFolder.boolValue ? .some(nil) : FileManager.default.contents(atPath: folder.file(path))
        }
        return found
    }

    /// The paths whose bytes (or presence) differ between two trees.
    static func differences(_ before: [String: Data?], _ after: [String: Data?]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// Names in `directory` containing `fragment` (scratch files, journals, staging folders).
    static func names(in directory: String, containing fragment: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(fragment) }.sorted()
    }
}
