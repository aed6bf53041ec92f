import Foundation
import KhetCore
import KhetImport
import KhetTestSupport
import XCTest

/// School data as XML, and the hardening every XML read gets: no DOCTYPE (so no entity bombs or
/// external entities) in any encoding, and a located error for a file that is not well-formed.
final class SchoolDataXMLTests: XCTestCase {
    private let good = """
        <?xml version="1.0" encoding="UTF-8"?>
        <school-data area="6302">
          <schools>
            <school code="9963020002" district="อุ้มผาง" boarding="true" special-area="1"><name>โรงเรียนบ้านสอง</name></school>
            <school code="9963020001" district="แม่สอด"><name> โรงเรียนบ้านหนึ่ง </name></school>
          </schools>
          <snapshot date="2568-06-10">
            <counts school="9963020001"><grade code="อ.1" pupils="12"/><grade code="P1" pupils="20"/></counts>
          </snapshot>
          <snapshot date="2567-11-10">
            <counts school="9963020002"><grade code="ม.๑" pupils="7"/></counts>
          </snapshot>
        </school-data>

        """

    private func read(_ text: String) throws -> SchoolDataXMLReader.Result {
        try SchoolDataXMLReader().read(bytes: Array(text.utf8), displayName: "area.xml")
    }

    func testSchoolsAndSnapshots() throws {
        let result = try read(good)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.schools, [
            School(code: "9963020001", name: "โรงเรียนบ้านหนึ่ง", district: "แม่สอด"),
            School(code: "9963020002", name: "โรงเรียนบ้านสอง", district: "อุ้มผาง", isBoarding: true, isSpecialArea: true),
        ])
        XCTAssertEqual(result.snapshots.map(\.date.isoBE), ["2567-11-10", "2568-06-10"], "oldest first")
        XCTAssertEqual(result.snapshots.last?.counts(for: "9963020001"), GradeCounts([.k1: 12, .p1: 20]))
        XCTAssertEqual(result.snapshots.first?.counts(for: "9963020002")[.m1], 7)
    }

    func testNotWellFormedGivesLineAndColumn() throws {
        let result = try read(good.replacingOccurrences(of: "</schools>", with: "</school>"))
        let first = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(first.code, "XML001")
        XCTAssertEqual(first.line, 6)
        XCTAssertGreaterThan(first.column, 0)
        XCTAssertTrue(first.message.contains("mismatch"), first.message)
        XCTAssertEqual(try read("").diagnostics.map(\.message), ["the file is empty"])
    }

    func testSchemaAndMappingErrorsPointAtTheElement() throws {
        let text = good
            .replacingOccurrences(of: "code=\"P1\"", with: "code=\"ป.l\"")
            .replacingOccurrences(of: "<counts school=\"9963020002\">", with: "<counts school=\"9963029999\">")
        let result = try read(text)
        XCTAssertEqual(result.diagnostics.map { "\($0.code)@\($0.line):\($0.column)" }, ["SDX006@8:64", "SDX004@11:5"])
        XCTAssertEqual(result.diagnostics.first?.hint, "did you mean ป.1?")
        let schema = try read(good.replacingOccurrences(of: "pupils=\"12\"", with: "pupils=\"-3\""))
        XCTAssertEqual(schema.diagnostics.map(\.code), ["XML003"])
        XCTAssertEqual(schema.diagnostics.first?.line, 8)
    }

    func testDuplicatesAreRefused() throws {
        let text = good.replacingOccurrences(of: "<snapshot date=\"2567-11-10\">", with: "<snapshot date=\"2568-06-10\">")
            .replacingOccurrences(of: "code=\"9963020001\" district", with: "code=\"9963020002\" district")
        XCTAssertEqual(try read(text).diagnostics.map(\.code), ["SDX001", "SDX004", "SDX003"])
    }

    func testASnapshotNotDatedOnASnapshotDayIsAnError() throws {
        let text = good.replacingOccurrences(of: "<snapshot date=\"2567-11-10\">", with: "<snapshot date=\"2567-11-01\">")
        let result = try read(text)
        XCTAssertEqual(result.diagnostics.map(\.code), ["SDX009"])
        XCTAssertEqual(result.snapshots.map(\.date.isoBE), ["2568-06-10"])
    }

    func testEntityBombIsRefusedBeforeItExpands() throws {
        var entities = "<!ENTITY a0 \"lol\">"
        for level in 1...12 {
            entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">"
        }
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE school-data [\(entities)]>\n"
            + "<school-data><schools><school code=\"1\" district=\"&a12;\"><name>x</name></school></schools></school-data>\n"
        let started = Date()
        let result = try read(bomb)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "10^12 expansions were not attempted")
        XCTAssertEqual(result.diagnostics.map(\.code), ["XML002"])
        XCTAssertEqual(result.diagnostics.first?.line, 2)
        XCTAssertTrue(result.schools.isEmpty)
    }

    func testExternalEntityIsNeverRead() throws {
        let folder = try TemporaryDirectory()
        let secret = try folder.write("secret.txt", "TOP-SECRET-VALUE")
        let text = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file://\(secret)\">]>"
            + "<school-data><schools><school code=\"1\" district=\"d\"><name>&e;</name></school></schools></school-data>"
        let result = try read(text)
        XCTAssertEqual(result.diagnostics.map(\.code), ["XML002"])
        XCTAssertFalse(result.diagnostics.contains { $0.description.contains("TOP-SECRET") })
        XCTAssertFalse(result.schools.contains { $0.name.contains("TOP-SECRET") })
    }

    /// A byte search for "<!DOCTYPE" misses UTF-16; the parser's own hook does not.
    func testDoctypeInUTF16IsRefusedToo() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE x [<!ENTITY e \"boom\">]>\n"
            + "<school-data><schools><school code=\"1\" district=\"&e;\"><name>x</name></school></schools></school-data>"
        let bytes = [UInt8](try XCTUnwrap(text.data(using: .utf16)))
        let result = try SchoolDataXMLReader().read(bytes: bytes, displayName: "area.xml")
        XCTAssertEqual(result.diagnostics.map(\.code), ["XML002"])
        XCTAssertTrue(result.schools.isEmpty)
    }

    func testUTF16WithoutDoctypeReads() throws {
        let text = good.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let bytes = [UInt8](try XCTUnwrap(text.data(using: .utf16)))
        let result = try SchoolDataXMLReader().read(bytes: bytes, displayName: "area.xml")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.schools.count, 2)
    }
}
