import Foundation
import KhetBatch
import KhetTestSupport
import XCTest

/// `RunComparer` in process: a pay run against the ledger before and after it is confirmed, a
/// run against itself, and where the workbook goes (beside B, never over a file).
final class RunComparerTests: XCTestCase {
    func testAPayRunAgainstTheLedgerBeforeAndAfterItIsConfirmed() throws {
        let folder = try Repository.sampleCopy("khet-comparer")
        let batch = try folder.write("october.toml", SamplePayBatch.toml(date: "2567-10-20", snapshots: [SamplePayBatch.june2567], rounds: ["2/2567"]))
        _ = try BatchRunner(options: BatchOptions()).run(batch: batch)
        let run = folder.file("out/tak2-fy2568_2-2567_2567-10-20"), ledger = folder.file("khet-ledger-6302-2568.sqlite")
        XCTAssertThrowsError(try RunComparer().compare(ledger, run), "no ledger yet") { error in
            XCTAssertEqual((error as? BatchFailure)?.diagnostics.first?.code, "DIFF001")
        }
        _ = try TransferConfirmer(confirmedBy: "analyst", confirmedAt: "2567-10-21T09:00:00+07:00").confirm(batch: batch)
        let confirmed = try RunComparer().compare(ledger, run)
        XCTAssertTrue(confirmed.comparison.isSame, "\(confirmed.comparison.rows.prefix(3))")
        XCTAssertGreaterThan(confirmed.comparison.afterTotal.satang, 0)
        XCTAssertEqual(confirmed.comparison.beforeTotal, confirmed.comparison.afterTotal)
        XCTAssertEqual(confirmed.areaCode, "6302")
        XCTAssertNotNil(confirmed.framework, "the bundled framework names programmes and items")

        let itself = try RunComparer().compare(run, run)
        XCTAssertTrue(itself.comparison.isSame)
        let first = try RunComparer().writeWorkbook(itself, to: nil)
        let second = try RunComparer().writeWorkbook(itself, to: nil)
        XCTAssertEqual(first.lastPathComponent, "diff_tak2-fy2568_2-2567_2567-10-20_tak2-fy2568_2-2567_2567-10-20.xlsx")
        XCTAssertEqual(second.lastPathComponent, "diff_tak2-fy2568_2-2567_2567-10-20_tak2-fy2568_2-2567_2567-10-20-2.xlsx")
        XCTAssertEqual(first.deletingLastPathComponent().standardizedFileURL.path, folder.url.appendingPathComponent("out").standardizedFileURL.path)
        XCTAssertThrowsError(try RunComparer().writeWorkbook(itself, to: first.path)) { error in
            XCTAssertEqual((error as? BatchFailure)?.stage, .output)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.file("out")).filter { $0.hasPrefix(".khet-diff-") }
        XCTAssertEqual(leftovers, [], "no scratch workbook is left behind")
    }
}
