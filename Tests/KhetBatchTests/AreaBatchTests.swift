import Foundation
import KhetBatch
import KhetCore
import KhetTestSupport
import XCTest

/// Whole area batches run in-process through the library's public API: the sample area into a
/// temporary folder, read back with openpyxl, and broken copies of it, with what the caller gets.
final class AreaBatchTests: XCTestCase {
    private func sampleCopy() throws -> TemporaryDirectory { try Repository.sampleCopy("khet-batch") }

    private func run(_ folder: TemporaryDirectory, output: String = "out",
                     options: BatchOptions = BatchOptions()) throws(BatchFailure) -> BatchOutcome {
        var options = options
        options.output = folder.file(output)
        return try BatchRunner(options: options).run(batch: folder.file("batch.toml"))
    }

    /// The failure of a run that should fail; nil when it wrote its outputs.
    private func failure(_ folder: TemporaryDirectory, output: String = "out") -> BatchFailure? {
        do {
            _ = try run(folder, output: output)
            return nil
        } catch {
            return error
        }
    }

    private func replace(_ old: String, with new: String, in file: String, of folder: TemporaryDirectory) throws {
        let path = folder.file(file)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func contents(of folder: String) throws -> [String: Data] { try FolderContents.read(folder) }

    func testSampleBatchWritesEveryOutputAndSaysWhatItWrote() throws {
        let folder = try sampleCopy()
        let outcome = try run(folder)
        guard case .area(let area) = outcome.scope else { return XCTFail("not an area's outcome: \(outcome.scope)") }
        XCTAssertEqual(area.code, "6302")
        XCTAssertEqual(outcome.fiscalYear.year, 2568)
        XCTAssertEqual(outcome.written.map(\.lastPathComponent),
                       ["allocation-2568.xlsx", "evaluation-2568.xlsx", "annual-report-2568.html", "distribution.xlsx",
                        "schools", "allocation-lines.json", "manifest.json"])
        for url in outcome.written { XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), url.path) }
        let schoolRows = try String(contentsOfFile: folder.file("schools.csv"), encoding: .utf8).split(separator: "\n").count - 1
        XCTAssertEqual(outcome.noticeCount, schoolRows)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.file("out/schools")).count, schoolRows)
        XCTAssertEqual(outcome.noticesFolder?.standardizedFileURL, URL(fileURLWithPath: folder.file("out/schools")).standardizedFileURL)
        XCTAssertTrue(outcome.isProvisional, "the bundled fy2568 framework is provisional")
        XCTAssertFalse(outcome.diagnostics.hasErrors)
        XCTAssertTrue(outcome.diagnostics.contains { $0.code == "EVL011" }, "projects without results are pointed out")
        XCTAssertEqual(outcome.fileCount, 9)
        XCTAssertNil(outcome.timings, "timings only when asked for")

        // The area total in the workbook is the sum of its schools' rows, read back with openpyxl.
        let book = try WorkbookReader.read(folder.file("out/allocation-2568.xlsx"))
        let summary = try XCTUnwrap(book.sheet("สรุป"))
        let totalRow = 5 + schoolRows + 1
        XCTAssertEqual(summary.cells["A\(totalRow)"]?.string, "รวมทั้งเขตพื้นที่")
        let rows = (6..<totalRow).compactMap { summary.values["I\($0)"]?.number }
        XCTAssertEqual(rows.count, schoolRows)
        let total = try XCTUnwrap(summary.values["I\(totalRow)"]?.number)
        XCTAssertEqual(Int((rows.reduce(0, +) * 100).rounded()), Int((total * 100).rounded()))
        XCTAssertGreaterThan(total, 0)
    }

    func testTwoRunsWriteTheSameBytesAndTheSecondReplacesTheFirst() throws {
        let folder = try sampleCopy()
        _ = try run(folder, output: "first")
        _ = try run(folder, output: "second")
        let first = try contents(of: folder.file("first"))
        XCTAssertEqual(first.count, 206)
        XCTAssertEqual(first, try contents(of: folder.file("second")))
        // A run into a folder Khet wrote before replaces it whole.
        _ = try run(folder, output: "first")
        XCTAssertEqual(try contents(of: folder.file("first")), first)
    }

    func testInputErrorsWriteNothingAndKeepTheEarlierOutput() throws {
        let folder = try sampleCopy()
        _ = try run(folder)
        let before = try contents(of: folder.file("out"))
        let path = folder.file("pupils-2567-11-10.csv")
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[3].components(separatedBy: ",")
        cells[4] = "สิบ"
        lines[3] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let failed = try XCTUnwrap(failure(folder))
        XCTAssertEqual(failed.stage, .input)
        XCTAssertFalse(failed.isMissingInput)
        let error = try XCTUnwrap(failed.diagnostics.errors.first)
        XCTAssertEqual(error.file, "\(folder.path)/pupils-2567-11-10.csv")
        XCTAssertEqual(error.code, "PUP005")
        XCTAssertEqual(error.line, 4)
        XCTAssertEqual(error.column, cells[0..<4].joined(separator: ",").count + 2)
        XCTAssertEqual(try contents(of: folder.file("out")), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("khet-new") }
        XCTAssertEqual(leftovers, [])
    }

    func testABadBatchFileNamesTheLineOfTheKey() throws {
        let folder = try sampleCopy()
        try replace("date = \"2568-07-15\"", with: "date = \"2568-13-15\"", in: "batch.toml", of: folder)
        let failed = try XCTUnwrap(failure(folder))
        XCTAssertEqual(failed.stage, .manifest)
        let error = try XCTUnwrap(failed.diagnostics.errors.first)
        XCTAssertEqual(error.file, folder.file("batch.toml"))
        XCTAssertEqual(error.line, 4)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")))
    }

    func testAMissingInputIsToldApart() throws {
        let folder = try sampleCopy()
        try FileManager.default.removeItem(atPath: folder.file("boarders.csv"))
        let failed = try XCTUnwrap(failure(folder))
        XCTAssertEqual(failed.stage, .input)
        XCTAssertTrue(failed.isMissingInput)
        XCTAssertTrue(failed.diagnostics.errors.contains { $0.file.hasSuffix("boarders.csv") })
    }

    func testAFolderKhetDidNotWriteIsNeverReplaced() throws {
        let folder = try sampleCopy()
        let letter = try folder.write("documents/letter.txt", "keep me")
        let failed = try XCTUnwrap(failure(folder, output: "documents"))
        XCTAssertEqual(failed.stage, .output)
        XCTAssertTrue(failed.message?.contains("already holds files that Khet did not write") ?? false, failed.message ?? "")
        XCTAssertEqual(try String(contentsOfFile: letter, encoding: .utf8), "keep me")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.file("documents")), ["letter.txt"])
    }

    func testTimingsAreDataWhenAskedFor() throws {
        let folder = try sampleCopy()
        let outcome = try run(folder, options: BatchOptions(measuresTimings: true))
        let stages = try XCTUnwrap(outcome.timings).stages
        XCTAssertEqual(stages.map(\.name), ["import", "calculate", "write"])
        XCTAssertTrue(stages.allSatisfy { $0.seconds >= 0 })
        XCTAssertEqual(stages.first { $0.name == "calculate" }?.items, outcome.noticeCount)
    }
}
