import Foundation
import KhetCalc
import KhetCore
import KhetImport
import KhetTestSupport
import XCTest

/// A small action plan with one lower-is-better indicator, one project without results and a
/// name that tries to inject markup, evaluated with the bundled scales.
enum EvaluationFixture {
    static let planXML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <action-plan fiscal-year="2568">
      <title>แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568</title>
      <strategy id="1">
        <name>พัฒนาคุณภาพผู้เรียน</name>
        <project code="P1">
          <name>โครงการ &lt;script&gt;alert("x")&lt;/script&gt; 'อ่านออก' &amp; เขียนได้</name>
          <group>กลุ่มนิเทศ</group>
          <budget source="งบพัฒนาการศึกษา" allocated="100000" spent="87500"/>
          <indicator kind="quantitative" unit="ร้อยละ" target="80" actual="85">นักเรียนอ่านออก</indicator>
          <indicator kind="quantitative" direction="lower" unit="ร้อยละ" target="2" actual="1.5">อัตราการออกกลางคัน</indicator>
          <satisfaction mean="4.51"/>
          <problem>งบมาช้า &lt;b&gt;</problem>
          <suggestion>จัดสรรงบไตรมาสแรก</suggestion>
        </project>
        <project code="P2">
          <name>โครงการที่ยังไม่รายงาน</name>
          <group>กลุ่มส่งเสริม</group>
          <budget source="งบพัฒนาการศึกษา" allocated="50000"/>
          <indicator kind="qualitative" target="ครูนำไปใช้ได้">การนำไปใช้</indicator>
        </project>
      </strategy>
      <strategy id="2">
        <name>บริหารจัดการ</name>
        <project code="P3">
          <name>โครงการสาม</name>
          <group>กลุ่มการเงิน</group>
          <budget source="งบดำเนินงาน" allocated="40000">
            <quarter n="1" spent="10000"/><quarter n="2" spent="9000"/><quarter n="3" spent="8000"/><quarter n="4" spent="2990"/>
          </budget>
          <indicator kind="quantitative" direction="lower" unit="วัน" target="5" actual="6">วันที่ใช้</indicator>
          <satisfaction mean="3.50"/>
        </project>
      </strategy>
    </action-plan>
    """

    static func evaluation() throws -> PlanEvaluation {
        let folder = try TemporaryDirectory()
        let path = try folder.write("plan.xml", planXML)
        let read = try ActionPlanImporter().read(path: path, displayName: "plan.xml")
        XCTAssertEqual(read.diagnostics, [])
        let plan = try XCTUnwrap(read.plan)
        let scalesPath = try XCTUnwrap(EvaluationScalesReader.bundledPath)
        let scales = try XCTUnwrap(EvaluationScalesReader().read(path: scalesPath, displayName: "scales.xml").scales)
        return EvaluationCalculator(scales: scales).evaluate(plan)
    }
}
