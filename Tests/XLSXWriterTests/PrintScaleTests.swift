import Foundation
import XCTest
@testable import XLSXWriter

/// When a sheet is fitted to the page width, and when it turns to landscape or prints over more
/// pages instead: decided from the columns' widths in LibreOffice's units.
final class PrintScaleTests: TemporaryFolderTestCase {
    private func setup(_ orientation: Orientation) -> PrintSetup {
        var setup = PrintSetup(paper: .a4, orientation: orientation, fitToWidth: true)
        setup.minimumFitScale = 75
        setup.overflowScale = 80
        return setup
    }

    func testANarrowSheetIsFittedAsAsked() {
        // 80 units: about 6.5 inches, inside a portrait A4's 6.87.
        let decision = PrintScaleDecision(setup: setup(.portrait), columnWidths: [30, 20, 10, 10, 10])
        XCTAssertEqual(decision.orientation, .portrait)
        XCTAssertNil(decision.fixedScale)
    }

    func testAPortraitSheetTooWideToReadTurnsToLandscape() {
        // 120 units would print at about 70% on portrait A4, and fits landscape at 100%.
        let decision = PrintScaleDecision(setup: setup(.portrait), columnWidths: Array(repeating: 12, count: 10))
        XCTAssertEqual(decision.orientation, .landscape)
        XCTAssertNil(decision.fixedScale)
    }

    func testASheetTooWideEvenInLandscapePrintsAtTheOverflowScale() {
        // The evaluation's project sheet: 309 units would be fitted at about 40%.
        let widths: [Double] = [8, 12, 46, 24, 24] + Array(repeating: 15, count: 6) + Array(repeating: 11, count: 7) + [14, 14]
        let decision = PrintScaleDecision(setup: setup(.landscape), columnWidths: widths)
        XCTAssertEqual(decision.orientation, .landscape)
        XCTAssertEqual(decision.fixedScale, 80)
    }

    func testTheDecisionIsWrittenIntoTheWorkbook() throws {
        let path = path("wide.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "wide")
        try sheet.setColumnWidth(40, columns: 0...9)
        try sheet.write("x", row: 0, column: 9)
        try sheet.setPrintSetup(setup(.portrait))
        try workbook.close()
        let xml = try sheetXML(path)
        XCTAssertTrue(xml.contains("orientation=\"landscape\""), xml)
        XCTAssertTrue(xml.contains("scale=\"80\""), xml)
        XCTAssertFalse(xml.contains("fitToPage=\"1\""), "not fitted: \(xml)")
    }

    /// The sheet's XML part, read with Python's zipfile.
    private func sheetXML(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
