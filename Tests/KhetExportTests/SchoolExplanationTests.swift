import KhetCalc
import KhetCore
import KhetExport
import XCTest

/// The explanation of lines that the free-education calculator does not make yet (caps, boarders,
/// per-school amounts, floors, envelope scaling), so every basis is shown before a calculator
/// makes it.
final class SchoolExplanationTests: XCTestCase {
    private let school = School(code: "1063000001", name: "โรงเรียนบ้านทดสอบ", district: "อุ้มผาง", isBoarding: true)

    private func programme(_ id: String, _ thai: String, _ english: String, items: [(String, String, String)]) -> Programme {
        Programme(id: id, thaiName: thai, englishName: english, items: items.map {
            FundingItem(id: $0.0, thaiName: $0.1, englishName: $0.2, unit: .perYear, paidIn: .term1, rates: [])
        })
    }

    private func report(_ language: Language) throws -> AreaAllocationReport {
        let year = FiscalYear(2568)
        let framework = Framework(
            fiscalYear: year, status: .official, title: "กรอบทดสอบ", source: "ทดสอบ", advance: AdvanceRule(),
            programmes: [
                programme("poor-pupils", "ปัจจัยพื้นฐานนักเรียนยากจน", "Basic needs for poor pupils",
                          items: [("basics", "ค่าปัจจัยพื้นฐาน", "Basic needs")]),
                programme("boarders", "นักเรียนพักนอน", "Boarding pupils", items: [("food", "ค่าอาหาร", "Food")]),
                programme("small-schools", "โรงเรียนขนาดเล็ก", "Small schools",
                          items: [("flat", "เงินรายโรงเรียน", "Per school"), ("floor", "เงินเพิ่มรายหัว", "Per-head floor")]),
            ])
        let round = PaymentRound.wholeYear(of: year)
        func line(_ programme: String, _ item: String, _ grade: Grade?, _ basis: LineBasis) -> AllocationLine {
            AllocationLine(schoolCode: school.code, programmeID: programme, itemID: item, round: round, grade: grade, basis: basis)
        }
        let lines = [
            line("poor-pupils", "basics", .p1, .capped(eligible: 45, enrolment: 100, capPercent: 40, funded: 40, rate: Money(baht: 1000))),
            line("poor-pupils", "basics", .m1, .capped(eligible: 5, enrolment: 20, capPercent: 30, funded: 5, rate: Money(baht: 3000))),
            line("poor-pupils", "basics", nil, .envelopeScaling(entitlement: Money(baht: 55000), allocated: Money(baht: 41250),
                                                               envelope: Money(baht: 3_000_000), totalEntitlement: Money(baht: 4_000_000))),
            line("boarders", "food", nil, .boarders(counted: 60, cap: 50, funded: 50, rate: Money(baht: 1200))),
            line("small-schools", "flat", nil, .perSchool(amount: Money(baht: 10000))),
            line("small-schools", "floor", nil, .floorTopUp(pupils: 40, floorPerHead: Money(baht: 1500), before: Money(baht: 50000))),
        ]
        return AreaAllocationReport(
            area: Area(code: "6302", name: "สพป.ทดสอบ", shortName: "สพป.ทดสอบ"), fiscalYear: year, framework: framework,
            schools: [school], snapshots: [], allocation: Allocation(lines: lines, rounds: [round], diagnostics: []),
            diagnostics: [], batchDate: try XCTUnwrap(ThaiDate(year: 2568, month: 7, day: 15)), language: language)
    }

    func testEveryBasisIsShownWithItsArithmeticAndWords() throws {
        let lines = SchoolExplanation(report: try report(.thai), school: school).lines()
        // 40 × 1,000 + 5 × 3,000 − 13,750 = 41,250; 50 × 1,200 = 60,000; 10,000 + (40 × 1,500 − 50,000) = 20,000.
        XCTAssertEqual(lines, [
            "โรงเรียน    1063000001 โรงเรียนบ้านทดสอบ",
            "อำเภอ       อุ้มผาง",
            "นักเรียน     0 คน",
            "ปีงบประมาณ  2568",
            "กรอบอัตรา   กรอบทดสอบ",
            "",
            "ปัจจัยพื้นฐานนักเรียนยากจน",
            "  ทั้งปีงบประมาณ 2568",
            "    ค่าปัจจัยพื้นฐาน",
            "      ป.1   40 × 1,000.00       =  40,000.00",
            "            นักเรียนยากจน 45 คน เกินเพดานร้อยละ 40 ของนักเรียน 100 คน (40 คน) จัดสรร 40 คน",
            "      ม.1    5 × 3,000.00       =  15,000.00",
            "            นักเรียนยากจน 5 คน ไม่เกินเพดานร้อยละ 30 (6 คน)",
            "      ปรับตามกรอบวงเงิน 3,000,000.00 จากสิทธิรวม 4,000,000.00: 55,000.00 → 41,250.00",
            "                                  -13,750.00",
            "    รวมค่าปัจจัยพื้นฐาน                 41,250.00",
            "รวมทั้งโครงการ                       41,250.00",
            "",
            "นักเรียนพักนอน",
            "  ทั้งปีงบประมาณ 2568",
            "    ค่าอาหาร",
            "      50 × 1,200.00             =  60,000.00",
            "      นักเรียนพักนอน 60 คน เกินเพดาน 50 คนต่อโรงเรียน",
            "    รวมค่าอาหาร                     60,000.00",
            "รวมทั้งโครงการ                       60,000.00",
            "",
            "โรงเรียนขนาดเล็ก",
            "  ทั้งปีงบประมาณ 2568",
            "    เงินรายโรงเรียน",
            "      อัตราต่อโรงเรียน                10,000.00",
            "    รวมเงินรายโรงเรียน               10,000.00",
            "    เงินเพิ่มรายหัว",
            "      40 × 1,500.00 − 50,000.00 =  10,000.00",
            "      เงินจากโครงการอื่น 50,000.00 บาท (1,250.00 บาทต่อคน), ยกระดับให้ได้ไม่ต่ำกว่า 1,500.00 บาทต่อคน",
            "    รวมเงินเพิ่มรายหัว                 10,000.00",
            "รวมทั้งโครงการ                       20,000.00",
            "",
            "รวมทั้งปีงบประมาณ 2568               121,250.00",
            "(หนึ่งแสนสองหมื่นหนึ่งพันสองร้อยห้าสิบบาทถ้วน)",
        ])
    }

    func testEnglishWordsAndLatinGrades() throws {
        let text = SchoolExplanation(report: try report(.english), school: school).lines().joined(separator: "\n")
        for words in ["      P1   40 × 1,000.00 ", "      M1    5 × 3,000.00 ",
                      "45 poor pupils exceed the cap of 40% of 100 pupils (40); 40 funded",
                      "5 poor pupils, within the 30% cap (6)",
                      "scaled to the envelope 3,000,000.00 of entitlements 4,000,000.00: 55,000.00 → 41,250.00",
                      "60 boarders, capped at 50 per school", "flat amount per school", "50,000.00 from the other programmes (1,250.00 per head), lifted to at least 1,500.00 per head",
                      "Basic needs total", "Programme total", "Fiscal year 2568 total"] {
            XCTAssertTrue(text.contains(words), "missing '\(words)' in\n\(text)")
        }
        XCTAssertFalse(text.contains("บาทถ้วน"))
    }

    func testFloorAlreadyReachedIsWordsOnly() {
        let describer = LineDescription(language: .english, snapshotDate: nil)
        let above = describer.explanation(for: .floorTopUp(pupils: 10, floorPerHead: Money(baht: 100), before: Money(baht: 5000)))
        XCTAssertNil(above.factors, "10 × 100 − 5,000 is not the amount (0): no arithmetic that does not add up")
        XCTAssertEqual(above.words, "5,000.00 from the other programmes (500.00 per head), lifted to at least 100.00 per head: 10 × 100.00 − 5,000.00")
        let boarders = describer.explanation(for: .boarders(counted: 12, cap: 50, funded: 12, rate: Money(baht: 10)))
        XCTAssertNil(boarders.words, "no cap applied, nothing to add to 12 × 10.00")
    }
}
