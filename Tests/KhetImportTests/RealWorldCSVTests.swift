import Foundation
import KhetCore
@testable import KhetImport
import KhetTestSupport
import XCTest

/// CSV files as they really arrive: Excel on Thai Windows (Windows-874), Excel's "Unicode text"
/// (UTF-16, tabs), European-locale semicolons, title rows, CR line ends, trailing empty columns.
/// Each file is written byte for byte here, with the records or diagnostics it must give.
final class RealWorldCSVTests: XCTestCase {
    private let schoolsText = "รหัสโรงเรียน,ชื่อโรงเรียน,อำเภอ,พักนอน\n9963020001,โรงเรียนบ้านห้วยกะเด,อุ้มผาง,ใช่\n9963020002,\"โรงเรียนบ้านนา, สาขา\",แม่สอด,0\n"

    private func schools(_ bytes: [UInt8]) throws -> SchoolsImporter.Result {
        try SchoolsImporter().read(from: CSVReader(bytes: bytes, displayName: "schools.csv"))
    }

    private func assertTheTwoSchools(_ result: SchoolsImporter.Result, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.diagnostics.errors, [], file: file, line: line)
        XCTAssertEqual(result.schools.map(\.code), ["9963020001", "9963020002"], file: file, line: line)
        XCTAssertEqual(result.schools.first?.name, "โรงเรียนบ้านห้วยกะเด", file: file, line: line)
        XCTAssertEqual(result.schools.first?.district, "อุ้มผาง", file: file, line: line)
        XCTAssertEqual(result.schools.first?.isBoarding, true, file: file, line: line)
        XCTAssertEqual(result.schools.last?.name, "โรงเรียนบ้านนา, สาขา", file: file, line: line)
    }

    func testWindows874FromThaiExcel() throws {
        let result = try schools(windows874(schoolsText))
        assertTheTwoSchools(result)
        XCTAssertEqual(result.diagnostics.map(\.code), ["CSV015"], "a note says how the file was read")
        XCTAssertTrue(result.diagnostics.first?.message.contains("Windows-874") ?? false)
    }

    func testWindows874PunctuationAndColumnsCountEveryByte() throws {
        // 0x93/0x94 are Word's curly quotes, 0x85 an ellipsis, 0xA0 a no-break space.
        let bytes = windows874("ชื่อ,หมายเหตุ\nก,") + [0x93, 0xA1, 0x94, 0x85, 0xA0, 0x2C, 0x78, 0x0A]
        let reader = CSVReader(bytes: bytes, displayName: "in.csv")
        _ = try reader.next()
        let row = try XCTUnwrap(reader.next())
        XCTAssertEqual(row.fields, ["ก", "\u{201C}ก\u{201D}\u{2026}\u{00A0}", "x"])
        XCTAssertEqual(row.positions.map(\.column), [1, 3, 9])
        XCTAssertEqual(reader.encoding, .windows874)
    }

    func testUndefinedWindows874ByteNamesLineBytesAndEncoding() throws {
        // One undefined byte (0xDB) in an otherwise Thai file on line 3.
        let bytes = windows874("รหัส,ชื่อ\n1,ก\n2,ข") + [0xDB] + windows874("ค\n")
        let reader = CSVReader(bytes: bytes, displayName: "in.csv")
        XCTAssertThrowsError(try { while try reader.next() != nil {} }()) { error in
            let diagnostic = (error as? ImportError)?.diagnostic
            XCTAssertEqual(diagnostic?.code, "CSV004")
            XCTAssertEqual(diagnostic?.line, 3)
            XCTAssertEqual(diagnostic?.column, 4, "the column of the bad byte itself, after ข")
            XCTAssertTrue(diagnostic?.message.contains("DB") ?? false, diagnostic?.message ?? "")
            XCTAssertTrue(diagnostic?.message.contains("Windows-874") ?? false, diagnostic?.message ?? "")
            XCTAssertNotNil(diagnostic?.thaiMessage)
        }
    }

    func testUTF16LittleAndBigEndianWithTabs() throws {
        let tabbed = schoolsText.replacingOccurrences(of: ",", with: "\t")
            .replacingOccurrences(of: "\"โรงเรียนบ้านนา\t สาขา\"", with: "\"โรงเรียนบ้านนา, สาขา\"")
        for (bom, encoding) in [([UInt8]([0xFF, 0xFE]), String.Encoding.utf16LittleEndian),
                                ([0xFE, 0xFF], .utf16BigEndian)] {
            let bytes = bom + [UInt8](try XCTUnwrap(tabbed.data(using: encoding)))
            let reader = CSVReader(bytes: bytes, displayName: "schools.csv")
            let result = try SchoolsImporter().read(from: reader)
            assertTheTwoSchools(result)
            XCTAssertEqual(reader.delimiter, "\t")
            XCTAssertTrue(result.diagnostics.contains { $0.code == "CSV015" && $0.message.contains("UTF-16") })
        }
    }

    func testUTF16AcrossChunkBoundaries() throws {
        var text = "code,name\n"
        for index in 0..<9_000 { text += "\(index),โรงเรียน\(index)\r\n" }
        let bytes = [0xFF, 0xFE] + [UInt8](try XCTUnwrap(text.data(using: .utf16LittleEndian)))
        let reader = CSVReader(bytes: bytes, displayName: "in.csv")
        var rows: [CSVRecord] = []
        while let row = try reader.next() { rows.append(row) }
        XCTAssertEqual(rows.count, 9_001)
        XCTAssertEqual(rows.last?.fields, ["8999", "โรงเรียน8999"])
        XCTAssertEqual(rows.last?.positions.last, CSVPosition(line: 9_001, column: 6))
    }

    func testLoneSurrogateInUTF16IsReportedWithItsBytes() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x62, 0x00, 0x00, 0xD8, 0x0A, 0x00]
        let reader = CSVReader(bytes: bytes, displayName: "in.csv")
        XCTAssertEqual(try reader.next()?.fields, ["a"])
        XCTAssertThrowsError(try reader.next()) { error in
            let diagnostic = (error as? ImportError)?.diagnostic
            XCTAssertEqual(diagnostic?.code, "CSV004")
            XCTAssertEqual(diagnostic?.line, 2)
            XCTAssertTrue(diagnostic?.message.contains("00 D8") ?? false, diagnostic?.message ?? "")
            XCTAssertTrue(diagnostic?.message.contains("UTF-16 LE") ?? false, diagnostic?.message ?? "")
        }
    }

    func testSemicolonsWithThousandsCommasAndBOM() throws {
        let text = "\u{FEFF}รหัสโรงเรียน;ป.1;ป.2;รวม\r\n9963020001;1,234;  12 ;1,246\r\n9963020002;๑๒;;12\r\n"
        let date = try XCTUnwrap(ThaiDate(year: 2568, month: 6, day: 10))
        let reader = CSVReader(bytes: Array(text.utf8), displayName: "pupils.csv")
        let result = try SnapshotImporter().read(from: reader, date: date)
        XCTAssertEqual(reader.delimiter, ";")
        XCTAssertEqual(result.snapshot.counts(for: "9963020001")[.p1], 1234)
        XCTAssertEqual(result.snapshot.counts(for: "9963020001")[.p2], 12)
        XCTAssertEqual(result.snapshot.counts(for: "9963020002")[.p1], 12)
        XCTAssertEqual(result.snapshot.counts(for: "9963020002")[.p2], 0, "blank means none, as the column says")
        XCTAssertEqual(result.diagnostics.map(\.code), ["CSV015"])
    }

    func testTitleRowsAboveTheHeaderAndTrailingEmptyColumns() throws {
        let text = "รายงานจำนวนนักเรียน ปีการศึกษา 2568,,,,,\r,,,,,\rข้อมูล ณ วันที่ 10 มิ.ย. 2568,,,,,\r"
            + "รหัสโรงเรียน,อ.1,ป.1,,,\r9963020001,3,4,,,\r\r9963020002,5,6,,,\r"
        let date = try XCTUnwrap(ThaiDate(year: 2568, month: 6, day: 10))
        let result = try SnapshotImporter().read(from: CSVReader(bytes: Array(text.utf8), displayName: "p.csv"), date: date)
        XCTAssertEqual(result.diagnostics.map { "\($0.code)@\($0.line)" }, ["CSV014@4"])
        XCTAssertEqual(result.diagnostics.first?.severity, .note)
        XCTAssertTrue(result.diagnostics.first?.message.contains("line 4 is taken as the header; 2 title line(s)") ?? false)
        XCTAssertEqual(result.snapshot.counts(for: "9963020001")[.k1], 3)
        XCTAssertEqual(result.snapshot.counts(for: "9963020002")[.p1], 6)
    }

    func testCountsAsPeopleTypeThemButNoGuesses() {
        XCTAssertEqual(FieldParsing.count("1,234"), 1234)
        XCTAssertEqual(FieldParsing.count(" 1,234,567 "), 1_234_567)
        XCTAssertEqual(FieldParsing.count("\u{00A0}๑๒\u{00A0}"), 12)
        XCTAssertEqual(FieldParsing.count("0"), 0)
        for guess in ["1,23", "12,", ",12", "1 234", "1.5", "-3", "12a", "", "   ", "1,2345"] {
            XCTAssertNil(FieldParsing.count(guess), "'\(guess)' needs a guess")
        }
    }

    func testUnknownColumnSuggestsTheNearestAndMissingColumnIsNamed() throws {
        let result = try schools(Array("รหัสโรงเรียน,ชื่อโรงเรียน,district,Bording\n1,A,X,0\n".utf8))
        let unknown = try XCTUnwrap(result.diagnostics.first { $0.code == "CSV011" })
        XCTAssertEqual(unknown.hint, "did you mean boarding?")
        XCTAssertEqual(unknown.column, 36)
        XCTAssertNotNil(unknown.thaiMessage)
        let missing = try schools(Array("school_code;name\n1;A\n".utf8))
        XCTAssertEqual(missing.diagnostics.errors.map(\.code), ["CSV012"])
        XCTAssertTrue(missing.diagnostics.errors.first?.message.contains("อำเภอ") ?? false)
    }

    func testAnASCIIStartDoesNotHideALaterEncoding() throws {
        // The first 64 KiB are ASCII; Thai in Windows-874 comes after the first chunk.
        var bytes = Array("code,name\n".utf8)
        for index in 0..<7_000 { bytes += Array("\(index),abcdefgh\n".utf8) }
        bytes += Array("7000,".utf8) + windows874("โรงเรียน") + [0x0A]
        let reader = CSVReader(bytes: bytes, displayName: "in.csv")
        var last: CSVRecord?
        while let row = try reader.next() { last = row }
        XCTAssertGreaterThan(bytes.count, 1 << 16)
        XCTAssertEqual(last?.fields, ["7000", "โรงเรียน"])
        XCTAssertEqual(reader.encoding, .windows874)
    }

    /// DMC's per-grade report saved as CSV: each grade over three cells (the merge leaves the
    /// second and third blank), ชาย / หญิง / รวม in the row below. The total is read, never the
    /// boys' column alone; boys and girls must make it.
    func testDMCReportSavedAsCSVReadsEachGradesTotal() throws {
        let date = try XCTUnwrap(ThaiDate(year: 2567, month: 11, day: 10))
        let text = """
            รายงานจำนวนนักเรียน จำแนกตามชั้นและเพศ,,,,,,,
            ,,,,,,,
            รหัสโรงเรียน,ชื่อโรงเรียน,ป.1,,,ป.2,,
            ,,ชาย,หญิง,รวม,ชาย,หญิง,รวม
            63020001,บ้านแม่ละเมา,8,7,15,"1,000",9,"1,009"
            ,รวม,8,7,15,"1,000",9,"1,009"

            """
        let result = try SnapshotImporter().read(from: CSVReader(bytes: Array(text.utf8), displayName: "dmc.csv"), date: date)
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertEqual(result.snapshot.counts["63020001"]?[.p1], 15)
        XCTAssertEqual(result.snapshot.counts["63020001"]?[.p2], 1009)
        XCTAssertEqual(result.snapshot.counts.count, 1, "the totals row is not a school")

        let wrong = text.replacingOccurrences(of: "8,7,15,\"1,000\"", with: "8,7,16,\"1,000\"")
        let refused = try SnapshotImporter().read(from: CSVReader(bytes: Array(wrong.utf8), displayName: "dmc.csv"), date: date)
        XCTAssertEqual(refused.diagnostics.errors.map(\.code), ["PUP013"])
        XCTAssertEqual(refused.diagnostics.errors.first?.location, "dmc.csv:5:27")

        // Without its label row, ป.1's first column would be read as the grade: the boys only.
        let unlabelled = text.replacingOccurrences(of: ",,ชาย,หญิง,รวม,ชาย,หญิง,รวม\n", with: "")
        let stopped = try SnapshotImporter().read(from: CSVReader(bytes: Array(unlabelled.utf8), displayName: "dmc.csv"), date: date)
        XCTAssertEqual(stopped.diagnostics.errors.map(\.code), ["PUP016", "PUP016", "PUP016", "PUP016"])
        XCTAssertEqual(stopped.diagnostics.errors.first?.location, "dmc.csv:4:25")
    }
}

/// Thai text in Windows-874, the way Excel on Thai Windows saves it (U+0E01… → 0xA1…).
func windows874(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar -> UInt8 in
        if scalar.value < 0x80 { return UInt8(scalar.value) }
        if (0x0E01...0x0E5B).contains(scalar.value) { return UInt8(scalar.value - 0x0E01 + 0xA1) }
        return 0x3F
    }
}
