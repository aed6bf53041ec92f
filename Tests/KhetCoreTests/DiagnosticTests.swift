import KhetCore
import XCTest

/// Messages stay short and printable whatever the input held.
final class DiagnosticTests: XCTestCase {
    func testQuotedValuesAreCutAndControlCharactersShown() {
        XCTAssertEqual(Diagnostic.quoted("ป.7"), "ป.7")
        let long = Diagnostic.quoted(String(repeating: "ก", count: 100_000))
        XCTAssertEqual(long.count, Diagnostic.quotedLength + 1)
        XCTAssertTrue(long.hasSuffix("…"))
        XCTAssertEqual(Diagnostic.quoted("a\u{0}b\u{1B}c"), "a\\u{0}b\\u{1b}c")
    }

    func testEveryMessageIsCappedWhateverItQuotes() {
        let diagnostic = Diagnostic(.error, code: "X", file: "f", message: String(repeating: "x", count: 1_000_000),
                                    thaiMessage: String(repeating: "ก", count: 5_000), hint: String(repeating: "h", count: 700))
        XCTAssertLessThanOrEqual(diagnostic.message.count, 600)
        XCTAssertLessThanOrEqual(diagnostic.thaiMessage?.count ?? 0, 600)
        XCTAssertLessThanOrEqual(diagnostic.hint?.count ?? 0, 600)
        XCTAssertTrue(diagnostic.message.hasSuffix("…"))
        XCTAssertEqual(Diagnostic(.note, code: "X", file: "f", message: "short").message, "short")
    }
}
