import KhetCore
import KhetImport
import KhetTestSupport
import XCTest

final class FrameworkReaderTests: XCTestCase {
    func testBundledFrameworksLoadWithEveryRateCited() throws {
        XCTAssertEqual(FrameworkReader.bundledNames, ["fy2565", "fy2568"])
        let path = try XCTUnwrap(FrameworkReader.bundledPath(named: "fy2565"))
        let result = try FrameworkReader().read(path: path, displayName: "fy2565.xml")
        XCTAssertEqual(result.diagnostics, [])
        let framework = try XCTUnwrap(result.framework)
        XCTAssertEqual(framework.fiscalYear, FiscalYear(2565))
        XCTAssertEqual(framework.status, .official)
        XCTAssertEqual(framework.advance, AdvanceRule(percent: 70, rounding: .halfUp, allowsRecovery: false))
        let programme = try XCTUnwrap(framework.programme("free-education"))
        XCTAssertEqual(programme.items.map(\.id), ["tuition", "textbooks", "supplies", "uniforms", "activities"])
        let tuition = programme.items[0]
        XCTAssertEqual(tuition.rate(for: .p3)?.amount, Money(baht: 1900))
        XCTAssertEqual(tuition.rate(for: .p3)?.confidence, .a)
        XCTAssertEqual(tuition.perPupilAmount(for: .k1, termNumber: 1), Money(baht: 850))
        let textbooks = programme.items[1]
        XCTAssertEqual(textbooks.rate(for: .p5)?.amount, Money(baht: 846))
        XCTAssertEqual(textbooks.perPupilAmount(for: .p5, termNumber: 2), .zero)
        for item in programme.items { for rate in item.rates { XCTAssertFalse(rate.source.isEmpty) } }

        let draft = try FrameworkReader().read(path: try XCTUnwrap(FrameworkReader.bundledPath(named: "fy2568")),
                                               displayName: "fy2568.xml")
        XCTAssertEqual(draft.framework?.status, .provisional)
    }

    func testMalformedXMLNamesLineAndColumn() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("bad.xml", "<framework fiscal-year=\"2568\" status=\"official\">\n  <title>x</titel>\n</framework>\n")
        let result = try FrameworkReader().read(path: path, displayName: "bad.xml")
        XCTAssertNil(result.framework)
        let first = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(first.code, "XML001")
        XCTAssertEqual(first.line, 2)
        XCTAssertGreaterThan(first.column, 0)
        XCTAssertEqual(first.file, "bad.xml")
    }

    func testSchemaViolationsPointAtTheElement() throws {
        let original = try String(contentsOfFile: try XCTUnwrap(FrameworkReader.bundledPath(named: "fy2565")), encoding: .utf8)
        let broken = original.replacingOccurrences(of: "<rate level=\"pri\" baht=\"1900\"", with: "<rate level=\"pri\" baht=\"19x0\"")
        XCTAssertNotEqual(original, broken)
        let folder = try TemporaryDirectory()
        let path = try folder.write("fw.xml", broken)
        let result = try FrameworkReader().read(path: path, displayName: "fw.xml")
        XCTAssertNil(result.framework)
        let error = try XCTUnwrap(result.diagnostics.errors.first)
        XCTAssertEqual(error.code, "XML003")
        let expectedLine = broken.components(separatedBy: "\n").firstIndex { $0.contains("19x0") }.map { $0 + 1 }
        XCTAssertEqual(error.line, expectedLine)
        XCTAssertEqual(error.column, 7)
        XCTAssertTrue(error.message.contains("19x0"), error.message)
    }

    func testRulesTheSchemaCannotSay() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("fw.xml", """
            <framework fiscal-year="2568" status="official">
              <title>t</title><source>s</source>
              <advance percent="70" rounding="half-up" recovery="false"/>
              <programme id="free-education"><name lang="th">ก</name><name lang="en">a</name>
                <item id="textbooks" unit="year" paid-in="term-1"><name lang="th">ข</name><name lang="en">b</name>
                  <rate grade="ป.9" baht="1" confidence="A" source="x"/>
                  <rate level="pri" grade="ป.1" baht="1" confidence="A" source="x"/>
                  <rate level="pri" baht="1" confidence="A" source="x"/>
                  <rate level="pri" baht="2" confidence="A" source="x"/>
                </item>
              </programme>
            </framework>
            """)
        let result = try FrameworkReader().read(path: path, displayName: "fw.xml")
        XCTAssertNil(result.framework)
        XCTAssertEqual(result.diagnostics.map { "\($0.code)@\($0.line):\($0.column)" },
                       ["FWK001@6:7", "FWK002@7:7", "FWK003@9:7"])
    }

    func testAFloorWithTwoItemsIsRefusedRatherThanPaidTwice() throws {
        let folder = try TemporaryDirectory()
        let item = { (id: String) in
            "<item id=\"\(id)\" unit=\"term\" paid-in=\"each-term\"><name lang=\"th\">ข</name><name lang=\"en\">b</name>"
                + "<rate baht=\"2814\" confidence=\"C\" source=\"x\"/></item>"
        }
        let path = try folder.write("fw.xml", """
            <framework fiscal-year="2568" status="official">
              <title>t</title><source>s</source>
              <advance percent="70" rounding="half-up" recovery="false"/>
              <programme id="small-schools" kind="small-schools"><name lang="th">ก</name><name lang="en">a</name>
                <small-school max-pupils="40" mode="floor" confidence="C" source="x"/>
                \(item("floor"))
                \(item("second-floor"))
              </programme>
            </framework>
            """)
        let result = try FrameworkReader().read(path: path, displayName: "fw.xml")
        XCTAssertNil(result.framework)
        XCTAssertEqual(result.diagnostics.map { "\($0.code)@\($0.line)" }, ["FWK009@5"])
        XCTAssertTrue(result.diagnostics.first?.message.contains("exactly one item") ?? false)
        // One floor item is fine.
        let single = try folder.write("one.xml", try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: item("second-floor"), with: ""))
        XCTAssertNotNil(try FrameworkReader().read(path: single, displayName: "one.xml").framework)
    }

    func testDoctypeAndEntitiesAreRefused() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("evil.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE framework [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <framework fiscal-year="2568" status="official"><title>&xxe;</title></framework>
            """)
        let result = try FrameworkReader().read(path: path, displayName: "evil.xml")
        XCTAssertNil(result.framework)
        XCTAssertEqual(result.diagnostics.map(\.code), ["XML002"])
        XCTAssertEqual(result.diagnostics.first?.line, 2)
    }
}
