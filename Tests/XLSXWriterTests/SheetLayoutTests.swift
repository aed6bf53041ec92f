import XCTest
@testable import XLSXWriter

/// Merges, panes, filters, print setup and names as a reader sees them.
final class SheetLayoutTests: TemporaryFolderTestCase {
    func testOverlappingMergeThrowsAndOthersAppear() throws {
        let file = path("merges.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "M")
        try sheet.merge(CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3), text: "หัวรายงาน",
                        format: CellFormat(bold: true, horizontalAlignment: .center))
        try sheet.merge(CellRange(firstRow: 1, firstColumn: 0, lastRow: 2, lastColumn: 1), text: "left")
        XCTAssertThrowsError(
            try sheet.merge(CellRange(firstRow: 0, firstColumn: 3, lastRow: 1, lastColumn: 4), text: "clash")
        ) { error in
            XCTAssertEqual(error as? XLSXError, .overlappingMerge("D1:E2", existing: "A1:D1"))
        }
        XCTAssertThrowsError(
            try sheet.merge(CellRange(firstRow: 2, firstColumn: 1, lastRow: 5, lastColumn: 1), text: "clash")
        ) { error in
            XCTAssertEqual(error as? XLSXError, .overlappingMerge("B3:B6", existing: "A2:B3"))
        }
        try sheet.merge(CellRange(firstRow: 1, firstColumn: 2, lastRow: 2, lastColumn: 3), text: "right")
        // A single cell cannot be merged; it is simply written.
        try sheet.merge(CellRange(row: 4, column: 0), text: "single")
        try workbook.close()

        let read = try XLSXInspector.inspect(file).sheet("M")
        XCTAssertEqual(read.merged, ["A1:D1", "A2:B3", "C2:D3"])
        XCTAssertEqual(try read.cell("A1").value, .text("หัวรายงาน"))
        XCTAssertTrue(try read.cell("A1").bold)
        XCTAssertEqual(try read.cell("C2").value, .text("right"))
        XCTAssertEqual(try read.cell("A5").value, .text("single"))
    }

    func testInvertedRangeIsRejected() throws {
        let workbook = try Workbook(path: path("inverted.xlsx"))
        let sheet = try workbook.addWorksheet(named: "S")
        let inverted = CellRange(firstRow: 3, firstColumn: 0, lastRow: 1, lastColumn: 0)
        XCTAssertThrowsError(try sheet.merge(inverted, text: "x")) { error in
            XCTAssertEqual(error as? XLSXError, .invalidRange("A4:A2"))
        }
        XCTAssertThrowsError(try sheet.autofilter(inverted))
    }

    func testFreezePanesAutofilterRowHeightAndGridlines() throws {
        let file = path("panes.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "Data")
        for column in 0..<4 { try sheet.write("h\(column)", row: 0, column: column) }
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.autofilter(CellRange(firstRow: 0, firstColumn: 0, lastRow: 9, lastColumn: 3))
        try sheet.setRowHeight(30, row: 0)
        try sheet.setDefaultRowHeight(21.75)
        sheet.hideGridlines()
        let other = try workbook.addWorksheet(named: "Other")
        try other.freezePanes(row: 2, column: 1)
        other.hideGridlines(onScreen: false, inPrint: false)
        try workbook.close()

        let dump = try XLSXInspector.inspect(file)
        let data = try dump.sheet("Data")
        XCTAssertEqual(data.freezePanes, "A2")
        XCTAssertEqual(data.autoFilter, "A1:D10")
        XCTAssertEqual(data.rowHeights["1"], 30)
        XCTAssertEqual(data.defaultRowHeight, 21.75)
        XCTAssertEqual(try dump.sheet("Other").defaultRowHeight, 15, "other sheets keep Excel's default")
        XCTAssertFalse(data.showGridLines)
        XCTAssertFalse(data.printGridLines)
        let otherRead = try dump.sheet("Other")
        XCTAssertEqual(otherRead.freezePanes, "B3")
        XCTAssertTrue(otherRead.showGridLines)
        XCTAssertTrue(otherRead.printGridLines)
    }

    func testPrintSetup() throws {
        let file = path("print.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "Print")
        try sheet.write("x", row: 0, column: 0)
        try sheet.setPrintSetup(PrintSetup(
            paper: .a4, orientation: .landscape, fitToWidth: true, repeatRows: 0...1,
            header: "&Cรายงานจัดสรร", footer: "&RPage &P of &N", centerHorizontally: true,
            margins: PrintMargins(left: 0.5, right: 0.5, top: 0.75, bottom: 0.75),
            printArea: CellRange(firstRow: 0, firstColumn: 0, lastRow: 20, lastColumn: 5)))
        let plain = try workbook.addWorksheet(named: "Plain")
        try plain.setPrintSetup(PrintSetup(paper: .letter, fitToWidth: false))
        try workbook.close()

        let dump = try XLSXInspector.inspect(file)
        let read = try dump.sheet("Print")
        XCTAssertEqual(read.paperSize, 9)
        XCTAssertEqual(read.orientation, "landscape")
        XCTAssertTrue(read.fitToPage)
        XCTAssertEqual(read.fitToWidth ?? 1, 1)  // the attribute is omitted when it is Excel's default, 1
        XCTAssertEqual(read.fitToHeight, 0)
        XCTAssertEqual(read.printTitleRows, "$1:$2")
        XCTAssertEqual(read.printArea, "'Print'!$A$1:$F$21")
        XCTAssertEqual(read.headerCenter, "รายงานจัดสรร")
        XCTAssertEqual(read.footerRight, "Page &P of &N")
        XCTAssertTrue(read.centerHorizontally)
        XCTAssertEqual(read.margins, [0.5, 0.5, 0.75, 0.75])
        let plainRead = try dump.sheet("Plain")
        XCTAssertEqual(plainRead.paperSize, 1)
        XCTAssertEqual(plainRead.orientation, "portrait")
        XCTAssertFalse(plainRead.fitToPage)
    }

    func testFitToOnePage() throws {
        let file = path("one-page.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "Notice")
        try sheet.write("x", row: 0, column: 0)
        try sheet.setPrintSetup(PrintSetup(paper: .a4, orientation: .portrait, fitToWidth: true, fitToHeight: 1))
        try workbook.close()

        let read = try XLSXInspector.inspect(file).sheet("Notice")
        XCTAssertEqual(read.orientation, "portrait")
        XCTAssertTrue(read.fitToPage)
        XCTAssertEqual(read.fitToWidth ?? 1, 1)
        XCTAssertEqual(read.fitToHeight ?? 1, 1, "one page tall (1 is Excel's default, so it may be omitted)")
    }

    func testDefinedNames() throws {
        let file = path("names.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "Summary")
        try sheet.writeFormula("=1+2", cached: 3, row: 9, column: 5)
        try workbook.defineName("GrandTotal", refersTo: "=Summary!$F$10")
        try workbook.defineName("ยอดรวม", refersTo: "=Summary!$F$10")
        try workbook.close()

        let names = try XLSXInspector.inspect(file).definedNames
        XCTAssertEqual(names["GrandTotal"], "Summary!$F$10")
        XCTAssertEqual(names["ยอดรวม"], "Summary!$F$10")
    }

    func testDefinedNamesExcelWouldRejectAreRejected() throws {
        let workbook = try Workbook(path: path("badnames.xlsx"))
        _ = try workbook.addWorksheet(named: "S")
        for bad in ["", "Grand Total", "1st", "A1", "xfd100", "R1C1", "r", "Tax-Rate",
                    String(repeating: "n", count: 128)] {
            XCTAssertThrowsError(try workbook.defineName(bad, refersTo: "=S!$A$1"), bad) { error in
                guard case .invalidDefinedName? = error as? XLSXError else {
                    return XCTFail("expected invalidDefinedName for '\(bad)', got \(error)")
                }
            }
        }
        XCTAssertThrowsError(try workbook.defineName("Long", refersTo: "=" + String(repeating: "1+", count: 80) + "1"))
        XCTAssertNoThrow(try workbook.defineName("ZZZ1", refersTo: "=S!$A$1"))
        XCTAssertNoThrow(try workbook.defineName("_rate.2568", refersTo: "=S!$A$1"))
    }
}
