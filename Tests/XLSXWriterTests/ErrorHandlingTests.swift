import Foundation
import XCTest
@testable import XLSXWriter

/// Failures surface as typed errors: the library's own words, or a check made before it.
final class ErrorHandlingTests: TemporaryFolderTestCase {
    func testLibraryErrorCarriesTheLibrarysMessage() throws {
        let workbook = try Workbook(path: path("library.xlsx"))
        let sheet = try workbook.addWorksheet(named: "S")
        XCTAssertThrowsError(try sheet.setPrintSetup(PrintSetup(header: String(repeating: "h", count: 300)))) { error in
            guard case let .library(operation, code, message)? = error as? XLSXError else {
                return XCTFail("expected a library error, got \(error)")
            }
            XCTAssertEqual(code, 20)  // LXW_ERROR_255_STRING_LENGTH_EXCEEDED
            XCTAssertEqual(message, "Parameter exceeds Excel's limit of 255 characters.")
            XCTAssertTrue(operation.hasPrefix("worksheet_set_header"), operation)
        }
        XCTAssertThrowsError(try sheet.write(String(repeating: "ก", count: 32_768), row: 0, column: 0)) { error in
            XCTAssertEqual(error as? XLSXError, .library(
                operation: "worksheet_write_string at 'S'!A1", code: 21,
                message: "String exceeds Excel's limit of 32,767 characters."))
        }
        try workbook.close()
    }

    func testFailureToWriteAtCloseIsALibraryError() throws {
        let folder = path("vanishing")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/out.xlsx"
        let workbook = try Workbook(path: file)
        _ = try workbook.addWorksheet(named: "S")
        try FileManager.default.removeItem(atPath: folder)
        XCTAssertThrowsError(try workbook.close()) { error in
            XCTAssertEqual(error as? XLSXError, .library(
                operation: "workbook_close('\(file)')", code: 2,
                message: "Error creating output xlsx file. Usually a permissions error."))
        }
        XCTAssertTrue(workbook.isClosed)
    }

    func testUnwritablePathsCannotBeCreated() throws {
        for bad in ["/nonexistent-khet-folder/out.xlsx", folder, ""] {
            XCTAssertThrowsError(try Workbook(path: bad), bad) { error in
                guard case .cannotCreate(let reported, _)? = error as? XLSXError else {
                    return XCTFail("expected cannotCreate for '\(bad)', got \(error)")
                }
                XCTAssertEqual(reported, bad)
            }
        }
        XCTAssertThrowsError(try Workbook(
            path: path("tmp.xlsx"), options: WorkbookOptions(temporaryDirectory: path("no-such-tmp"))))
    }

    func testUnclosedWorkbookWritesNoFile() throws {
        let file = path("unclosed.xlsx")
        do {
            let workbook = try Workbook(path: file)
            let sheet = try workbook.addWorksheet(named: "S")
            try sheet.write("never saved", row: 0, column: 0, format: CellFormat(bold: true))
        }
        XCTAssertFalse(fileExists(file))
    }

    func testClosedWorkbookRefusesFurtherWork() throws {
        let file = path("closed.xlsx")
        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(named: "S")
        try workbook.close()
        XCTAssertTrue(fileExists(file))
        XCTAssertThrowsError(try workbook.close()) { XCTAssertEqual($0 as? XLSXError, .workbookClosed) }
        XCTAssertThrowsError(try sheet.write("late", row: 0, column: 0)) {
            XCTAssertEqual($0 as? XLSXError, .workbookClosed)
        }
        XCTAssertThrowsError(try workbook.addWorksheet(named: "T")) {
            XCTAssertEqual($0 as? XLSXError, .workbookClosed)
        }
        sheet.hideGridlines()  // must not touch freed memory
    }

    func testSheetOutlivingItsWorkbookThrows() throws {
        var workbook: Workbook? = try Workbook(path: path("orphan.xlsx"))
        let sheet = try XCTUnwrap(workbook).addWorksheet(named: "S")
        workbook = nil
        XCTAssertThrowsError(try sheet.write(1, row: 0, column: 0)) {
            XCTAssertEqual($0 as? XLSXError, .workbookClosed)
        }
    }

    func testCellsOutsideTheGridAreRejected() throws {
        let workbook = try Workbook(path: path("grid.xlsx"))
        let sheet = try workbook.addWorksheet(named: "S")
        for (row, column) in [(1_048_576, 0), (0, 16_384), (-1, 0), (0, -1)] {
            XCTAssertThrowsError(try sheet.write("x", row: row, column: column)) {
                XCTAssertEqual($0 as? XLSXError, .invalidCell(row: row, column: column))
            }
        }
        XCTAssertNoThrow(try sheet.write("corner", row: 1_048_575, column: 16_383))
        XCTAssertThrowsError(try sheet.setColumnWidth(10, columns: 16_000...16_384))
        XCTAssertThrowsError(try sheet.setColumnWidth(-1, columns: 0...0))
        XCTAssertThrowsError(try sheet.setRowHeight(.infinity, row: 0))
        XCTAssertThrowsError(try sheet.freezePanes(row: -1, column: 0))
    }

    func testNonFiniteNumbersAreRejected() throws {
        let workbook = try Workbook(path: path("nan.xlsx"))
        let sheet = try workbook.addWorksheet(named: "S")
        XCTAssertThrowsError(try sheet.write(Double.nan, row: 0, column: 0)) {
            XCTAssertEqual($0 as? XLSXError, .nonFiniteNumber(row: 0, column: 0))
        }
        XCTAssertThrowsError(try sheet.writeFormula("=1/0", cached: .infinity, row: 1, column: 0)) {
            XCTAssertEqual($0 as? XLSXError, .nonFiniteNumber(row: 1, column: 0))
        }
    }

    func testFormatValuesTheLibraryWouldTruncateAreRejected() throws {
        let workbook = try Workbook(path: path("format.xlsx"))
        let sheet = try workbook.addWorksheet(named: "S")
        let bad = [
            CellFormat(numberFormat: String(repeating: "0", count: 128)),
            CellFormat(fontSize: 0),
            CellFormat(fontColor: 0x1000000),
            CellFormat(indent: -1),
        ]
        for format in bad {
            XCTAssertThrowsError(try sheet.write("x", row: 0, column: 0, format: format)) { error in
                guard case .invalidArgument? = error as? XLSXError else {
                    return XCTFail("expected invalidArgument, got \(error)")
                }
            }
        }
    }

    func testConstantMemoryStreamsRowsInOrder() throws {
        let file = path("streamed.xlsx")
        let workbook = try Workbook(path: file, options: WorkbookOptions(constantMemory: true, temporaryDirectory: folder))
        let sheet = try workbook.addWorksheet(named: "Rows")
        sheet.fitColumnsToContent()
        try sheet.write("หัว", row: 0, column: 0)
        try sheet.write(String(repeating: "x", count: 30), row: 5, column: 1)
        try sheet.write("same row, earlier column", row: 5, column: 0)
        XCTAssertThrowsError(try sheet.write("back", row: 2, column: 0)) {
            XCTAssertEqual($0 as? XLSXError, .rowOutOfOrder(sheet: "Rows", row: 2, currentRow: 5))
        }
        try sheet.merge(CellRange(firstRow: 6, firstColumn: 0, lastRow: 7, lastColumn: 2), text: "merged")
        XCTAssertThrowsError(try sheet.write("inside", row: 6, column: 5)) {
            XCTAssertEqual($0 as? XLSXError, .rowOutOfOrder(sheet: "Rows", row: 6, currentRow: 7))
        }
        XCTAssertThrowsError(try sheet.setRowHeight(20, row: 1))
        try sheet.write(FixedDecimal(units: 12_345, scale: 2), row: 8, column: 0)
        try workbook.close()

        let read = try XLSXInspector.inspect(file).sheet("Rows")
        XCTAssertEqual(try read.cell("A1").value, .text("หัว"))
        XCTAssertEqual(try read.cell("B6").value, .text(String(repeating: "x", count: 30)))
        XCTAssertEqual(try read.cell("A6").value, .text("same row, earlier column"))
        XCTAssertEqual(try read.cell("A9").repr, "123.45")
        XCTAssertNil(read.cells["A3"])
        XCTAssertEqual(read.merged, ["A7:C8"])
        XCTAssertEqual(read.columnWidths["B"] ?? 0, 32, accuracy: 1)
    }

    func testErrorsDescribeThemselves() {
        XCTAssertEqual(
            XLSXError.library(operation: "worksheet_set_header", code: 20, message: "Too long.").description,
            "libxlsxwriter error 20 in worksheet_set_header: Too long.")
        XCTAssertTrue(XLSXError.duplicateSheetName("S").description.contains("'S'"))
    }
}
