import XCTest
@testable import XLSXWriter

/// Every naming rule is enforced in Swift, before the library is asked.
final class SheetNameTests: TemporaryFolderTestCase {
    private func assertInvalid(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let workbook = try Workbook(path: path("names.xlsx"))
        XCTAssertThrowsError(try workbook.addWorksheet(named: name), file: file, line: line) { error in
            guard case .invalidSheetName(let rejected, _)? = error as? XLSXError else {
                return XCTFail("expected invalidSheetName, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(rejected, name, file: file, line: line)
        }
        XCTAssertTrue(workbook.worksheets.isEmpty, file: file, line: line)
    }

    func testEmptyNameIsRejected() throws {
        try assertInvalid("")
    }

    func testLongNamesAreRejected() throws {
        try assertInvalid(String(repeating: "a", count: 32))
        // 16 characters but 32 UTF-16 units: Excel counts the units.
        try assertInvalid(String(repeating: "😀", count: 16))
    }

    func testThirtyOneCharactersAreAllowed() throws {
        let workbook = try Workbook(path: path("long.xlsx"))
        XCTAssertNoThrow(try workbook.addWorksheet(named: String(repeating: "ก", count: 31)))
    }

    func testEachForbiddenCharacterIsRejected() throws {
        for character in ["[", "]", ":", "*", "?", "/", "\\"] {
            try assertInvalid("Sheet\(character)1")
        }
    }

    func testApostropheAtEitherEndIsRejected() throws {
        try assertInvalid("'Quoted")
        try assertInvalid("Quoted'")
    }

    func testApostropheInsideIsAllowed() throws {
        let workbook = try Workbook(path: path("apostrophe.xlsx"))
        XCTAssertNoThrow(try workbook.addWorksheet(named: "Teacher's list"))
    }

    func testHistoryIsReservedInAnyCase() throws {
        try assertInvalid("History")
        try assertInvalid("hIsToRy")
    }

    func testDuplicatesAreRejectedIgnoringCase() throws {
        let workbook = try Workbook(path: path("dupes.xlsx"))
        _ = try workbook.addWorksheet(named: "Summary")
        _ = try workbook.addWorksheet(named: "café")
        for name in ["Summary", "SUMMARY", "summary", "CAFÉ"] {
            XCTAssertThrowsError(try workbook.addWorksheet(named: name)) { error in
                XCTAssertEqual(error as? XLSXError, .duplicateSheetName(name))
            }
        }
        XCTAssertEqual(workbook.worksheets.map(\.name), ["Summary", "café"])
    }

    func testThaiNamesWorkAndTheWorkbookStaysUsableAfterARejection() throws {
        let file = path("thai.xlsx")
        let workbook = try Workbook(path: file)
        XCTAssertThrowsError(try workbook.addWorksheet(named: "bad/name"))
        _ = try workbook.addWorksheet(named: "ภาค 1-2568 งวด 70%")
        _ = try workbook.addWorksheet(named: "สรุปรายโรงเรียน")
        try workbook.close()
        XCTAssertEqual(try XLSXInspector.inspect(file).sheetNames, ["ภาค 1-2568 งวด 70%", "สรุปรายโรงเรียน"])
    }
}
