import XCTest
@testable import XLSXWriter

/// Widths fitted to content count what a reader sees: grapheme clusters, displayed numbers.
final class ColumnWidthTests: TemporaryFolderTestCase {
    /// libxlsxwriter stores a width w as about w + 0.71 (it adds cell padding in pixels).
    private func assertWidth(
        _ actual: Double?, _ expected: Double, file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let actual else { return XCTFail("column has no width", file: file, line: line) }
        XCTAssertEqual(actual, expected, accuracy: 1, file: file, line: line)
    }

    func testThaiMarksTakeNoWidth() throws {
        let thai = "น้ำใจที่ดีมากๆ"  // 14 code points, 9 grapheme clusters
        XCTAssertEqual(thai.unicodeScalars.count, 14)
        XCTAssertEqual(thai.count, 9)
        let ascii = String(repeating: "x", count: thai.count)

        let file = path("thai-widths.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "W")
        sheet.fitColumnsToContent(minimum: 0, maximum: 100)
        try sheet.write(thai, row: 0, column: 0)
        try sheet.write(ascii, row: 0, column: 1)
        try workbook.close()

        let widths = try XLSXInspector.inspect(file).sheet("W").columnWidths
        XCTAssertEqual(widths["A"], widths["B"])
        assertWidth(widths["A"], Double(thai.count) + 2)
    }

    func testASheetThatStopsMeasuringRecordsNothing() throws {
        let workbook = try Workbook(path: path("unmeasured.xlsx"))
        let sheet = try workbook.addWorksheet(named: "W")
        sheet.stopMeasuringContent()
        try sheet.write("ค่าจัดการเรียนการสอน", row: 0, column: 0)
        try sheet.write(1_234_567.5, row: 0, column: 1, format: CellFormat(numberFormat: "#,##0.00"))
        XCTAssertNil(sheet.recordedWidth(column: 0))
        XCTAssertNil(sheet.recordedWidth(column: 1))
        try workbook.close()
    }

    func testLongestLineNumbersFontsExplicitWidthsAndMerges() throws {
        let file = path("widths.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "W")
        try sheet.write("short\n" + String(repeating: "y", count: 20) + "\nmid", row: 0, column: 0)
        try sheet.write(1_234_567.5, row: 0, column: 1, format: CellFormat(numberFormat: "#,##0.00"))
        try sheet.write(String(repeating: "z", count: 10), row: 0, column: 2, format: CellFormat(fontSize: 22))
        try sheet.write(String(repeating: "w", count: 40), row: 0, column: 3)
        try sheet.setColumnWidth(7, columns: 3...3)
        try sheet.merge(CellRange(firstRow: 1, firstColumn: 4, lastRow: 1, lastColumn: 5),
                        text: String(repeating: "m", count: 50))
        try sheet.write("ab", row: 0, column: 6)
        try sheet.write(String(repeating: "q", count: 200), row: 0, column: 7)
        try sheet.writeFormula("=B1*2", cached: 2_469_135, row: 0, column: 8,
                               format: CellFormat(numberFormat: "#,##0"))
        // Called last on purpose: fitting uses everything written, before or after.
        sheet.fitColumnsToContent()
        try workbook.close()

        let widths = try XLSXInspector.inspect(file).sheet("W").columnWidths
        assertWidth(widths["A"], 22)                   // longest line, 20, + padding
        assertWidth(widths["B"], 14)                   // "1,234,567.50"
        assertWidth(widths["C"], (10 * 22.0 / 11) + 2) // twice the font, twice the width
        assertWidth(widths["D"], 7)                    // explicit width wins
        XCTAssertNil(widths["E"], "merged text must not widen its column")
        assertWidth(widths["G"], 6)                    // minimum
        assertWidth(widths["H"], 60)                   // maximum
        assertWidth(widths["I"], 11)                   // cached "2,469,135"
    }

    /// A number cannot wrap: one wider than its column's explicit width prints as ###, so the
    /// column widens to it, whether the width was set before or after; text is left to clip.
    func testAnExplicitWidthWidensToItsWidestNumberOnly() throws {
        let file = path("explicit.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "W")
        let twoDecimals = CellFormat(fontSize: 14, bold: true, numberFormat: "#,##0.00")
        try sheet.setColumnWidth(8, columns: 0...0)
        try sheet.write(189_013_900.5, row: 0, column: 0, format: twoDecimals)       // "189,013,900.50", 14 characters
        try sheet.writeFormula("=A1", cached: 1_890_139, row: 0, column: 1, format: twoDecimals)
        try sheet.setColumnWidth(8, columns: 1...1)                              // set after the cell
        try sheet.write(String(repeating: "t", count: 30), row: 0, column: 2)
        try sheet.write(12.5, row: 1, column: 2)
        try sheet.setColumnWidth(9, columns: 2...2)
        try sheet.setColumnWidth(10, columns: 3...5)                             // one range, its middle widened
        try sheet.write(1_234_567_890.25, row: 0, column: 4, format: twoDecimals)
        sheet.fitColumnsToContent()
        try workbook.close()

        let widths = try XLSXInspector.inspect(file).sheet("W").columnWidths
        assertWidth(widths["A"], 14 * 14.0 / 11 + 2)
        assertWidth(widths["B"], 12 * 14.0 / 11 + 2)
        assertWidth(widths["C"], 9)                    // its number fits; its text is not a number
        assertWidth(widths["D"], 10)                   // the rest of the range keeps its width
        assertWidth(widths["E"], 16 * 14.0 / 11 + 2)
        assertWidth(widths["F"], 10)
    }

    func testDisplayedNumberText() {
        XCTAssertEqual(DisplayText.number(1_234_567.5, numberFormat: "#,##0.00"), "1,234,567.50")
        XCTAssertEqual(DisplayText.number(-1234.5, numberFormat: "#,##0.00"), "-1,234.50")
        XCTAssertEqual(DisplayText.number(-1234.5, numberFormat: "#,##0.00;(#,##0.00)"), "(1,234.50)")
        XCTAssertEqual(DisplayText.number(0, numberFormat: "#,##0;-#,##0;\"-\""), "-")
        XCTAssertEqual(DisplayText.number(0.125, numberFormat: "0.0%"), "12.5%")
        XCTAssertEqual(DisplayText.number(70, numberFormat: "0\" บาท\""), "70 บาท")
        XCTAssertEqual(DisplayText.number(5, numberFormat: "[$฿-41E]#,##0.00"), "฿5.00")
        XCTAssertEqual(DisplayText.number(1_234_567, numberFormat: "#,##0,\"K\""), "1,235K")
        XCTAssertEqual(DisplayText.number(0.5, numberFormat: "#.00"), ".50")
        XCTAssertEqual(DisplayText.number(42, numberFormat: nil), "42")
        XCTAssertEqual(DisplayText.number(1234.5, numberFormat: "General"), "1234.5")
        XCTAssertEqual(DisplayText.number(1.0 / 3.0, numberFormat: nil), "0.333333333")  // 11 characters, like Excel
        XCTAssertEqual(DisplayText.number(.nan, numberFormat: nil), "")
        XCTAssertEqual(DisplayText.characterCount("กำ\nที่นี่นะ"), 4)  // longest line: ที่ นี่ น ะ
        XCTAssertEqual(DisplayText.characterCount(""), 0)
    }
}
