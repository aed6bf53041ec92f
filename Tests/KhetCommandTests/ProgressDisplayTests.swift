import KhetImport
import XCTest
@testable import khet

/// The progress line's text and pacing, with a clock the test moves by hand.
final class ProgressDisplayTests: XCTestCase {
    private final class FakeClock: @unchecked Sendable {
        var now = 100.0
    }

    func testImportLineShowsRowsRatesAndTimeLeft() {
        let progress = ImportProgress(bytesRead: 50_000_000, totalBytes: 200_000_000, rows: 1_000_000)
        let line = ProgressDisplay.importLine(file: "pupils.csv", progress: progress, elapsed: 2)
        XCTAssertEqual(line, "import pupils.csv  1,000,000 rows  500,000 rows/s  25.0 MB/s  25%  left 0:06")
    }

    func testTimeLeftNeedsALittleDoneAndReadsAsMinutesOrHours() {
        XCTAssertNil(ProgressDisplay.timeLeft(fractionDone: 0.001, elapsed: 5))
        XCTAssertEqual(ProgressDisplay.timeLeft(fractionDone: 0.5, elapsed: 75), "1:15")
        XCTAssertEqual(ProgressDisplay.timeLeft(fractionDone: 0.1, elapsed: 3600), "9:00:00")
        XCTAssertEqual(ProgressDisplay.areaLine(done: 36, total: 245, current: "สพป.ตาก เขต 2", elapsed: 36),
                       "write area 37/245 สพป.ตาก เขต 2  left 3:29")
    }

    func testRedrawsAtMostTenTimesASecondAndClearsTheLine() {
        let clock = FakeClock()
        var written: [String] = []
        let display = ProgressDisplay(enabled: true, clock: { clock.now }, output: { written.append($0) })
        let step = ImportProgress(bytesRead: 10, totalBytes: 100, rows: 10)
        display.importing("a.csv", step)
        clock.now += 0.05
        display.importing("a.csv", step)
        XCTAssertEqual(written.count, 1, "a second report within 0.1 s is not drawn")
        clock.now += 0.06
        display.importing("a.csv", step)
        XCTAssertEqual(written.count, 2)
        XCTAssertTrue(written[1].hasPrefix("\rimport a.csv  10 rows"), written[1])
        display.finish()
        XCTAssertEqual(written.last, "\r\u{1B}[K")
    }

    func testADisabledDisplayWritesNothing() {
        var written: [String] = []
        let display = ProgressDisplay(enabled: false, output: { written.append($0) })
        display.stage("import", detail: "a.csv")
        display.importing("a.csv", ImportProgress(bytesRead: 1, totalBytes: 2, rows: 1))
        display.finish()
        XCTAssertTrue(written.isEmpty)
    }
}
