import KhetImport
import KhetTestSupport
import XCTest

final class CSVReaderTests: XCTestCase {
    private func records(_ text: String) throws -> [CSVRecord] {
        let folder = try TemporaryDirectory()
        let path = try folder.write("in.csv", text)
        let reader = try CSVReader(path: path, displayName: "in.csv")
        var result: [CSVRecord] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    private func failure(_ text: String) throws -> ImportError {
        do {
            _ = try records(text)
        } catch let error as ImportError {
            return error
        }
        XCTFail("expected the reader to reject the file")
        return ImportError(.badData, .init(.error, code: "", file: "", message: ""))
    }

    func testQuotedFieldsWithCommasQuotesAndNewlines() throws {
        let rows = try records("code,name\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,last\n")
        XCTAssertEqual(rows.map(\.fields), [["code", "name"], ["1", "a, b"], ["2", "say \"hi\""],
                                            ["3", "two\nlines"], ["4", "last"]])
        XCTAssertEqual(rows[4].line, 6, "the embedded newline counts as a line")
    }

    func testLineEndsAndByteOrderMark() throws {
        XCTAssertEqual(try records("\u{FEFF}a,b\r\n1,2\r\n").map(\.fields), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(try records("a,b\r1,2").map(\.fields), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(try records("a,,\n").first?.fields, ["a", "", ""])
    }

    func testPositionsCountCharactersNotBytes() throws {
        let rows = try records("รหัส,ชื่อ\n1,โรงเรียน,x\n")
        XCTAssertEqual(rows[0].positions[1], CSVPosition(line: 1, column: 6))
        XCTAssertEqual(rows[1].positions[2], CSVPosition(line: 2, column: 12))
    }

    func testUnclosedQuoteIsReportedWhereItOpened() throws {
        let error = try failure("a,b\n1,\"open\n2,3\n")
        XCTAssertEqual(error.diagnostic.code, "CSV001")
        XCTAssertEqual(error.diagnostic.line, 2)
        XCTAssertEqual(error.diagnostic.column, 3)
        XCTAssertEqual(error.diagnostic.file, "in.csv")
    }

    func testTextAfterClosingQuoteAndStrayQuotes() throws {
        XCTAssertEqual(try failure("a\n\"x\"y\n").diagnostic.code, "CSV002")
        let stray = try failure("a,b\n1,ab\"c\n")
        XCTAssertEqual(stray.diagnostic.code, "CSV003")
        XCTAssertEqual(stray.diagnostic.line, 2)
        XCTAssertEqual(stray.diagnostic.column, 5)
    }

    /// 0x81 and 0xFF are neither UTF-8 nor Windows-874 (A1 B2, which this test once used, is
    /// the Thai "กฒ" in Windows-874 and now reads as such).
    func testInvalidUTF8NamesTheBytes() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("bad.csv")
        try Data([0x61, 0x0A, 0x81, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        let reader = try CSVReader(path: path, displayName: "bad.csv")
        _ = try reader.next()
        XCTAssertThrowsError(try reader.next()) { error in
            let diagnostic = (error as? ImportError)?.diagnostic
            XCTAssertEqual(diagnostic?.code, "CSV004")
            XCTAssertEqual(diagnostic?.line, 2)
            XCTAssertTrue(diagnostic?.message.contains("81 FF") ?? false, diagnostic?.message ?? "")
            XCTAssertTrue(diagnostic?.message.contains("UTF-8 nor as Windows-874") ?? false, diagnostic?.message ?? "")
        }
    }

    func testMissingFileIsMissingNotBadData() {
        XCTAssertThrowsError(try CSVReader(path: "/nonexistent/x.csv", displayName: "x.csv")) { error in
            XCTAssertEqual((error as? ImportError)?.kind, .missingFile)
        }
    }

    func testLongFileStreamsAcrossChunks() throws {
        var text = "code,count\n"
        for index in 0..<20_000 { text += "\(index),\"q,\(index)\"\r\n" }
        let rows = try records(text)
        XCTAssertEqual(rows.count, 20_001)
        XCTAssertEqual(rows.last?.fields, ["19999", "q,19999"])
        XCTAssertEqual(rows.last?.line, 20_001)
    }
}
