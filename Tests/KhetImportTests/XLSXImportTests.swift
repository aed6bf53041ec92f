import Foundation
import KhetCore
@testable import KhetImport
import KhetTestSupport
import XCTest

/// XLSX inputs as offices receive them from DMC and OBEC (the fixtures come from
/// Tests/Fixtures/xlsx/make_fixtures.py): every layout gives the pupils it holds, and every
/// layout Khet cannot read for sure is an error at its sheet and cell.
final class XLSXImportTests: XCTestCase {
    private let november = ThaiDate(year: 2567, month: 11, day: 10)!

    private func fixture(_ name: String) -> String { Repository.path("Tests/Fixtures/xlsx/\(name)") }

    private func snapshot(_ name: String, sheet: String? = nil) throws -> SnapshotImporter.Result {
        try SnapshotImporter().read(path: fixture(name), displayName: name, sheet: sheet, date: november)
    }

    /// The fixtures' three schools, boys plus girls per grade.
    private func assertTheThreeSchools(_ result: SnapshotImporter.Result, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.diagnostics.errors, [], file: file, line: line)
        XCTAssertEqual(result.snapshot.counts.keys.sorted(), ["63020001", "63020002", "63020003"], file: file, line: line)
        XCTAssertEqual(result.snapshot.counts["63020001"]?[.k2], 9, file: file, line: line)
        XCTAssertEqual(result.snapshot.counts["63020001"]?[.p1], 15, file: file, line: line)
        XCTAssertEqual(result.snapshot.counts["63020002"]?[.p6], 6, file: file, line: line)
        XCTAssertEqual(result.snapshot.counts["63020003"]?[.p4], 30, file: file, line: line)
        XCTAssertEqual(result.snapshot.counts["63020003"]?.total, 215, file: file, line: line)
        XCTAssertFalse(result.diagnostics.contains { $0.code == "PUP015" }, "the totals agree", file: file, line: line)
    }

    func testDMCReportWithMergedGradesOverSexColumnsReadsTheTotals() throws {
        let result = try snapshot("dmc-two-row-merged.xlsx")
        assertTheThreeSchools(result)
        XCTAssertTrue(result.diagnostics.contains { $0.code == "PUP014" }, "the totals row is skipped, and said so")
        XCTAssertTrue(result.diagnostics.contains { $0.code == "CSV014" }, "the title rows are skipped, and said so")
    }

    func testRepeatedLongGradeNamesInlineStringsAndNumbersStoredAsText() throws {
        assertTheThreeSchools(try snapshot("dmc-two-row-repeated.xlsx"))
    }

    func testOneHeaderRowWithDistrictSubtotalsAndAGrandTotal() throws {
        let result = try snapshot("dmc-one-row.xlsx")
        assertTheThreeSchools(result)
        let note = try XCTUnwrap(result.diagnostics.first { $0.code == "PUP014" })
        XCTAssertTrue(note.message.hasPrefix("3 totals row(s)"), note.message)
    }

    func testAGradeInTwoUnlabelledColumnsIsAnErrorAtItsCell() throws {
        let result = try snapshot("ambiguous-two-columns.xlsx")
        let error = try XCTUnwrap(result.diagnostics.errors.first)
        XCTAssertEqual(error.code, "PUP001")
        XCTAssertEqual(error.location, "ambiguous-two-columns.xlsx [Sheet1!C1]")
        XCTAssertTrue(result.snapshot.counts.isEmpty, "nothing is read")
    }

    func testOnlyTheBoysColumnIsAnError() throws {
        let result = try snapshot("boys-only.xlsx")
        XCTAssertEqual(result.diagnostics.errors.map(\.code), ["PUP012"])
        XCTAssertEqual(result.diagnostics.errors.first?.location, "boys-only.xlsx [Sheet1!B1]")
    }

    func testAPlainColumnBesideSplitOnesIsAnError() throws {
        let result = try snapshot("plain-beside-split.xlsx")
        XCTAssertEqual(result.diagnostics.errors.map(\.code), ["PUP001"])
    }

    func testBoysAndGirlsThatDoNotMakeTheTotalAreAnError() throws {
        let result = try snapshot("sum-mismatch.xlsx")
        let error = try XCTUnwrap(result.diagnostics.errors.first)
        XCTAssertEqual(error.code, "PUP013")
        XCTAssertEqual(error.location, "sum-mismatch.xlsx [Sheet1!D3]")
        XCTAssertTrue(error.message.contains("make 15, but the total is 16"), error.message)
    }

    func testAMistypedGradeColumnIsAnError() throws {
        let result = try snapshot("mistyped-grade.xlsx")
        let error = try XCTUnwrap(result.diagnostics.errors.first)
        XCTAssertEqual(error.code, "PUP011")
        XCTAssertEqual(error.location, "mistyped-grade.xlsx [Sheet1!C1]")
    }

    func testATotalsRowThatDisagreesWithTheSchoolsIsPointedOut() throws {
        let result = try snapshot("totals-disagree.xlsx")
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertEqual(result.snapshot.counts.count, 2, "the totals row is not a school")
        let warning = try XCTUnwrap(result.diagnostics.first { $0.code == "PUP015" })
        XCTAssertEqual(warning.location, "totals-disagree.xlsx [Sheet1!C4]")
    }

    func testABadCountNamesItsCellButNotOnlyItsLine() throws {
        let result = try snapshot("not-a-count.xlsx")
        XCTAssertEqual(result.diagnostics.errors.map(\.location), ["not-a-count.xlsx [Sheet1!C2]"])
    }

    func testSchoolsListWithTitleMergedDistrictsBooleansAndATotalsRow() throws {
        let result = try SchoolsImporter().read(path: fixture("schools-titled.xlsx"), displayName: "schools.xlsx")
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertEqual(result.schools.map(\.code), ["63020001", "63020002", "63020003"])
        XCTAssertEqual(result.schools.map(\.district), ["แม่สอด", "แม่สอด", "พบพระ"], "the merged district names each school")
        XCTAssertEqual(result.schools.map(\.isBoarding), [false, false, true])
        XCTAssertTrue(result.diagnostics.contains { $0.code == "SCH009" })
    }

    func testPupilRecordsOnANamedSheetWithDatesAsSerials() throws {
        let june = ThaiDate(year: 2567, month: 6, day: 10)!
        let result = try PupilRecordsImporter().read(path: fixture("pupil-records.xlsx"), displayName: "records.xlsx",
                                                      sheet: "นักเรียน", date: june)
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertEqual(result.snapshot.counts["63020001"]?[.p1], 2)
        XCTAssertEqual(result.snapshot.counts["63020001"]?[.p2], 1)
        // The first sheet is a note: its missing columns are named on it.
        let first = try PupilRecordsImporter().read(path: fixture("pupil-records.xlsx"), displayName: "records.xlsx", date: june)
        XCTAssertTrue(first.diagnostics.errors.contains { $0.code == "CSV012" && $0.sheet == "คำอธิบาย" })
    }

    func testAnUnknownSheetIsAnErrorThatSuggestsTheNearestName() throws {
        XCTAssertThrowsError(try snapshot("dmc-one-row.xlsx", sheet: "ข้อมุล")) { error in
            let diagnostic = (error as? ImportError)?.diagnostic
            XCTAssertEqual(diagnostic?.code, "XLS006")
            XCTAssertEqual(diagnostic?.hint, "did you mean 'ข้อมูล'?")
        }
    }

    func testAFormulaWithoutASavedResultIsAnError() throws {
        XCTAssertThrowsError(try snapshot("formula-without-value.xlsx")) { error in
            XCTAssertEqual((error as? ImportError)?.diagnostic.code, "XLS010")
            XCTAssertEqual((error as? ImportError)?.diagnostic.location, "formula-without-value.xlsx [Sheet!C2]")
        }
    }

    func testSpreadsheetFormatsKhetDoesNotReadSayHowToSaveAsXLSX() throws {
        for (name, code) in [("legacy.xls", "XLS001"), ("web-page.xls", "XLS002"), ("opendocument.xlsx", "XLS005")] {
            XCTAssertThrowsError(try snapshot(name), name) { error in
                let diagnostic = (error as? ImportError)?.diagnostic
                XCTAssertEqual(diagnostic?.code, code, name)
                XCTAssertEqual(diagnostic?.file, name)
                XCTAssertTrue(diagnostic?.hint?.contains("xlsx") ?? false, name)
            }
        }
    }

    func testASheetNamedForACSVFileIsAnError() throws {
        let folder = try TemporaryDirectory("khet-xlsx")
        let path = folder.url.appendingPathComponent("pupils.csv").path
        try "รหัสโรงเรียน,ป.1\n63020001,5\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SnapshotImporter().read(path: path, displayName: "pupils.csv", sheet: "Sheet1", date: november)) { error in
            XCTAssertEqual((error as? ImportError)?.diagnostic.code, "XLS004")
        }
    }

    func testDamagedWorkbooksAreErrorsNeverCrashes() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture("dmc-two-row-merged.xlsx"))))
        // Cut short, and with bytes of the compressed sheet changed.
        var changed = bytes
        for index in stride(from: 600, to: min(changed.count, 4000), by: 97) { changed[index] ^= 0x5A }
        for damaged in [Array(bytes.prefix(bytes.count / 2)), changed, Array(bytes.prefix(30))] {
            XCTAssertThrowsError(try readAll(damaged)) { error in
                XCTAssertTrue(error is ImportError, "\(error)")
            }
        }
    }

    private func readAll(_ bytes: [UInt8]) throws {
        let reader = try TableFile.workbook(bytes: bytes, displayName: "damaged.xlsx")
        while try reader.next() != nil {}
    }

    func testCellAddressesAndNumbers() {
        XCTAssertEqual(CellAddress("AB12"), CellAddress(column: 28, row: 12))
        XCTAssertNil(CellAddress("XFE1"), "past the last column")
        XCTAssertNil(CellAddress("A0"))
        XCTAssertEqual(Diagnostic.columnLetters(28), "AB")
        XCTAssertEqual(CellNumber.text("25.0"), "25")
        XCTAssertEqual(CellNumber.text("2.5E1"), "25")
        XCTAssertEqual(CellNumber.text("0.30000000000000004"), "0.3")
        XCTAssertEqual(CellNumber.text("1234.56"), "1234.56")
        XCTAssertEqual(CellNumber.isoDate(serial: "45422", date1904: false), "2024-05-10")
        XCTAssertEqual(CellNumber.isoDate(serial: "43960", date1904: true), "2024-05-10")
        XCTAssertTrue(DateFormats.isDate(formatCode: "[$-th-TH]d/m/bbbb"))
        XCTAssertFalse(DateFormats.isDate(formatCode: "#,##0.00"))
        XCTAssertFalse(DateFormats.isDate(formatCode: "0.00E+00"))
        XCTAssertFalse(DateFormats.isDate(formatCode: "\"วันที่\" 0"))
    }

    func testAnOBECListReadsExactAmountsAndNamesTheCellOfOneInWords() throws {
        let importer = AllocationListImporter(
            amountColumns: [.init(key: "tuition", names: ["ค่าจัดการเรียนการสอน"]), .init(key: "supplies", names: ["ค่าอุปกรณ์การเรียน"])],
            fiscalYear: FiscalYear(2568), area: Area(code: "6302", name: "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2", shortName: "สพป.ตาก เขต 2"))
        let result = try importer.read(path: fixture("obec-list.xlsx"), displayName: "obec.xlsx", knownSchools: ["9963020001", "9963020002"])
        XCTAssertEqual(result.amounts["9963020001"], ["tuition": Money(satang: 12_345_650), "supplies": Money(satang: 125_000)])
        XCTAssertEqual(result.diagnostics.errors.map(\.location), ["obec.xlsx [บัญชีจัดสรร!C5]"])
        XCTAssertEqual(result.diagnostics.errors.first?.code, "ALS005")
        XCTAssertNil(result.amounts["9963020002"], "the row with an unreadable amount is not read")
        XCTAssertEqual(result.columns, ["tuition", "supplies"])
    }

    func testAListTitleNamesTheAreaWhateverItsSpacesButNotALongerOne() {
        XCTAssertTrue(AllocationListImporter.mentions("สพป.ตาก เขต 2", in: "บัญชีจัดสรร สพป. ตาก  เขต 2 ปีงบประมาณ 2568"))
        XCTAssertFalse(AllocationListImporter.mentions("สพป.ตาก เขต 2", in: "บัญชีจัดสรร สพป.ตาก เขต 20"))
        XCTAssertEqual(AllocationListImporter.fiscalYear(in: "บัญชีจัดสรร ปีงบประมาณ พ.ศ. 2567"), 2567)
        XCTAssertEqual(AllocationListImporter.fiscalYear(in: "Allocation, fiscal year 2568"), 2568)
    }

    func testMergedRangesAreFoundInTheSheetBytes() {
        let xml = #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;mergeCell ref="A1:B9"/&gt;</t></is></c></row></sheetData>"#
            + #"<mergeCells count="3"><mergeCell ref="C3:E3"/><x:mergeCell  ref='A4:A5' /><mergeCell ref="B2"/></mergeCells></worksheet>"#
        XCTAssertEqual(MergeScanner.ranges(in: Array(xml.utf8)), [CellRange("C3:E3"), CellRange("A4:A5")].compactMap { $0 },
                       "escaped text is not a merge, a one-cell range is none, prefixes and single quotes are read")
    }
}
