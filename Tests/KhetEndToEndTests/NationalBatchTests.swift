import Foundation
import KhetTestSupport
import XCTest

/// A national batch over three small sample areas: one workbook per area and a national summary
/// whose rows are the areas' totals and whose total is their sum, to the satang.
final class NationalBatchTests: XCTestCase {
    private func nationalBatch(codes: [String] = ["6301", "6302", "6303"], fiscalYear: Int = 2568) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory("khet-national")
        for (index, code) in codes.enumerated() {
            let area = folder.file("area\(index)")
            let result = try ProcessRunner.khet(["sample", "--seed", "\(index + 11)", "--schools", "12",
                                                 "--fiscal-year", "\(index == 2 ? fiscalYear : 2568)", area])
            XCTAssertEqual(result.status, 0, result.standardError)
            let path = area + "/batch.toml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "code = \"6302\"", with: "code = \"\(code)\"")
                .replacingOccurrences(of: "short_name = \"สพป.ตาก เขต 2\"", with: "short_name = \"สพป.ทดสอบ \(code)\"")
                // Only fy2565 and fy2568 are bundled; an area of another year names one of them.
                .replacingOccurrences(of: "framework = \"fy\(fiscalYear)\"", with: "framework = \"fy2568\"")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let areas = codes.indices.map { "\"area\($0)/batch.toml\"" }.joined(separator: ", ")
        try folder.write("national.toml", """
            fiscal_year = 2568
            date = "2568-07-15"
            output = "out"
            areas = [\(areas)]

            """)
        return folder
    }

    private func satang(_ value: JSONValue?) -> Int { value?.number.map { Int(($0 * 100).rounded()) } ?? Int.min }

    func testAreaTotalsAddUpToTheNationalSummary() throws {
        let folder = try nationalBatch()
        let result = try ProcessRunner.khet(["run", folder.file("national.toml"), "--notices", "--quiet"])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.hasPrefix("Wrote 3 areas, fiscal year 2568:"), result.standardOutput)
        let codes = ["6301", "6302", "6303"]
        let books = try WorkbookReader.read([folder.file("out/national-summary-2568.xlsx")]
                                            + codes.map { folder.file("out/areas/\($0)/allocation-2568.xlsx") })
        let summary = try XCTUnwrap(books[0].sheets.first)
        // Header on row 4 (the sample's framework is provisional: a banner sits above the title).
        XCTAssertEqual(summary.cells["A5"]?.string, "รหัสเขต")
        var national = Array(repeating: 0, count: 5)
        for (offset, code) in codes.enumerated() {
            let row = 6 + offset
            XCTAssertEqual(summary.cells["A\(row)"]?.string, code)
            let area = try XCTUnwrap(books[offset + 1].sheet("สรุป"))
            let areaTotalRow = area.maxRow
            // Each programme column and the total of the area's own workbook, to the satang.
            for (index, (nationalColumn, areaColumn)) in zip(["E", "F", "G", "H", "I"], ["E", "F", "G", "H", "I"]).enumerated() {
                let value = satang(summary.values["\(nationalColumn)\(row)"])
                XCTAssertEqual(value, satang(area.values["\(areaColumn)\(areaTotalRow)"]), "\(code) \(nationalColumn)")
                national[index] += value
            }
            XCTAssertEqual(summary.values["C\(row)"]?.number, 12)
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file("out/areas/\(code)/distribution.xlsx")))
        }
        let totalRow = 9
        XCTAssertEqual(summary.cells["A\(totalRow)"]?.string, "รวมทั้งประเทศ")
        XCTAssertEqual(summary.cells["I\(totalRow)"]?.string, "=SUM(I6:I8)")
        for (index, column) in ["E", "F", "G", "H", "I"].enumerated() {
            XCTAssertEqual(satang(summary.values["\(column)\(totalRow)"]), national[index], column)
        }
        XCTAssertEqual(summary.values["C\(totalRow)"]?.number, 36)
        let manifest = try String(contentsOfFile: folder.file("out/manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"areas/6302/allocation-2568.xlsx\""), manifest)
    }

    func testAreasOfAnotherYearOrTwiceTheSameAreaStopTheRun() throws {
        let folder = try nationalBatch(codes: ["6301", "6301", "6303"], fiscalYear: 2567)
        let result = try ProcessRunner.khet(["run", folder.file("national.toml")])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.standardError.contains("area1/batch.toml: error: area code 6301 is listed twice [NAT003]"),
                      result.standardError)
        XCTAssertTrue(result.standardError.contains("area2/batch.toml: error: the area's fiscal year 2567 is not the national batch's 2568 [NAT002]"),
                      result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")), "nothing is written")
    }
}
