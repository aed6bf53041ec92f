import Foundation
import KhetBatch
import KhetCore
import KhetTestSupport
import XCTest

/// `khet validate` in-process: every problem collected, nothing written.
final class BatchValidatorTests: XCTestCase {
    func testTheSampleValidatesWithItsCountsAndWritesNothing() throws {
        let folder = try Repository.sampleCopy("khet-validate")
        let report = try BatchValidator().validate(batch: folder.file("batch.toml"))
        XCTAssertTrue(report.manifestRead)
        XCTAssertFalse(report.diagnostics.hasErrors, "\(report.diagnostics.errors)")
        XCTAssertEqual(report.schoolCount, 200)
        XCTAssertEqual(report.snapshotCount, 3)
        XCTAssertNil(report.areaCount)
        XCTAssertEqual(report.fileCount, 9)
        // The calculation ran: its warnings are there (poor pupils above the cap).
        XCTAssertTrue(report.diagnostics.contains { $0.code == "CALC013" })
        XCTAssertFalse(try BatchValidator(importOnly: true).validate(batch: folder.file("batch.toml"))
            .diagnostics.contains { $0.code == "CALC013" }, "--import-only skips the calculation")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")))
    }

    func testEveryFilesProblemsAreCollectedInOneGo() throws {
        let folder = try Repository.sampleCopy("khet-validate-bad")
        for name in ["pupils-2567-06-10.csv", "pupils-2568-06-10.csv"] {
            let path = folder.file(name)
            var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
            lines[2] = lines[2].replacingOccurrences(of: ",", with: ",-", options: [], range: lines[2].range(of: ","))
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        let report = try BatchValidator().validate(batch: folder.file("batch.toml"))
        let files = Set(report.diagnostics.errors.map { URL(fileURLWithPath: $0.file).lastPathComponent })
        XCTAssertEqual(files, ["pupils-2567-06-10.csv", "pupils-2568-06-10.csv"])
        XCTAssertTrue(report.diagnostics.errors.allSatisfy { $0.line == 3 }, "\(report.diagnostics.errors)")
    }

    func testAnUnreadableBatchFileIsReportedAlone() throws {
        let folder = try TemporaryDirectory("khet-validate-toml")
        let path = try folder.write("batch.toml", "fiscal_year = 2568\nframework = \n")
        let report = try BatchValidator().validate(batch: path)
        XCTAssertFalse(report.manifestRead)
        XCTAssertEqual(report.fileCount, 1)
        let error = try XCTUnwrap(report.diagnostics.errors.first)
        XCTAssertEqual(error.file, path)
        XCTAssertEqual(error.line, 2)
    }
}
