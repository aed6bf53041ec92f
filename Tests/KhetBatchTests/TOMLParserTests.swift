@testable import KhetBatch
import XCTest

/// Khet's own TOML reader: what batch files use, read as the TOML specification says, and every
/// malformed file a located error, never a trap (TOMLKit aborted on a lone `[`).
final class TOMLParserTests: XCTestCase {
    private func error(_ text: String) -> TOMLSyntaxError? {
        do {
            _ = try TOMLTable(string: text)
            return nil
        } catch {
            return error
        }
    }

    func testABatchFileReadsIntoTablesArraysAndValues() throws {
        let table = try TOMLTable(string: """
            # a comment
            fiscal_year = 2_568          # a number with a separator
            name = "สพป.ตาก เขต 2 \\"ทดสอบ\\" \\u0E01"
            path = 'C:\\data\\schools.csv'
            ready = true
            areas = [
              "a.toml",  # first
              'b.toml',
            ]
            note = \"\"\"
            line one
            line two\"\"\"
            [area]
            code = "6302"
            "quoted key" = -7
            site.district = "เมือง"
            [[inputs.pupils]]
            date = "2567-06-10"
            [[inputs.pupils]]
            date = "2567-11-10"
            file = { name = "x.csv", sheet = 1 }
            """)
        XCTAssertEqual(table.keys, ["fiscal_year", "name", "path", "ready", "areas", "note", "area", "inputs"])
        XCTAssertEqual(table["fiscal_year"]?.int, 2568)
        XCTAssertEqual(table["name"]?.string, "สพป.ตาก เขต 2 \"ทดสอบ\" ก")
        XCTAssertEqual(table["path"]?.string, "C:\\data\\schools.csv")
        XCTAssertEqual(table["ready"]?.bool, true)
        XCTAssertEqual(table["areas"]?.array?.compactMap(\.string), ["a.toml", "b.toml"])
        XCTAssertEqual(table["note"]?.string, "line one\nline two")
        XCTAssertEqual(table["area"]?.table?["code"]?.string, "6302")
        XCTAssertEqual(table["area"]?.table?["quoted key"]?.int, -7)
        XCTAssertEqual(table["area"]?.table?["site"]?.table?["district"]?.string, "เมือง")
        let pupils = try XCTUnwrap(table["inputs"]?.table?["pupils"]?.array)
        XCTAssertEqual(pupils.compactMap { $0.table?["date"]?.string }, ["2567-06-10", "2567-11-10"])
        XCTAssertEqual(pupils.last?.table?["file"]?.table?["sheet"]?.int, 1)
        // CRLF line ends read the same.
        XCTAssertEqual(try TOMLTable(string: "a = 1\r\n[b]\r\nc = \"d\"\r\n")["b"]?.table?["c"]?.string, "d")
    }

    func testMalformedFilesAreLocatedErrors() {
        let cases: [(String, Int, Int, String)] = [
            ("[\n", 1, 2, "expected a key"),
            ("a = 1\n[b\n", 2, 3, "expected ']'"),
            ("[[a]\n", 1, 5, "expected ']]'"),
            ("a = \"open\n", 1, 10, "never closed"),
            ("a = 1\na = 2\n", 2, 1, "given twice"),
            ("[t]\n[t]\n", 2, 1, "defined twice"),
            ("date = 2568-06-10\n", 1, 8, "in quotes"),
            ("x = 1.5\n", 1, 5, "whole number"),
            ("x = 1 2\n", 1, 7, "end of the line"),
            ("x = [1, 2\n", 2, 1, "expected ',' or ']'"),
            ("x = \"\\q\"\n", 1, 8, "unknown escape"),
            ("= 1\n", 1, 1, "expected a key"),
            ("x = 99999999999999999999\n", 1, 5, "too large"),
            ("x = [1]\n[x.y]\n", 2, 1, "not a table"),
            ("[a]\n[[a]]\n", 2, 1, "not an array of tables"),
        ]
        for (text, line, column, words) in cases {
            guard let failure = error(text) else {
                XCTFail("\(text.debugDescription) was read")
                continue
            }
            XCTAssertEqual("\(failure.line):\(failure.column)", "\(line):\(column)", text.debugDescription)
            XCTAssertTrue(failure.message.contains(words), "\(text.debugDescription): \(failure.message)")
        }
    }

    func testAnyBytesGiveATableOrAnErrorNeverATrap() {
        var state: UInt64 = 2568
        let alphabet = Array("[]{}=\"'#.,\n\r\t \\abc019_-+ก\u{0}".unicodeScalars)
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(state % 40) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.unicodeScalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            _ = error(text)
        }
    }
}
