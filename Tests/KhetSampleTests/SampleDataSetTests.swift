import Foundation
import KhetCore
import KhetSample
import KhetTestSupport
import XCTest

/// The generators in-process: the same seed writes the same bytes, the counts they report are
/// the files' own, and a folder that cannot be written is named in the error.
final class SampleDataSetTests: XCTestCase {
    private func rows(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.components(separatedBy: ",") }
    }

    private func bytes(of files: [URL]) throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: try files.map { ($0.lastPathComponent, try Data(contentsOf: $0)) })
    }

    func testTheSameSeedWritesTheSameBytesAndAnotherSeedOtherContent() throws {
        let folder = try TemporaryDirectory("khet-sample-seed")
        let first = try SampleDataSet.writeArea(seed: 5, schools: 40, to: folder.url.appendingPathComponent("a"))
        let again = try SampleDataSet.writeArea(seed: 5, schools: 40, to: folder.url.appendingPathComponent("b"))
        let other = try SampleDataSet.writeArea(seed: 6, schools: 40, to: folder.url.appendingPathComponent("c"))
        XCTAssertEqual(first.files.last?.lastPathComponent, "batch.toml", "the batch is written last")
        XCTAssertEqual(try bytes(of: first.files), try bytes(of: again.files))
        XCTAssertNotEqual(try bytes(of: first.files)["schools.csv"], try bytes(of: other.files)["schools.csv"])
    }

    func testWhatAnAreaSampleReportsIsWhatItsFilesHold() throws {
        let folder = try TemporaryDirectory("khet-sample-area")
        let written = try SampleDataSet.writeArea(seed: 2568, schools: 30, fiscalYear: 2570, to: folder.url)
        XCTAssertEqual(written.areaCount, 1)
        XCTAssertEqual(written.schoolCount, 30)
        XCTAssertEqual(try rows(folder.url.appendingPathComponent("schools.csv")).count, 31)
        let latest = try XCTUnwrap(written.latestDate)
        XCTAssertEqual(latest.isoBE, "2570-06-10")
        let pupils = try rows(folder.url.appendingPathComponent("pupils-\(latest.isoBE).csv"))
        let total = try XCTUnwrap(pupils.first?.firstIndex(of: "รวม"))
        XCTAssertEqual(pupils.dropFirst().compactMap { Int($0[total]) }.reduce(0, +), written.latestPupils)
        XCTAssertGreaterThan(written.latestPupils, 0)
        let batch = try String(contentsOf: folder.url.appendingPathComponent("batch.toml"), encoding: .utf8)
        XCTAssertTrue(batch.contains("fiscal_year = 2570"), batch)
    }

    func testANationalSampleGivesEverySchoolAKnownArea() throws {
        let folder = try TemporaryDirectory("khet-sample-national")
        let written = try SampleDataSet.writeNational(seed: 3, areas: 4, schools: 100, to: folder.url)
        XCTAssertEqual(written.areaCount, 4)
        XCTAssertEqual(written.schoolCount, 100)
        let areas = try rows(folder.url.appendingPathComponent("areas.csv")).dropFirst().map { $0[0] }
        XCTAssertEqual(Set(areas).count, 4)
        let schools = try rows(folder.url.appendingPathComponent("schools.csv")).dropFirst()
        XCTAssertEqual(schools.count, 100)
        XCTAssertTrue(schools.allSatisfy { areas.contains($0[2]) })
        for area in areas { XCTAssertTrue(schools.contains { $0[2] == area }, "area \(area) has a school") }
    }

    func testAFolderThatCannotBeMadeIsNamed() throws {
        let folder = try TemporaryDirectory("khet-sample-error")
        let file = try folder.write("taken", "a file, not a folder")
        XCTAssertThrowsError(try SampleDataSet.writeArea(seed: 1, schools: 5, to: URL(fileURLWithPath: file))) { error in
            guard let failure = error as? SampleWriteError else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.path, file)
            XCTAssertTrue(failure.description.contains("not a folder"), failure.description)
        }
    }
}
