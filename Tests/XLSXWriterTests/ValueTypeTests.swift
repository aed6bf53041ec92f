import XCTest
@testable import XLSXWriter

final class ValueTypeTests: XCTestCase {
    func testColumnNames() {
        XCTAssertEqual(CellReference.columnName(0), "A")
        XCTAssertEqual(CellReference.columnName(25), "Z")
        XCTAssertEqual(CellReference.columnName(26), "AA")
        XCTAssertEqual(CellReference.columnName(701), "ZZ")
        XCTAssertEqual(CellReference.columnName(702), "AAA")
        XCTAssertEqual(CellReference.columnName(16_383), "XFD")
        XCTAssertEqual(CellReference.columnName(-1), "")
    }

    func testA1References() {
        XCTAssertEqual(CellReference.a1(row: 2, column: 1), "B3")
        XCTAssertEqual(CellReference.a1(row: 2, column: 1, absolute: true), "$B$3")
        XCTAssertEqual(CellReference.a1(row: 0, column: 27), "AB1")
    }

    func testRanges() {
        let range = CellRange(firstRow: 0, firstColumn: 0, lastRow: 9, lastColumn: 3)
        XCTAssertEqual(range.a1, "A1:D10")
        XCTAssertEqual(range.absoluteA1, "$A$1:$D$10")
        XCTAssertEqual(CellRange(row: 4, column: 2).a1, "C5")
        XCTAssertTrue(range.overlaps(CellRange(firstRow: 9, firstColumn: 3, lastRow: 12, lastColumn: 5)))
        XCTAssertFalse(range.overlaps(CellRange(firstRow: 10, firstColumn: 0, lastRow: 12, lastColumn: 3)))
        XCTAssertFalse(range.overlaps(CellRange(firstRow: 0, firstColumn: 4, lastRow: 9, lastColumn: 4)))
        XCTAssertTrue(range.overlaps(CellRange(firstRow: 2, firstColumn: 1, lastRow: 3, lastColumn: 2)))
        XCTAssertTrue(range.contains(row: 9, column: 3))
        XCTAssertFalse(CellRange(firstRow: 5, firstColumn: 0, lastRow: 1, lastColumn: 0).contains(row: 3, column: 0))
    }

    func testCellFormatInitialisersDoNotClash() {
        XCTAssertEqual(CellFormat(), CellFormat(fontName: nil))
        XCTAssertEqual(CellFormat(bold: true, fontSize: 14), CellFormat(fontSize: 14, bold: true))
        XCTAssertEqual(CellFormat(bold: true).widthScale, 1)
        XCTAssertEqual(CellFormat(fontSize: 22).widthScale, 2)
    }

    func testFixedDecimalText() {
        XCTAssertEqual(FixedDecimal(units: 123_450, scale: 2).description, "1234.50")
        XCTAssertEqual(FixedDecimal(units: -5, scale: 2).description, "-0.05")
        XCTAssertEqual(FixedDecimal(units: 7, scale: 0).description, "7")
        XCTAssertEqual(FixedDecimal(units: 12, scale: -3).description, "12000")
        XCTAssertEqual(FixedDecimal(units: .min, scale: 2).description, "-92233720368547758.08")
        XCTAssertEqual(FixedDecimal(units: 123_456_789, scale: 2).doubleValue, 1_234_567.89)
        XCTAssertEqual(FixedDecimal(units: 1, scale: 1).doubleValue, 0.1)
    }
}
