import KhetCalc
import KhetCore
import KhetImport
import KhetTestSupport
import XCTest

/// The evaluation arithmetic on a small plan worked out by hand (numbers in the comments).
final class EvaluationTests: XCTestCase {
    static let plan = """
    <?xml version="1.0" encoding="UTF-8"?>
    <action-plan fiscal-year="2568">
      <title>แผนทดสอบ</title>
      <strategy id="1">
        <name>กลยุทธ์ที่ 1</name>
        <project code="P1">
          <name>โครงการหนึ่ง</name>
          <group>กลุ่มนโยบายและแผน</group>
          <budget source="งบพัฒนาการศึกษา" allocated="100000" spent="87500"/>
          <indicator kind="quantitative" unit="ร้อยละ" target="80" actual="85">นักเรียนผ่านเกณฑ์</indicator>
          <indicator kind="quantitative" direction="lower" unit="ร้อยละ" target="2" actual="1.5">อัตราการออกกลางคัน</indicator>
          <indicator kind="quantitative" direction="lower" unit="วัน" target="5" actual="6">วันที่ใช้ตอบหนังสือ</indicator>
          <indicator kind="qualitative" target="ระดับดีขึ้นไป" actual="ระดับดีมาก" achieved="true">คุณภาพการนิเทศ</indicator>
          <satisfaction mean="4.51"/>
          <problem>งบประมาณล่าช้า</problem>
        </project>
        <project code="P2">
          <name>โครงการที่ยังไม่รายงาน</name>
          <group>กลุ่มส่งเสริมการจัดการศึกษา</group>
          <budget source="งบพัฒนาการศึกษา" allocated="50000"/>
          <indicator kind="quantitative" unit="โรงเรียน" target="20">โรงเรียนเข้าร่วม</indicator>
          <indicator kind="qualitative" target="ครูนำไปใช้ได้">การนำไปใช้</indicator>
        </project>
      </strategy>
      <strategy id="2">
        <name>กลยุทธ์ที่ 2</name>
        <project code="P3">
          <name>โครงการสาม</name>
          <group>กลุ่มบริหารงานการเงินและสินทรัพย์</group>
          <budget source="งบดำเนินงาน" allocated="40000">
            <quarter n="1" spent="10000"/><quarter n="2" spent="9000"/><quarter n="3" spent="8000"/><quarter n="4" spent="2990"/>
          </budget>
          <indicator kind="quantitative" unit="ร้อยละ" target="100" actual="100">ความครบถ้วนของข้อมูล</indicator>
          <satisfaction mean="3.50"/>
        </project>
      </strategy>
    </action-plan>
    """

    private func evaluation() throws -> PlanEvaluation {
        let folder = try TemporaryDirectory()
        let path = try folder.write("plan.xml", Self.plan)
        let read = try ActionPlanImporter().read(path: path, displayName: "plan.xml")
        XCTAssertEqual(read.diagnostics, [])
        let plan = try XCTUnwrap(read.plan)
        let scalesPath = try XCTUnwrap(EvaluationScalesReader.bundledPath)
        let scales = try XCTUnwrap(EvaluationScalesReader().read(path: scalesPath, displayName: "scales.xml").scales)
        return EvaluationCalculator(scales: scales).evaluate(plan)
    }

    private func percent(_ text: String) -> ExactDecimal? { ExactDecimal(parsing: text) }

    func testIndicatorsIncludingLowerIsBetter() throws {
        let p1 = try XCTUnwrap(try evaluation().projects.first { $0.project.code == "P1" })
        // 85 ≥ 80: achieved, 85 / 80 = 106.25 %.
        XCTAssertEqual(p1.indicators[0].achieved, true)
        XCTAssertEqual(p1.indicators[0].percentOfTarget, percent("106.25"))
        // Lower is better: 1.5 ≤ 2 is achieved, and 2 / 1.5 = 133.33 % of the way.
        XCTAssertEqual(p1.indicators[1].achieved, true)
        XCTAssertEqual(p1.indicators[1].percentOfTarget, percent("133.33"))
        // 6 days against a ceiling of 5: not achieved, 5 / 6 = 83.33 %.
        XCTAssertEqual(p1.indicators[2].achieved, false)
        XCTAssertEqual(p1.indicators[2].percentOfTarget, percent("83.33"))
        XCTAssertEqual(p1.indicators[3].achieved, true)
        XCTAssertNil(p1.indicators[3].percentOfTarget)
        // 3 of 4 achieved = 75 % → partly achieved (50–99.99 %).
        XCTAssertEqual(p1.indicatorsAchieved, 3)
        XCTAssertEqual(p1.achievementRate, percent("75"))
        XCTAssertEqual(p1.status?.id, "partial")
        // 87,500 / 100,000 = 87.5 % → score 4 (85–89).
        XCTAssertEqual(p1.disbursementRate, percent("87.5"))
        XCTAssertEqual(p1.disbursementScore, 4)
        XCTAssertEqual(p1.qualityLevel?.thaiName, "ดีมาก", "4.51 is the lower bound of very good")
    }

    func testAProjectWithoutResultsIsMissingNotZero() throws {
        let evaluation = try evaluation()
        let p2 = try XCTUnwrap(evaluation.projects.first { $0.project.code == "P2" })
        XCTAssertFalse(p2.hasResults)
        XCTAssertEqual(p2.indicators.map(\.achieved), [nil, nil])
        XCTAssertEqual(p2.indicatorsWithResult, 0)
        XCTAssertNil(p2.achievementRate)
        XCTAssertNil(p2.disbursementRate)
        XCTAssertNil(p2.disbursementScore)
        XCTAssertNil(p2.qualityLevel)
        XCTAssertNil(p2.status)
        XCTAssertEqual(evaluation.diagnostics.map(\.code), ["EVL011"])
        XCTAssertTrue(evaluation.diagnostics[0].message.contains("P2"))
    }

    func testQuartersAddUpToSpentAndTheScalesBoundaries() throws {
        let p3 = try XCTUnwrap(try evaluation().projects.first { $0.project.code == "P3" })
        // 10,000 + 9,000 + 8,000 + 2,990 = 29,990; / 40,000 = 74.975 % → 74.98 % → score 1 (< 75).
        XCTAssertEqual(p3.project.spent, Money(baht: 29_990))
        XCTAssertEqual(p3.disbursementRate, percent("74.98"))
        XCTAssertEqual(p3.disbursementScore, 1)
        // 100 of a target of 100 is achieved; 1 of 1 → achieved.
        XCTAssertEqual(p3.status?.id, "achieved")
        XCTAssertEqual(p3.qualityLevel?.thaiName, "ปานกลาง", "3.50 is the top of fair")
    }

    func testRollUpsPerStrategyAndForThePlan() throws {
        let evaluation = try evaluation()
        let first = evaluation.strategies[0].summary
        XCTAssertEqual(first.projectCount, 2)
        XCTAssertEqual(first.projectsWithResults, 1)
        // 6 indicators, 4 with a result, 3 achieved → 75 %.
        XCTAssertEqual([first.indicatorCount, first.indicatorsWithResult, first.indicatorsAchieved], [6, 4, 3])
        XCTAssertEqual(first.achievementRate, percent("75"))
        // P2 did not report spending, so the rate is 87,500 of P1's 100,000, not of 150,000.
        XCTAssertEqual(first.allocated, Money(baht: 150_000))
        XCTAssertEqual(first.allocatedReporting, Money(baht: 100_000))
        XCTAssertEqual(first.disbursementRate, percent("87.5"))
        XCTAssertEqual(first.projectsByStatus, ["partial": 1, "": 1])

        let plan = evaluation.summary
        // 7 indicators, 5 with a result, 4 achieved → 80 %.
        XCTAssertEqual(plan.achievementRate, percent("80"))
        // (87,500 + 29,990) / (100,000 + 40,000) = 83.921… % → 83.92 % → score 3.
        XCTAssertEqual(plan.spent, Money(baht: 117_490))
        XCTAssertEqual(plan.disbursementRate, percent("83.92"))
        XCTAssertEqual(plan.disbursementScore, 3)
        // (4.51 + 3.50) / 2 = 4.005 → 4.01 → good.
        XCTAssertEqual(plan.satisfactionMean, percent("4.01"))
        XCTAssertEqual(plan.qualityLevel?.thaiName, "ดี")
    }

    func testExactDecimalReadsRoundsAndFormats() {
        XCTAssertEqual(ExactDecimal(parsing: "1,200.5")?.tenThousandths, 12_005_000)
        XCTAssertEqual(ExactDecimal(parsing: "๔.๕๑"), ExactDecimal(parsing: "4.51"))
        XCTAssertNil(ExactDecimal(parsing: "4.5.1"))
        XCTAssertNil(ExactDecimal(parsing: "12.34567"), "more than four decimals is refused, not rounded")
        XCTAssertNil(ExactDecimal(parsing: "abc"))
        XCTAssertEqual(ExactDecimal.percent(1, of: 3)?.description, "33.33")
        XCTAssertEqual(ExactDecimal.percent(2, of: 3)?.description, "66.67")
        XCTAssertNil(ExactDecimal.percent(1, of: 0))
        XCTAssertNil(ExactDecimal.percent(Int64.max, of: 1), "an absurd ratio is undefined, not a crash")
        XCTAssertEqual(ExactDecimal(parsing: "1234567.005")?.formatted(fractionDigits: 2), "1,234,567.01")
        XCTAssertEqual(ExactDecimal(parsing: "85.50")?.description, "85.5")
    }
}
