import KhetCore
import KhetImport
import KhetTestSupport
import XCTest

final class ActionPlanImporterTests: XCTestCase {
    func testCSVWithThaiHeadersOneRowPerIndicator() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("plan.csv", #"""
        กลยุทธ์,ชื่อกลยุทธ์,รหัสโครงการ,ชื่อโครงการ,กลุ่มที่รับผิดชอบ,แหล่งงบประมาณ,งบประมาณที่ได้รับ,ใช้จ่ายจริง,ตัวชี้วัด,ประเภทตัวชี้วัด,หน่วยนับ,ทิศทาง,ค่าเป้าหมาย,ผลการดำเนินงาน,บรรลุ,ความพึงพอใจ,ปัญหาอุปสรรค
        1,พัฒนาคุณภาพผู้เรียน,P1,"โครงการ ""อ่านออก""",กลุ่มนิเทศ,งบพัฒนา,"150,000",120000,นักเรียนอ่านออก,เชิงปริมาณ,ร้อยละ,มากดี,80,๘๕,,4.2,"ครูย้าย
        งบล่าช้า"
        1,,P1,,,,,,อัตราออกกลางคัน,เชิงปริมาณ,ร้อยละ,น้อยดี,2,,,,
        1,,P1,,,,,,การนิเทศ,เชิงคุณภาพ,,,ระดับดี,ระดับดีมาก,ใช่,,
        2,บริหารจัดการ,P2,โครงการสอง,กลุ่มอำนวยการ,งบดำเนินงาน,5000,,ความพึงพอใจ,quantitative,คะแนน,higher,4,,,,

        """#)
        let result = try ActionPlanImporter().read(path: path, displayName: "plan.csv")
        XCTAssertEqual(result.diagnostics, [])
        let plan = try XCTUnwrap(result.plan)
        XCTAssertEqual(plan.strategies, [Strategy(id: "1", name: "พัฒนาคุณภาพผู้เรียน"), Strategy(id: "2", name: "บริหารจัดการ")])
        XCTAssertEqual(plan.projects.map(\.code), ["P1", "P2"])
        let p1 = plan.projects[0]
        XCTAssertEqual(p1.name, "โครงการ \"อ่านออก\"")
        XCTAssertEqual(p1.allocated, Money(baht: 150_000))
        XCTAssertEqual(p1.spent, Money(baht: 120_000))
        XCTAssertEqual(p1.problems, ["ครูย้าย", "งบล่าช้า"])
        XCTAssertEqual(p1.satisfaction, ExactDecimal(parsing: "4.2"))
        XCTAssertEqual(p1.indicators.count, 3)
        XCTAssertEqual(p1.indicators[0].actual, ExactDecimal(85), "Thai digits are read")
        XCTAssertEqual(p1.indicators[1].direction, .lowerIsBetter)
        XCTAssertNil(p1.indicators[1].actual, "a blank result is missing, not 0")
        XCTAssertEqual(p1.indicators[2].judgedAchieved, true)
        XCTAssertNil(plan.projects[1].spent)
    }

    /// The same plan as a workbook (title row, money formatted as numbers, a multi-line cell).
    func testWorkbookGivesThePlanTheCSVGives() throws {
        let path = Repository.path("Tests/Fixtures/xlsx/action-plan.xlsx")
        let result = try ActionPlanImporter().read(path: path, displayName: "plan.xlsx")
        XCTAssertEqual(result.diagnostics.filter { $0.severity != .note }, [])
        let plan = try XCTUnwrap(result.plan)
        XCTAssertEqual(plan.projects.map(\.code), ["P1", "P2"])
        XCTAssertEqual(plan.projects[0].name, "โครงการ \"อ่านออก\"")
        XCTAssertEqual(plan.projects[0].allocated, Money(baht: 150_000))
        XCTAssertEqual(plan.projects[0].spent, Money(baht: 120_000))
        XCTAssertEqual(plan.projects[0].problems, ["ครูย้าย", "งบล่าช้า"])
        XCTAssertEqual(plan.projects[0].satisfaction, ExactDecimal(parsing: "4.2"))
        XCTAssertEqual(plan.projects[0].indicators.map(\.target), [ExactDecimal(80), ExactDecimal(2), nil])
        XCTAssertEqual(plan.projects[0].indicators[2].judgedAchieved, true)
    }

    func testBadCellsArePinnedToLineAndColumn() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("plan.csv", """
        strategy,code,name,group,source,allocated,indicator,kind,target,actual,satisfaction
        1,P1,One,G,S,1000,Reach,quantitative,eighty,,
        1,P2,Two,G,S,1000,Reach,somehow,80,,
        1,P3,Three,G,S,1000,Reach,quantitative,80,,7

        """)
        let result = try ActionPlanImporter().read(path: path, displayName: "plan.csv")
        XCTAssertNil(result.plan)
        let found = result.diagnostics.map { "\($0.code)@\($0.line):\($0.column)" }
        XCTAssertEqual(found, ["EVL001@2:38", "EVL002@3:25", "EVL001@4:44"])
    }

    func testXMLSchemaRefusesDuplicateProjectCodes() throws {
        let folder = try TemporaryDirectory()
        let project = """
        <project code="P1"><name>x</name><group>g</group><budget source="s" allocated="1"/>
        <indicator kind="quantitative" target="1">i</indicator></project>
        """
        let path = try folder.write("plan.xml", """
        <action-plan fiscal-year="2568"><title>t</title>
        <strategy id="1"><name>s</name>\(project)\(project)</strategy></action-plan>
        """)
        let result = try ActionPlanImporter().read(path: path, displayName: "plan.xml")
        XCTAssertNil(result.plan)
        XCTAssertEqual(result.diagnostics.first?.code, "XML003")
    }

    func testQuartersThatDisagreeWithSpentAreAWarning() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("plan.xml", """
        <action-plan fiscal-year="2568"><title>t</title><strategy id="1"><name>s</name>
        <project code="P1"><name>x</name><group>g</group>
        <budget source="s" allocated="100" spent="90"><quarter n="1" spent="10"/><quarter n="2" spent="10"/><quarter n="3" spent="10"/><quarter n="4" spent="10"/></budget>
        <indicator kind="quantitative" target="1" actual="1">i</indicator></project></strategy></action-plan>
        """)
        let result = try ActionPlanImporter().read(path: path, displayName: "plan.xml")
        XCTAssertEqual(result.plan?.projects.first?.spent, Money(baht: 90))
        XCTAssertEqual(result.diagnostics.map(\.code), ["EVL004"])
        XCTAssertEqual(result.diagnostics.first?.line, 3)
    }

    func testBundledScalesHoldTheDomainDefaults() throws {
        let path = try XCTUnwrap(EvaluationScalesReader.bundledPath)
        let result = try EvaluationScalesReader().read(path: path, displayName: "scales.xml")
        XCTAssertEqual(result.diagnostics, [])
        let scales = try XCTUnwrap(result.scales)
        XCTAssertEqual(scales.qualityLevels.map(\.thaiName), ["ดีมาก", "ดี", "ปานกลาง", "พอใช้", "ควรปรับปรุง"])
        XCTAssertEqual(scales.qualityLevel(for: ExactDecimal(parsing: "4.50")!)?.thaiName, "ดี")
        XCTAssertEqual(scales.qualityLevel(for: ExactDecimal(parsing: "1.00")!)?.thaiName, "ควรปรับปรุง")
        XCTAssertNil(scales.qualityLevel(for: ExactDecimal(parsing: "0.9")!))
        for (percent, score) in [("74.99", 1), ("75", 2), ("79.99", 2), ("80", 3), ("85", 4), ("89.99", 4), ("90", 5), ("120", 5)] {
            XCTAssertEqual(scales.disbursementScore(for: ExactDecimal(parsing: percent)!), score, percent)
        }
    }

    func testOverlappingQualityLevelsAreRefused() throws {
        let folder = try TemporaryDirectory()
        let path = try XCTUnwrap(EvaluationScalesReader.bundledPath)
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "min=\"3.51\"", with: "min=\"3.40\"")
        let copy = try folder.write("scales.xml", text)
        let result = try EvaluationScalesReader().read(path: copy, displayName: "scales.xml")
        XCTAssertNil(result.scales)
        XCTAssertEqual(result.diagnostics.first?.code, "EVL010")
    }
}
