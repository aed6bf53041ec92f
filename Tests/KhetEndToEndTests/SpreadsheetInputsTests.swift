import Foundation
import KhetTestSupport
import XCTest

/// The sample area's snapshots as DMC-style workbooks, and the mistakes in real spreadsheets that
/// would change money, through the built `khet`: the same workbooks as from CSV, or exit 65 with
/// the file, sheet and cell, and nothing written.
final class SpreadsheetInputsTests: XCTestCase {
    private func run(_ folder: TemporaryDirectory, batch: String = "batch.toml", output: String = "out") throws -> ProcessOutput {
        try ProcessRunner.khet(["run", folder.file(batch), "--output", folder.file(output)])
    }

    private func edit(_ name: String, in folder: TemporaryDirectory, _ change: (String) -> String) throws {
        let path = folder.file(name)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "\(name) was not changed")
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func testTheDMCWorkbooksGiveByteIdenticalAllocationWorkbooks() throws {
        // One folder, so that the files' names in the outputs are the same.
        let sample = try Repository.sampleCopy("khet-e2e-xlsx")
        let first = try run(sample, output: "out-csv")
        let second = try run(sample, batch: "batch-xlsx.toml", output: "out-xlsx")
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertEqual(second.status, 0, second.standardError)
        XCTAssertTrue(second.standardError.contains("pupils-2567-11-10.xlsx [จำนวนนักเรียน!206:206]: note: 1 totals row(s) are skipped"),
                      second.standardError)
        for name in ["allocation-2568.xlsx", "distribution.xlsx", "evaluation-2568.xlsx"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: sample.file("out-csv/\(name)"))),
                           try Data(contentsOf: URL(fileURLWithPath: sample.file("out-xlsx/\(name)"))), "\(name) differs")
        }
        let notices = try FileManager.default.contentsOfDirectory(atPath: sample.file("out-csv/schools")).sorted()
        XCTAssertEqual(notices.count, 200)
        for name in [notices[0], notices[199]] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: sample.file("out-csv/schools/\(name)"))),
                           try Data(contentsOf: URL(fileURLWithPath: sample.file("out-xlsx/schools/\(name)"))), name)
        }
        let xlsx = sample
        // The workbooks themselves, read with openpyxl: DMC's layout, merged grades over ชาย / หญิง / รวม.
        let book = try WorkbookReader.read(xlsx.file("pupils-2567-11-10.xlsx"))
        let sheet = try XCTUnwrap(book.sheet("จำนวนนักเรียน"))
        XCTAssertTrue(sheet.merged.contains("D4:F4"), "\(sheet.merged.prefix(5))")
        XCTAssertEqual(sheet.cells["D4"]?.string, "อ.1")
        XCTAssertEqual(sheet.cells["D5"]?.string, "ชาย")
        XCTAssertEqual(sheet.cells["A206"]?.string, "รวม")
    }

    func testAGradeWithOnlyItsBoysColumnStopsTheRunAtItsCell() throws {
        let folder = try Repository.sampleCopy("khet-e2e-boys")
        try FileManager.default.copyItem(atPath: Repository.path("Tests/Fixtures/xlsx/boys-only.xlsx"), toPath: folder.file("poor.xlsx"))
        try edit("batch.toml", in: folder) { $0.replacingOccurrences(of: "poor = \"poor-pupils.csv\"", with: "poor = \"poor.xlsx\"") }
        let result = try run(folder)
        XCTAssertEqual(result.status, 65, result.standardError)
        XCTAssertTrue(result.standardError.contains("poor.xlsx [Sheet1!B1]: error: grade ป.1 has only a boys' column"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")), "nothing is written")
    }

    func testASnapshotDateThatIsNotASnapshotDayIsAnErrorUnlessTheBatchSaysWhatItStandsFor() throws {
        let folder = try Repository.sampleCopy("khet-e2e-date")
        try edit("batch.toml", in: folder) { $0.replacingOccurrences(of: "date = \"2567-11-10\"", with: "date = \"2567-11-01\"") }
        let refused = try run(folder)
        XCTAssertEqual(refused.status, 65, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("batch.toml:24:8: error: snapshot date 2567-11-01 is not 10 June or 10 November"),
                      refused.standardError)
        XCTAssertTrue(refused.standardError.contains("stands_for = \"2567-11-10\""), refused.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")))

        try edit("batch.toml", in: folder) {
            $0.replacingOccurrences(of: "date = \"2567-11-01\"", with: "date = \"2567-11-01\"\nstands_for = \"2567-11-10\"")
        }
        let accepted = try run(folder)
        XCTAssertEqual(accepted.status, 0, accepted.standardError)
        XCTAssertTrue(accepted.standardError.contains("note: the count of 2567-11-01 is used as the snapshot of 2567-11-10 [BAT010]"),
                      accepted.standardError)
        // The 70% advance is still paid on that count: every figure is the one of the 10 November file.
        let plain = try Repository.sampleCopy("khet-e2e-date-plain")
        XCTAssertEqual(try run(plain).status, 0)
        let stoodBook = try WorkbookReader.read(folder.file("out/allocation-2568.xlsx"))
        let trueBook = try WorkbookReader.read(plain.file("out/allocation-2568.xlsx"))
        for sheet in ["สรุป", "ภาค 1-2568 งวด 70%", "ภาค 1-2568 ส่วนที่เหลือ"] {
            let stood = stoodBook.sheet(sheet)
            let true10 = trueBook.sheet(sheet)
            XCTAssertNotNil(stood, sheet)
            XCTAssertEqual(stood?.values.mapValues { $0.number }, true10?.values.mapValues { $0.number }, sheet)
        }
    }

    func testALegacyWorkbookSaysHowToSaveItAsXLSXAndWritesNothing() throws {
        let folder = try Repository.sampleCopy("khet-e2e-xls")
        try FileManager.default.copyItem(atPath: Repository.path("Tests/Fixtures/xlsx/legacy.xls"), toPath: folder.file("schools.xls"))
        try edit("batch.toml", in: folder) { $0.replacingOccurrences(of: "schools = \"schools.csv\"", with: "schools = \"schools.xls\"") }
        let result = try run(folder)
        XCTAssertEqual(result.status, 65, result.standardError)
        XCTAssertTrue(result.standardError.contains("schools.xls: error: the file is a legacy Excel 97-2003 workbook (.xls)"), result.standardError)
        XCTAssertTrue(result.standardError.contains("Excel Workbook (.xlsx)"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")))
    }

    func testAnUnknownSheetNamesTheSheetsThereAre() throws {
        let folder = try Repository.sampleCopy("khet-e2e-sheet")
        try edit("batch-xlsx.toml", in: folder) { $0.replacingOccurrences(of: "sheet = \"จำนวนนักเรียน\"", with: "sheet = \"Sheet1\"") }
        let result = try run(folder, batch: "batch-xlsx.toml")
        XCTAssertEqual(result.status, 65, result.standardError)
        XCTAssertTrue(result.standardError.contains("pupils-2568-06-10.xlsx: error: the workbook has no sheet called 'Sheet1' [XLS006] (its sheets: จำนวนนักเรียน)"),
                      result.standardError)
    }
}
