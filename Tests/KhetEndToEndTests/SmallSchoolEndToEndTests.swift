import Foundation
import KhetTestSupport
import XCTest

/// One hand-checked example per small-school mode with a per-term rate, run through the binary
/// and read back from the workbook with openpyxl. School 1111111111 has 5 pupils (ป.5 on 10 June
/// and 10 November 2564; 2 in อ.1 and 3 in ป.6 on 10 June 2565): fy2565's free education gives it
/// 6,925 in term 2/2564 and 11,601 in term 1/2565. School 3333333333 (50 pupils) is not small.
final class SmallSchoolEndToEndTests: XCTestCase {
    private func batch(mode: String, unit: String = "term", paidIn: String = "each-term", baht: Int) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory("khet-small-school")
        try folder.write("batch.toml", HandMadeBatch.toml(fiscalYear: 2565, framework: "framework.xml", date: "2565-07-15",
                                                           snapshots: HandMadeBatch.snapshots2565))
        try folder.write("schools.csv", "รหัสโรงเรียน,ชื่อโรงเรียน,อำเภอ\n1111111111,โรงเรียนบ้านทดสอบ,เมือง\n3333333333,โรงเรียนบ้านใหญ่,เมือง\n")
        try folder.write("june-2564.csv", "รหัสโรงเรียน,ป.1,ป.5\n1111111111,0,5\n3333333333,50,0\n")
        try folder.write("november-2564.csv", "รหัสโรงเรียน,ป.1,ป.5\n1111111111,0,5\n3333333333,50,0\n")
        try folder.write("june-2565.csv", "รหัสโรงเรียน,อ.1,ป.1,ป.6\n1111111111,2,0,3\n3333333333,0,50,0\n")
        // fy2565's free education (everything up to its closing tag), then the programme under test.
        let bundled = try String(contentsOfFile: Repository.path("templates/frameworks/fy2565.xml"), encoding: .utf8)
        let freeEducation = try XCTUnwrap(bundled.range(of: "  </programme>\n"))
        try folder.write("framework.xml", String(bundled[..<freeEducation.upperBound]) + """
              <programme id="small-schools" kind="small-schools">
                <name lang="th" short="โรงเรียนขนาดเล็ก">เงินเพิ่มสำหรับโรงเรียนขนาดเล็ก</name>
                <name lang="en" short="Small schools">Small-school top-up</name>
                <small-school max-pupils="40" mode="\(mode)" confidence="C" source="test"/>
                <item id="top-up" unit="\(unit)" paid-in="\(paidIn)">
                  <name lang="th">เงินเพิ่ม</name>
                  <name lang="en">Top-up</name>
                  <rate baht="\(baht)" confidence="C" source="test"/>
                </item>
              </programme>
            </framework>

            """)
        return folder
    }

    /// The small-school sheet's rows: school code, amount and note, and the sheet's total.
    private func smallSchoolSheet(_ folder: TemporaryDirectory) throws -> (rows: [(String, Double, String)], total: Double) {
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--quiet"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let sheet = try XCTUnwrap(try WorkbookReader.read(folder.file("out/allocation-2565.xlsx")).sheet("โรงเรียนขนาดเล็ก"))
        var rows: [(String, Double, String)] = []
        for row in 1..<sheet.maxRow {
            guard let code = sheet.cells["A\(row)"]?.string, code.count == 10, code.allSatisfy(\.isNumber) else { continue }
            rows.append((code, sheet.values["J\(row)"]?.number ?? .nan, sheet.cells["K\(row)"]?.string ?? ""))
        }
        return (rows, sheet.values["J\(sheet.maxRow)"]?.number ?? .nan)
    }

    func testAPerTermFloorLiftsEachTermToTheFloor() throws {
        // Term 2: 5 × 2,814 − 6,925 = 7,145; term 1: 5 × 2,814 − 11,601 = 2,469.
        let folder = try batch(mode: "floor", baht: 2814)
        let sheet = try smallSchoolSheet(folder)
        XCTAssertEqual(sheet.rows.map(\.0), ["1111111111", "1111111111"])
        XCTAssertEqual(sheet.rows.map(\.1), [7145, 2469])
        XCTAssertTrue(sheet.rows[0].2.hasPrefix("ภาคเรียนที่ 2/2564: "), sheet.rows[0].2)
        XCTAssertTrue(sheet.rows[1].2.hasPrefix("ภาคเรียนที่ 1/2565: "), sheet.rows[1].2)
        XCTAssertEqual(sheet.total, 9614)

        let explained = try ProcessRunner.khet(["explain", folder.file("batch.toml"), "1111111111", "--lang", "en"])
        XCTAssertEqual(explained.status, 0, explained.standardError)
        let text = explained.standardOutput
        for expected in ["Term 2/2564: counted on 10 June 2564 BE", "5 × 2,814.00 − 6,925.00",
                         "6,925.00 from the other programmes (1,385.00 per head), lifted to at least 2,814.00 per head",
                         "Term 1/2565: counted on 10 June 2565 BE", "5 × 2,814.00 − 11,601.00",
                         "11,601.00 from the other programmes (2,320.20 per head)"] {
            XCTAssertTrue(text.contains(expected), "missing '\(expected)' in\n\(text)")
        }
        // Free education and the top-up together: two terms × 5 pupils × 2,814.
        XCTAssertTrue(text.contains("28,140.00"), text)
    }

    func testAPerTermFlatRateIsPaidEveryTerm() throws {
        let sheet = try smallSchoolSheet(try batch(mode: "per-school", baht: 10_000))
        XCTAssertEqual(sheet.rows.map(\.1), [10_000, 10_000])
        XCTAssertEqual(sheet.total, 20_000)
        let termOne = try smallSchoolSheet(try batch(mode: "per-school", paidIn: "term-1", baht: 10_000))
        XCTAssertEqual(termOne.total, 10_000)
        let yearly = try smallSchoolSheet(try batch(mode: "per-school", unit: "year", baht: 10_000))
        XCTAssertEqual(yearly.total, 10_000)
    }

    func testAPerTermRatePerHeadCountsEachTermOnItsOwnSnapshot() throws {
        // Term 2: 5 primary × 300; term 1: 2 pre-primary × 300 and 3 primary × 300.
        let sheet = try smallSchoolSheet(try batch(mode: "per-head", baht: 300))
        XCTAssertEqual(sheet.rows.map(\.1), [1_500, 600, 900])
        XCTAssertEqual(sheet.total, 3_000)
    }
}
