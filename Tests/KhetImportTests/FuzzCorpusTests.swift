import Foundation
import KhetCore
import KhetImport
import KhetTestSupport
import XCTest

/// Every seed of the fuzzers (Fuzz/corpus: real-shaped and broken files) through its reader, as
/// a regression test: each must give a result or an ImportError, and the files whose outcome is
/// known give exactly that. Crashes the fuzzers find are added to the corpus and stay here.
final class FuzzCorpusTests: XCTestCase {
    private func files(_ kind: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = Repository.root.appendingPathComponent("Fuzz/corpus/\(kind)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0))))
        }
    }

    /// The codes of the diagnostics (or of the ImportError) a reader gives.
    private func codes(_ body: () throws -> [Diagnostic]) -> [String] {
        do {
            return try body().map(\.code)
        } catch let error as ImportError {
            return [error.diagnostic.code]
        } catch {
            XCTFail("not an ImportError: \(error)")
            return []
        }
    }

    func testCSVSeeds() throws {
        var outcomes: [String: [String]] = [:]
        for (name, bytes) in try files("csv") {
            outcomes[name] = codes {
                let reader = CSVReader(bytes: bytes, displayName: name)
                while try reader.next() != nil {}
                return []
            }
        }
        XCTAssertEqual(outcomes.count, 13)
        XCTAssertEqual(outcomes["unclosed-quote.csv"], ["CSV001"])
        XCTAssertEqual(outcomes["stray-quote.csv"], ["CSV003"])
        XCTAssertEqual(outcomes["bad-bytes.csv"], ["CSV004"])
        XCTAssertEqual(outcomes["lone-surrogate-utf16.csv"], ["CSV004"])
        for name in ["schools-windows874.csv", "snapshot-tab-utf16le.csv", "snapshot-utf16be.csv", "title-rows.csv"] {
            XCTAssertEqual(outcomes[name], [], name)
        }
    }

    func testPupilRecordSeeds() throws {
        let date = try XCTUnwrap(ThaiDate(year: 2568, month: 6, day: 10))
        var outcomes: [String: [String]] = [:]
        for (name, bytes) in try files("records") {
            outcomes[name] = codes {
                try PupilRecordsImporter().read(from: CSVReader(bytes: bytes, displayName: name), date: date).diagnostics
            }
        }
        XCTAssertEqual(outcomes["records-utf8.csv"], ["REC005", "REC006", "REC011"])
        XCTAssertEqual(outcomes["records-windows874-title.csv"], ["CSV014", "REC005", "REC006", "REC011", "CSV015"])
        XCTAssertEqual(outcomes["records-gcode.csv"], [])
        XCTAssertTrue(outcomes["records-bad.csv"]?.contains("REC004") ?? false)
        // Crashed Grade(code:) with an Int overflow before the fix; now its rows are just wrong.
        XCTAssertTrue(outcomes["crash-grade-digit-overflow.csv"]?.contains("REC007") ?? false,
                      "\(outcomes["crash-grade-digit-overflow.csv"] ?? [])")
    }

    func testXMLSeeds() throws {
        var outcomes: [String: [String]] = [:]
        for (name, bytes) in try files("schoolxml") {
            outcomes[name] = codes { try SchoolDataXMLReader().read(bytes: bytes, displayName: name).diagnostics }
        }
        for (name, bytes) in try files("framework") {
            outcomes["framework/" + name] = codes { try FrameworkReader().read(bytes: bytes, displayName: name).diagnostics }
        }
        XCTAssertEqual(outcomes["school-data.xml"], [])
        XCTAssertEqual(outcomes["school-data-utf16.xml"], [])
        XCTAssertEqual(outcomes["entity-bomb.xml"], ["XML002"])
        XCTAssertEqual(outcomes["external-entity.xml"], ["XML002"])
        XCTAssertEqual(outcomes["not-well-formed.xml"]?.first, "XML001")
        XCTAssertEqual(outcomes["bad-grade.xml"], ["SDX006"])
        XCTAssertEqual(outcomes["framework/fy2568.xml"], [])
        XCTAssertEqual(outcomes["framework/doctype.xml"], ["XML002"])
        XCTAssertEqual(outcomes["framework/truncated.xml"]?.first, "XML001")
        XCTAssertEqual(outcomes["framework/bad-rate.xml"], ["FWK002"])
    }

    func testXLSXSeeds() throws {
        let date = try XCTUnwrap(ThaiDate(year: 2567, month: 11, day: 10))
        var outcomes: [String: [String]] = [:]
        for (name, bytes) in try files("xlsx") {
            outcomes[name] = codes {
                try SnapshotImporter().read(from: TableFile.workbook(bytes: bytes, displayName: name), date: date)
                    .diagnostics.filter { $0.severity != .note }
            }
        }
        XCTAssertGreaterThanOrEqual(outcomes.count, 7)
        XCTAssertEqual(outcomes["dmc-two-row-merged.xlsx"], [])
        XCTAssertEqual(outcomes["sum-mismatch.xlsx"], ["PUP013"])
        XCTAssertEqual(outcomes["formula-without-value.xlsx"], ["XLS010"])
        XCTAssertEqual(outcomes["opendocument.xlsx"], ["XLS005"])
    }
}
