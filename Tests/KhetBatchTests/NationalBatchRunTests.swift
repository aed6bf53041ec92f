import Foundation
import KhetBatch
import KhetCore
import KhetImport
import KhetSample
import KhetTestSupport
import XCTest

/// A national data set run in-process: the generated country, split by area, with progress
/// reported through the protocol rather than printed.
final class NationalBatchRunTests: XCTestCase {
    /// Records every call, as the executable's display would receive them.
    private final class RecordingProgress: BatchProgress, @unchecked Sendable {
        private let lock = NSLock()
        private(set) var stages: [String] = []
        private(set) var areaCalls = 0
        private(set) var finishes = 0

        func stage(_ name: String, detail: String) { lock.withLock { stages.append("\(name) \(detail)") } }
        func importing(_ file: String, _ progress: ImportProgress) {}
        func areas(done: Int, total: Int, current: String) { lock.withLock { areaCalls += 1 } }
        func finish() { lock.withLock { finishes += 1 } }
    }

    func testACountryIsWrittenAreaByAreaWithProgressThroughTheProtocol() throws {
        let folder = try TemporaryDirectory("khet-national-batch")
        let sample = try SampleDataSet.writeNational(seed: 11, areas: 3, schools: 90, to: folder.url)
        XCTAssertEqual(sample.areaCount, 3)
        let progress = RecordingProgress()
        let options = BatchOptions(output: folder.file("out"), jobs: 2, measuresTimings: true)
        let outcome = try BatchRunner(options: options, progress: progress).run(batch: folder.file("batch.toml"))

        XCTAssertEqual(outcome.scope, .national(areaCount: 3))
        XCTAssertNil(outcome.noticesFolder)
        XCTAssertEqual(outcome.written.map(\.lastPathComponent).sorted(), ["areas", "manifest.json", "national-summary-2568.xlsx"])
        let areaFolders = try FileManager.default.contentsOfDirectory(atPath: folder.file("out/areas")).sorted()
        XCTAssertEqual(areaFolders.count, 3)
        XCTAssertTrue(progress.stages.contains { $0.hasPrefix("import ") && $0.hasSuffix("schools.csv") }, "\(progress.stages)")
        XCTAssertEqual(progress.areaCalls, 3)
        XCTAssertGreaterThan(progress.finishes, 0)
        let stageNames = try XCTUnwrap(outcome.timings).stages.map(\.name)
        for stage in ["import", "calculate", "area workbooks", "summary"] {
            XCTAssertTrue(stageNames.contains(stage), "\(stage) missing from \(stageNames)")
        }

        // Each area's row of the summary is its workbook's total, and the rows add up to the
        // national total: read back with openpyxl.
        func satang(_ value: JSONValue?) -> Int { value?.number.map { Int(($0 * 100).rounded()) } ?? Int.min }
        let books = try WorkbookReader.read([folder.file("out/national-summary-2568.xlsx")]
                                            + areaFolders.map { folder.file("out/areas/\($0)/allocation-2568.xlsx") })
        let summary = try XCTUnwrap(books[0].sheets.first)
        var national = 0
        for (offset, code) in areaFolders.enumerated() {
            XCTAssertEqual(summary.cells["A\(6 + offset)"]?.string, code)
            let area = try XCTUnwrap(books[offset + 1].sheet("สรุป"))
            let total = satang(summary.values["I\(6 + offset)"])
            XCTAssertEqual(total, satang(area.values["I\(area.maxRow)"]), code)
            XCTAssertGreaterThan(total, 0)
            national += total
        }
        XCTAssertEqual(satang(summary.values["I9"]), national)
    }

    func testANationalRunWithNoticesListsThemAndCanBeRunAgain() throws {
        let folder = try TemporaryDirectory("khet-national-notices")
        _ = try SampleDataSet.writeNational(seed: 5, areas: 2, schools: 30, to: folder.url)
        let options = BatchOptions(output: folder.file("out"), notices: true, jobs: 2)
        _ = try BatchRunner(options: options).run(batch: folder.file("batch.toml"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("out/manifest.json"))))
        let outputs = try XCTUnwrap((manifest as? [String: Any])?["outputs"] as? [[String: Any]])
        let notices = outputs.filter { $0["role"] as? String == "notice" }.compactMap { $0["path"] as? String }
        let written = try FolderContents.read(folder.file("out")).keys.filter { $0.contains("/schools/") }
        XCTAssertEqual(Set(notices), Set(written), "manifest.json lists every notice written")
        XCTAssertGreaterThan(notices.count, 20)
        // So the folder is Khet's own, and a second run replaces it.
        XCTAssertNoThrow(try BatchRunner(options: options).run(batch: folder.file("batch.toml")))
    }
}
