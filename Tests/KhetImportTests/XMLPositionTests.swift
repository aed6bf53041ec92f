import Foundation
import KhetCore
import KhetImport
import XCTest

/// Where XML problems are reported, however the file is laid out: elements on one long line
/// are found in one pass (a 400-school file on one line took 30 s), and lines past 65,535
/// (where libxml2's own counter stops) are reported as they are.
final class XMLPositionTests: XCTestCase {
    private func schoolData(schools: Int, separator: String, padding: String = "") -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\(separator)<school-data area=\"6302\">\(separator)<schools>"
        for index in 0..<schools {
            text += separator + "<school code=\"99630\(String(format: "%05d", index))\" district=\"เมือง\"><name>โรงเรียนบ้าน\(index)</name></school>"
        }
        text += separator + "</schools>" + padding + separator + "<snapshot date=\"2568-06-10\">"
        for index in 0..<schools {
            text += "<counts school=\"99630\(String(format: "%05d", index))\"><grade code=\"ป.1\" pupils=\"\(index % 50)\"/></counts>"
        }
        return text + "</snapshot>" + separator + "</school-data>\n"
    }

    private func read(_ text: String) throws -> SchoolDataXMLReader.Result {
        try SchoolDataXMLReader().read(bytes: Array(text.utf8), displayName: "area.xml")
    }

    /// Seconds of the fastest of three reads.
    private func fastestRead(_ text: String) throws -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = Date()
            let result = try read(text)
            best = min(best, Date().timeIntervalSince(start))
            XCTAssertEqual(result.diagnostics, [])
        }
        return best
    }

    func testASingleLineFileReadsInLinearTime() throws {
        let small = schoolData(schools: 1_000, separator: "")
        let large = schoolData(schools: 4_000, separator: "")
        XCTAssertEqual(small.filter { $0 == "\n" }.count, 1, "the elements are on one line")
        let ratio = try fastestRead(large) / max(try fastestRead(small), 1e-6)
        // Four times the file: about four times the time; a search per element from the line's
        // start gives sixteen.
        XCTAssertLessThan(ratio, 8, "4× the schools took \(ratio)× the time")
        XCTAssertEqual(try read(large).schools.count, 4_000)
    }

    func testPositionsOnOneLineAreTheElementsOwn() throws {
        let text = schoolData(schools: 3, separator: "").replacingOccurrences(of: "pupils=\"2\"", with: "pupils=\"-2\"")
        let result = try read(text)
        let error = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(error.line, 1)
        // The third <grade of the line, its column counted in code points (as editors count Thai).
        let prefix = try XCTUnwrap(text.range(of: "<grade code=\"ป.1\" pupils=\"-2\""))
        XCTAssertEqual(error.column, text[..<prefix.lowerBound].unicodeScalars.count + 1)
    }

    func testLinesPastSixtyFiveThousandAreReportedAsTheyAre() throws {
        // 70,000 blank lines after the schools, then a snapshot with a count the schema refuses.
        let text = schoolData(schools: 2, separator: "\n", padding: String(repeating: "\n", count: 70_000))
            .replacingOccurrences(of: "pupils=\"1\"", with: "pupils=\"x\"")
        let expectedLine = text[..<(try XCTUnwrap(text.range(of: "pupils=\"x\""))).lowerBound].filter { $0 == "\n" }.count + 1
        XCTAssertGreaterThan(expectedLine, 70_000)
        let result = try read(text)
        let error = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(error.code, "XML003")
        XCTAssertEqual(error.line, expectedLine)

        // A problem Khet finds itself (a school twice) is placed from the start tags too.
        let twice = schoolData(schools: 2, separator: "\n", padding: String(repeating: "\n", count: 70_000))
            .replacingOccurrences(of: "<counts school=\"9963000001\">", with: "<counts school=\"9963000000\">")
        let duplicate = try XCTUnwrap(try read(twice).diagnostics.first)
        let place = try XCTUnwrap(twice.range(of: "<counts school=\"9963000000\"", options: .backwards))
        XCTAssertEqual(duplicate.line, twice[..<place.lowerBound].filter { $0 == "\n" }.count + 1)
        XCTAssertGreaterThan(duplicate.line, 70_000)
    }
}
