import Foundation
import XCTest
@testable import XLSXWriter

/// Values, formulas, formats and properties survive a trip through a real reader.
final class RoundTripTests: TemporaryFolderTestCase {
    func testTextAndNumbersRoundTrip() throws {
        let file = path("values.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "ภาค 1-2568 งวด 70%")
        try sheet.write("โรงเรียนบ้านหนองน้ำใส", row: 0, column: 0)
        try sheet.write("two\nlines", row: 0, column: 1)
        try sheet.write(42, row: 1, column: 0)
        try sheet.write(-0.125, row: 1, column: 1)
        try sheet.writeBlank(row: 2, column: 0, format: CellFormat(fill: 0xFFFF00))
        try workbook.close()

        let dump = try XLSXInspector.inspect(file)
        XCTAssertEqual(dump.sheetNames, ["ภาค 1-2568 งวด 70%"])
        let read = try dump.sheet("ภาค 1-2568 งวด 70%")
        XCTAssertEqual(try read.cell("A1").value, .text("โรงเรียนบ้านหนองน้ำใส"))
        XCTAssertEqual(try read.cell("B1").value, .text("two\nlines"))
        XCTAssertEqual(try read.cell("A2").value, .number(42))
        XCTAssertEqual(try read.cell("B2").value, .number(-0.125))
        XCTAssertEqual(try read.cell("A3").value, .empty)
        XCTAssertEqual(try read.cell("A3").fill, "FFFFFF00")
    }

    func testFixedDecimalIsWrittenExactly() throws {
        let file = path("decimals.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "Money")
        try sheet.write(FixedDecimal(units: 123_456_789, scale: 2), row: 0, column: 0)
        try sheet.write(FixedDecimal(units: -5, scale: 2), row: 1, column: 0)
        try sheet.write(FixedDecimal(units: 123_450, scale: 2), row: 2, column: 0)
        try sheet.write(FixedDecimal(units: 30, scale: 1), row: 3, column: 0)
        try sheet.write(FixedDecimal(units: 99_999_999_999_999, scale: 2), row: 4, column: 0)
        try workbook.close()

        let read = try XLSXInspector.inspect(file).sheet("Money")
        // repr is Python's shortest round-trip text: the stored double is the one nearest the decimal.
        XCTAssertEqual(try read.cell("A1").repr, "1234567.89")
        XCTAssertEqual(try read.cell("A2").repr, "-0.05")
        XCTAssertEqual(try read.cell("A3").repr, "1234.5")
        XCTAssertEqual(try read.cell("A4").value, .number(3))
        XCTAssertEqual(try read.cell("A5").repr, "999999999999.99")
    }

    func testFormulaKeepsTextAndCachedValue() throws {
        let file = path("formulas.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "Sum")
        try sheet.write(FixedDecimal(units: 100_050, scale: 2), row: 0, column: 0)
        try sheet.write(FixedDecimal(units: 200_025, scale: 2), row: 1, column: 0)
        try sheet.writeFormula("=SUM(A1:A2)", cached: FixedDecimal(units: 300_075, scale: 2), row: 2, column: 0)
        try sheet.writeFormula("=A1/4", cached: 250.125, row: 3, column: 0)
        try sheet.writeFormula("=IF(A3>0,\"บวก\",\"ลบ\")", cachedText: "บวก", row: 4, column: 0)
        try workbook.close()

        let read = try XLSXInspector.inspect(file).sheet("Sum")
        XCTAssertEqual(try read.cell("A3").value, .text("=SUM(A1:A2)"))
        XCTAssertEqual(try read.cell("A3").repr, "3000.75")
        XCTAssertEqual(try read.cell("A4").value, .text("=A1/4"))
        XCTAssertEqual(try read.cell("A4").cached, .number(250.125))
        XCTAssertEqual(try read.cell("A5").value, .text("=IF(A3>0,\"บวก\",\"ลบ\")"))
        XCTAssertEqual(try read.cell("A5").cached, .text("บวก"))
    }

    func testFormatsAreReadBack() throws {
        let file = path("formats.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "Styles")
        let heading = CellFormat(
            fontName: "TH Sarabun New", fontSize: 16, bold: true, fontColor: 0x1F4E79, fill: 0xDDEBF7,
            horizontalAlignment: .centerAcross, verticalAlignment: .center, wrapText: true,
            border: .thin, bottomBorder: .medium)
        let money = CellFormat(fontName: "TH Sarabun New", numberFormat: "#,##0.00", horizontalAlignment: .right)
        try sheet.write("หัวเรื่อง", row: 0, column: 0, format: heading)
        try sheet.write(FixedDecimal(units: 123_456_750, scale: 2), row: 1, column: 0, format: money)
        try sheet.write("เอียง", row: 2, column: 0, format: CellFormat(italic: true, fontColor: 0x000000, indent: 2))
        // The flags-first overload from the brief.
        try sheet.write("big", row: 3, column: 0, format: CellFormat(bold: true, fontSize: 14))
        try workbook.close()

        let read = try XLSXInspector.inspect(file).sheet("Styles")
        let a1 = try read.cell("A1")
        XCTAssertEqual(a1.font, "TH Sarabun New")
        XCTAssertEqual(a1.size, 16)
        XCTAssertTrue(a1.bold)
        XCTAssertFalse(a1.italic)
        XCTAssertEqual(a1.fontColor, "FF1F4E79")
        XCTAssertEqual(a1.fill, "FFDDEBF7")
        XCTAssertEqual(a1.horizontal, "centerContinuous")
        XCTAssertEqual(a1.vertical, "center")
        XCTAssertTrue(a1.wrap)
        XCTAssertEqual(a1.top, "thin")
        XCTAssertEqual(a1.bottom, "medium")
        let a2 = try read.cell("A2")
        XCTAssertEqual(a2.numberFormat, "#,##0.00")
        XCTAssertEqual(a2.horizontal, "right")
        XCTAssertEqual(a2.font, "TH Sarabun New")
        XCTAssertFalse(a2.bold)
        let a3 = try read.cell("A3")
        XCTAssertTrue(a3.italic)
        XCTAssertEqual(a3.fontColor, "FF000000", "black must not be mistaken for 'no colour'")
        XCTAssertEqual(a3.indent, 2)
        XCTAssertTrue(try read.cell("A4").bold)
        XCTAssertEqual(try read.cell("A4").size, 14)
    }

    func testEachDistinctFormatIsCreatedOnce() throws {
        let workbook = try Workbook(path: path("cache.xlsx"))
        let sheet = try workbook.addWorksheet(named: "S")
        for row in 0..<50 {
            try sheet.write(row, row: row, column: 0, format: CellFormat(numberFormat: "0"))
            try sheet.write("x", row: row, column: 1, format: CellFormat(bold: true))
        }
        XCTAssertEqual(workbook.formatCount, 2)
        try workbook.close()
    }

    func testDocumentProperties() throws {
        let file = path("props.xlsx")
        let workbook = try Workbook(path: file)
        _ = try workbook.addWorksheet(named: "S")
        try workbook.setProperties(DocumentProperties(
            created: 1_700_000_000, title: "สรุปงบประมาณ", subject: "Allocations", author: "Khet",
            category: "Budget", keywords: "school, budget", comments: "Synthetic"))
        try workbook.close()

        let properties = try XLSXInspector.inspect(file).properties
        XCTAssertEqual(properties.title, "สรุปงบประมาณ")
        XCTAssertEqual(properties.subject, "Allocations")
        XCTAssertEqual(properties.creator, "Khet")
        XCTAssertEqual(properties.category, "Budget")
        XCTAssertEqual(properties.keywords, "school, budget")
        XCTAssertEqual(properties.description, "Synthetic")
        XCTAssertEqual(properties.created, "2023-11-14T22:13:20")
    }

    func testIdenticalRunsProduceIdenticalBytes() throws {
        func build(_ file: String) throws -> Data {
            let workbook = try Workbook(path: file)
            try workbook.setProperties(DocumentProperties(created: 1_700_000_000, title: "Same"))
            let sheet = try workbook.addWorksheet(named: "สรุป")
            sheet.fitColumnsToContent()
            try sheet.write("ชื่อโรงเรียน", row: 0, column: 0, format: CellFormat(bold: true))
            try sheet.write(FixedDecimal(units: 1_234_567, scale: 2), row: 1, column: 0,
                            format: CellFormat(numberFormat: "#,##0.00"))
            try sheet.writeFormula("=A2*2", cached: FixedDecimal(units: 2_469_134, scale: 2), row: 2, column: 0)
            try sheet.merge(CellRange(firstRow: 3, firstColumn: 0, lastRow: 3, lastColumn: 2), text: "รวม")
            try workbook.defineName("Total", refersTo: "='สรุป'!$A$3")
            try workbook.close()
            return try Data(contentsOf: URL(fileURLWithPath: file))
        }
        let first = try build(path("first.xlsx"))
        Thread.sleep(forTimeInterval: 1.1)  // a wall-clock timestamp anywhere would now differ
        let second = try build(path("second.xlsx"))
        XCTAssertFalse(first.isEmpty)
        XCTAssertEqual(first, second)
    }
}
