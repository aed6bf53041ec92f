import KhetTestSupport
import XCTest
@testable import XLSXWriter

/// Conditional formats written through the wrapper and read back with openpyxl.
final class ConditionalFormatTests: XCTestCase {
    func testEveryRuleKindRoundTrips() throws {
        let folder = try TemporaryDirectory("xlsx-cf")
        let path = folder.file("cf.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Levels")
        for row in 0..<5 {
            try sheet.write(Double(row) * 1.25, row: row, column: 0)
            try sheet.write(row.isMultiple(of: 2) ? "ดีมาก" : "ควรปรับปรุง", row: row, column: 1)
        }
        let green = CellFormat(fill: 0xC6EFCE)
        let red = CellFormat(fontColor: 0x9C0006, fill: 0xFFC7CE)
        try sheet.addConditionalFormat(.init(.cell(.greaterThanOrEqual, FixedDecimal(units: 45, scale: 1)), format: green,
                                             stopIfTrue: true), range: CellRange(firstRow: 0, firstColumn: 0, lastRow: 4, lastColumn: 0))
        try sheet.addConditionalFormat(.init(.between(FixedDecimal(units: 1, scale: 0), FixedDecimal(units: 250, scale: 2)),
                                             format: red), range: CellRange(firstRow: 0, firstColumn: 0, lastRow: 4, lastColumn: 0))
        try sheet.addConditionalFormat(.init(.textContaining("ดีมาก"), format: green),
                                       range: CellRange(firstRow: 0, firstColumn: 1, lastRow: 4, lastColumn: 1))
        try sheet.addConditionalFormat(.init(.formula("=$A1=0"), format: red),
                                       range: CellRange(firstRow: 0, firstColumn: 1, lastRow: 4, lastColumn: 1))
        try sheet.addConditionalFormat(.init(.blank, format: red), range: CellRange(firstRow: 0, firstColumn: 2, lastRow: 4, lastColumn: 2))
        try workbook.close()

        let rules = try XCTUnwrap(WorkbookReader.read(path).sheet("Levels")).conditionalFormats
        XCTAssertEqual(rules.count, 5)
        XCTAssertEqual(rules.map(\.range), ["A1:A5", "A1:A5", "B1:B5", "B1:B5", "C1:C5"])
        XCTAssertEqual(rules[0].type, "cellIs")
        XCTAssertEqual(rules[0].operator, "greaterThanOrEqual")
        XCTAssertEqual(rules[0].formula, ["4.5"])
        XCTAssertTrue(rules[0].stopIfTrue)
        XCTAssertEqual(rules[0].fill, "C6EFCE")
        XCTAssertEqual(rules[1].operator, "between")
        XCTAssertEqual(rules[1].formula, ["1", "2.5"])
        XCTAssertEqual(rules[1].fontColor, "9C0006")
        XCTAssertEqual(rules[2].type, "containsText")
        XCTAssertEqual(rules[2].text, "ดีมาก")
        XCTAssertEqual(rules[3].type, "expression")
        XCTAssertEqual(rules[3].formula, ["$A1=0"])
        XCTAssertEqual(rules[4].type, "containsBlanks")
    }

    func testBadRulesAreRefusedBeforeTheLibrarySeesThem() throws {
        let folder = try TemporaryDirectory("xlsx-cf")
        let workbook = try Workbook(path: folder.file("bad.xlsx"))
        let sheet = try workbook.addWorksheet(named: "S")
        let range = CellRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 0)
        XCTAssertThrowsError(try sheet.addConditionalFormat(.init(.formula("A1>0"), format: CellFormat(bold: true)), range: range))
        XCTAssertThrowsError(try sheet.addConditionalFormat(.init(.textContaining(""), format: CellFormat(bold: true)), range: range))
        XCTAssertThrowsError(try sheet.addConditionalFormat(
            .init(.between(FixedDecimal(units: 5, scale: 0), FixedDecimal(units: 1, scale: 0)), format: CellFormat(bold: true)), range: range))
        XCTAssertThrowsError(try sheet.addConditionalFormat(.init(.blank, format: CellFormat(bold: true)),
                                                            range: CellRange(firstRow: 3, firstColumn: 0, lastRow: 1, lastColumn: 0)))
        try workbook.close()
    }
}
