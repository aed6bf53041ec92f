import Foundation
import KhetCore
import KhetExport
import KhetTestSupport
import XCTest

/// The evaluation workbook read back with openpyxl: formulas with cached values, missing
/// results shown as missing, and the levels coloured by conditional formats.
final class EvaluationWorkbookTests: XCTestCase {
    private func book() throws -> WorkbookContents {
        let folder = try TemporaryDirectory()
        let area = Area(code: "6302", name: "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2", shortName: "สพป.ตาก เขต 2")
        let workbook = EvaluationWorkbook(area: area, fiscalYear: FiscalYear(2568), batchDate: try XCTUnwrap(ThaiDate(year: 2568, month: 9, day: 30)),
                                          language: .thai, evaluation: try EvaluationFixture.evaluation())
        let url = try workbook.write(into: folder.url)
        XCTAssertEqual(url.lastPathComponent, "evaluation-2568.xlsx")
        return try WorkbookReader.read(url.path)
    }

    func testSheetsAndTheStrategySummary() throws {
        let book = try book()
        XCTAssertEqual(book.sheetNames, ["สรุปตามกลยุทธ์", "โครงการ", "ตัวชี้วัด", "เกณฑ์การประเมิน"])
        let summary = try XCTUnwrap(book.sheet("สรุปตามกลยุทธ์"))
        // Title, subtitle, blank, header on row 4, strategies on 5–6, the plan on 7.
        XCTAssertEqual(summary.cells["A5"]?.string, "1. พัฒนาคุณภาพผู้เรียน")
        XCTAssertEqual(summary.cells["A7"]?.string, "รวมทั้งแผน")
        XCTAssertEqual(summary.cells["G5"]?.string, "=IF(AND(ISNUMBER(F5),N(E5)>0),ROUND(F5/E5*100,2),\"ไม่รายงาน\")")
        XCTAssertEqual(summary.values["G5"]?.number, 100, "both reported indicators of strategy 1 were achieved")
        XCTAssertEqual(summary.cells["D7"]?.string, "=SUM(D5:D6)")
        XCTAssertEqual(summary.values["D7"]?.number, 4)
        // (87,500 + 29,990) / (100,000 + 40,000): 83.92 %, score 3; P2's 50,000 is not in the base.
        XCTAssertEqual(summary.values["H7"]?.number, 190_000)
        XCTAssertEqual(summary.values["I7"]?.number, 140_000)
        XCTAssertEqual(summary.values["K7"]?.number, 83.92)
        XCTAssertEqual(summary.values["L7"]?.number, 3)
        XCTAssertEqual(summary.values["M7"]?.number, 4.01)
        XCTAssertEqual(summary.values["N7"]?.string, "ดี")
        let levelRules = summary.conditionalFormats.filter { $0.range == "N5:N7" }
        XCTAssertEqual(levelRules.count, 5)
        XCTAssertEqual(levelRules.first?.formula, ["$N5=\"ดีมาก\""])
        XCTAssertEqual(levelRules.first?.fill, "C6EFCE")
    }

    func testAProjectWithoutResultsShowsNotReported() throws {
        let projects = try XCTUnwrap(try book().sheet("โครงการ"))
        XCTAssertEqual(projects.cells["B6"]?.string, "P2")
        for column in ["K", "L", "M", "Q", "R", "S", "T"] {
            XCTAssertEqual(projects.values["\(column)6"]?.string, "ไม่รายงาน", "column \(column)")
        }
        XCTAssertEqual(projects.values["O6"]?.number, 0, "no indicator has a result")
        // P3's quarters are listed and their sum is what it spent.
        XCTAssertEqual(["G7", "H7", "I7", "J7", "K7"].compactMap { projects.values[$0]?.number }, [10_000, 9_000, 8_000, 2_990, 29_990])
        XCTAssertEqual(projects.values["L7"]?.number, 74.98)
        XCTAssertEqual(projects.values["M7"]?.number, 1)
        XCTAssertEqual(projects.values["T5"]?.string, "บรรลุเป้าหมาย")
        XCTAssertEqual(projects.values["T7"]?.string, "ไม่บรรลุเป้าหมาย")
        XCTAssertTrue(projects.conditionalFormats.contains { $0.range == "T5:T7" })
    }

    func testLowerIsBetterIndicatorUsesTargetOverActual() throws {
        let indicators = try XCTUnwrap(try book().sheet("ตัวชี้วัด"))
        XCTAssertEqual(indicators.values["C6"]?.string, "อัตราการออกกลางคัน")
        XCTAssertEqual(indicators.values["F6"]?.string, "น้อยดี")
        XCTAssertEqual(indicators.cells["I6"]?.string, "=IF(AND(ISNUMBER(G6),N(H6)>0),ROUND(G6/H6*100,2),\"ไม่รายงาน\")")
        XCTAssertEqual(indicators.values["I6"]?.number, 133.33)
        XCTAssertEqual(indicators.values["J6"]?.string, "บรรลุ")
        XCTAssertEqual(indicators.values["J7"]?.string, "ไม่รายงาน", "P2's qualitative indicator has no judgement")
        XCTAssertEqual(indicators.values["J8"]?.string, "ไม่บรรลุ")
    }
}
