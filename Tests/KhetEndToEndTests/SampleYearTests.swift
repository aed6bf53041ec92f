import Foundation
import KhetTestSupport
import XCTest

/// The sample area's fiscal year as the README tells an analyst to play it: the bundled pay
/// batches of samples/tak2/year, run and confirmed in turn with the real binary.
final class SampleYearTests: XCTestCase {
    private let rounds = ["oct", "apr", "jul"]
    private let folders = ["out/tak2-fy2568_2-2567_2567-10-20", "out/tak2-fy2568_1-2568-advance+year_2568-04-20",
                           "out/tak2-fy2568_1-2568-balance_2568-07-15"]

    /// A copy of the repository's samples folder, so the batches' relative paths (`../schools.csv`,
    /// `../../../out/…`) resolve as they do in a clone.
    private func repositoryCopy() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory("khet-sample-year")
        try FileManager.default.copyItem(atPath: Repository.path("samples"), toPath: folder.file("samples"))
        try? FileManager.default.removeItem(atPath: folder.file("samples/tak2/year/khet-ledger-6302-2568.sqlite"))
        return folder
    }

    func testTheBundledYearRunsAndConfirmsRoundByRound() throws {
        let folder = try repositoryCopy()
        var entries = 0, lines = 0
        for (round, output) in zip(rounds, folders) {
            let batch = "samples/tak2/year/batch-\(round).toml"
            let run = try ProcessRunner.khet(["run", batch], currentDirectory: folder.path)
            XCTAssertEqual(run.status, 0, run.standardError)
            XCTAssertTrue(run.standardOutput.contains(output + "/lines.json"), run.standardOutput)
            // A transfer warns only about what it pays: October has no November count, and needs none.
            XCTAssertFalse(run.standardError.contains("warning:"), run.standardError)
            let confirm = try ProcessRunner.khet(["confirm", batch, "--by", "analyst"], currentDirectory: folder.path)
            XCTAssertEqual(confirm.status, 0, confirm.standardError)
            let transfer = try LedgerFixture.counts(ofTransfer: folder.file(output))
            entries += transfer.entries
            lines += transfer.lines
        }
        let ledger = folder.file("samples/tak2/year/khet-ledger-6302-2568.sqlite")
        let recorded = try XCTUnwrap(try LedgerFixture.counts(ofLedger: ledger))
        XCTAssertEqual(recorded.entries, entries)
        XCTAssertEqual(recorded.lines, lines)
        XCTAssertEqual(entries, 6, "October's term, April's advance and three whole-year programmes, July's balance")

        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        let again = try ProcessRunner.khet(["run", "samples/tak2/year/batch-oct.toml"], currentDirectory: folder.path)
        XCTAssertEqual(again.status, 65)
        XCTAssertTrue(again.standardError.contains("BAT017"), again.standardError)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: ledger)), before)
    }

    /// The README's loop names the bundled batches, and the ledger they make is never committed.
    func testTheReadmeNamesTheBundledBatchesAndGitIgnoresTheirLedger() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("for round in \(rounds.joined(separator: " ")); do"))
        XCTAssertTrue(readme.contains("samples/tak2/year/batch-$round.toml"))
        for round in rounds {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Repository.path("samples/tak2/year/batch-\(round).toml")))
        }
        guard FileManager.default.fileExists(atPath: Repository.path(".git")) else { return }
        let ignored = try ProcessRunner.run("/usr/bin/env", ["git", "check-ignore", "-q", "samples/tak2/year/khet-ledger-6302-2568.sqlite"],
                                            currentDirectory: Repository.root.path)
        XCTAssertEqual(ignored.status, 0, "the sample year's ledger must stay out of git")
    }
}
