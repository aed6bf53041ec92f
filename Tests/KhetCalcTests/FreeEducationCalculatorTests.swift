import KhetCalc
import KhetCore
import KhetImport
import XCTest

final class FreeEducationCalculatorTests: XCTestCase {
    private let school = School(code: "1063000001", name: "Test", district: "แม่สอด")

    private func framework(_ name: String = "fy2565", recovery: Bool = false) throws -> Framework {
        let path = try XCTUnwrap(FrameworkReader.bundledPath(named: name))
        var framework = try XCTUnwrap(FrameworkReader().read(path: path, displayName: name).framework)
        framework.advance.allowsRecovery = recovery
        return framework
    }

    private func date(_ year: Int, _ month: Int, _ day: Int) throws -> ThaiDate {
        try XCTUnwrap(ThaiDate(year: year, month: month, day: day))
    }

    private func calculator(_ framework: Framework) throws -> FreeEducationCalculator {
        try XCTUnwrap(FreeEducationCalculator(framework: framework))
    }

    /// Domain §4.1: one school, 50 pre-primary and 616 primary pupils, got in term 1 exactly
    /// tuition 627,700, uniforms 236,760, supplies 125,120 and activities 158,590 baht.
    func testReproducesThePublishedTermOneRow() throws {
        let counts = GradeCounts([.k2: 25, .k3: 25, .p1: 100, .p2: 102, .p3: 103, .p4: 104, .p5: 103, .p6: 104])
        XCTAssertEqual(counts.total(of: .preprimary), 50)
        XCTAssertEqual(counts.total(of: .primary), 616)
        // Only the 10 June count of 2565: term 1 is paid in full on it.
        let snapshot = Snapshot(date: try date(2565, 6, 10), counts: [school.code: counts])
        let allocation = try calculator(try framework()).allocate(schools: [school], snapshots: [snapshot],
                                                                  fiscalYear: FiscalYear(2565))
        let term1 = PaymentRound(term: Term(academicYear: 2565, number: 1), kind: .fullTerm)
        XCTAssertEqual(allocation.rounds, [term1])
        func item(_ id: String) -> Money { allocation.total { $0.itemID == id && $0.round == term1 } }
        XCTAssertEqual(item("tuition"), Money(baht: 627_700))
        XCTAssertEqual(item("uniforms"), Money(baht: 236_760))
        XCTAssertEqual(item("supplies"), Money(baht: 125_120))
        XCTAssertEqual(item("activities"), Money(baht: 158_590))
        XCTAssertEqual(item("textbooks"), Money(baht: 50 * 200 + 100 * 656 + 102 * 650 + 103 * 653 + 104 * 707 + 103 * 846 + 104 * 859))
        let p1Tuition = try XCTUnwrap(allocation.lines.first { $0.itemID == "tuition" && $0.grade == .p1 })
        XCTAssertEqual(p1Tuition.basis, .perPupil(pupils: 100, rate: Money(baht: 950)))
        XCTAssertTrue(allocation.diagnostics.contains { $0.code == "CALC001" }, "the missing advance and term 2 are reported")
    }

    func testAdvanceFundsEachGradeOnTheGradeBelowAtSeventyPercent() throws {
        let november = GradeCounts([.k1: 10, .k2: 12, .k3: 14, .p1: 20, .p2: 37, .p6: 15])
        let snapshot = Snapshot(date: try date(2567, 11, 10), counts: [school.code: november])
        let allocation = try calculator(try framework()).allocate(schools: [school], snapshots: [snapshot],
                                                                  fiscalYear: FiscalYear(2568))
        let advance = PaymentRound(term: Term(academicYear: 2568, number: 1), kind: .advance)
        XCTAssertEqual(allocation.rounds, [advance])
        let tuition = allocation.lines.filter { $0.itemID == "tuition" }
        var funded: [Grade: Int] = [:]
        for line in tuition { funded[line.grade ?? .k1] = line.basis.pupils }
        XCTAssertEqual(funded, [.k1: 7, .k2: 7, .k3: 8, .p1: 14, .p2: 14, .p3: 26])
        let p3 = try XCTUnwrap(tuition.first { $0.grade == .p3 })
        XCTAssertEqual(p3.basis, .advance(counted: 37, countedGrade: .p2, percent: 70, rounding: .halfUp,
                                          funded: 26, rate: Money(baht: 950)))
        XCTAssertEqual(p3.amount, Money(baht: 24_700))
        XCTAssertNil(tuition.first { $0.grade == .m1 }, "ป.6 moves on to ม.1, an entry grade counted on its own")
        let textbooks = try XCTUnwrap(allocation.lines.first { $0.itemID == "textbooks" && $0.grade == .p3 })
        XCTAssertEqual(textbooks.amount, Money(baht: 26 * 653), "textbooks are funded at the advanced grade's rate")
    }

    func testBalanceIsTheEntitlementLessTheAdvanceAndNeverNegative() throws {
        let november = Snapshot(date: try date(2567, 11, 10), counts: [school.code: GradeCounts([.p1: 100])])
        let june = Snapshot(date: try date(2568, 6, 10), counts: [school.code: GradeCounts([.p1: 40, .p2: 50])])
        let allocation = try calculator(try framework()).allocate(schools: [school], snapshots: [november, june],
                                                                  fiscalYear: FiscalYear(2568))
        let term = Term(academicYear: 2568, number: 1)
        let balance = PaymentRound(term: term, kind: .balance)
        let tuitionBalance = allocation.lines.filter { $0.itemID == "tuition" && $0.round == balance }
        // Advance: ป.1 70 (own count) and ป.2 70 (ป.1 of November) at 950 = 133,000.
        // Entitlement: (40 + 50) × 950 = 85,500; balance would be −47,500: lifted to zero.
        XCTAssertEqual(tuitionBalance.map(\.basis), [
            .perPupil(pupils: 40, rate: Money(baht: 950)),
            .perPupil(pupils: 50, rate: Money(baht: 950)),
            .lessAdvance(paid: Money(baht: 133_000), recomputed: nil),
            .noRecovery(shortfall: Money(baht: 47_500)),
        ])
        XCTAssertEqual(allocation.total { $0.itemID == "tuition" && $0.round == balance }, .zero)

        let recovering = try calculator(try framework(recovery: true)).allocate(
            schools: [school], snapshots: [november, june], fiscalYear: FiscalYear(2568))
        XCTAssertEqual(recovering.total { $0.itemID == "tuition" && $0.round == balance }, Money(baht: -47_500))
    }

    func testFiscalYearIsTermTwoOfLastYearPlusTermOne() throws {
        let june2567 = GradeCounts([.k3: 10, .p4: 20])
        let november = GradeCounts([.k3: 10, .p4: 19])
        let june2568 = GradeCounts([.p1: 11, .p5: 19])
        let snapshots = [
            Snapshot(date: try date(2567, 6, 10), counts: [school.code: june2567]),
            Snapshot(date: try date(2567, 11, 10), counts: [school.code: november]),
            Snapshot(date: try date(2568, 6, 10), counts: [school.code: june2568]),
        ]
        let allocation = try calculator(try framework()).allocate(schools: [school], snapshots: snapshots,
                                                                  fiscalYear: FiscalYear(2568))
        XCTAssertEqual(allocation.rounds.map(\.kind), [.fullTerm, .advance, .balance])
        XCTAssertEqual(allocation.diagnostics, [])
        // Term 2/2567 on June 2567: tuition half-year, supplies and activities one term; no textbooks or uniforms.
        let term2 = Money(baht: 10 * (850 + 100 + 215) + 20 * (950 + 195 + 240))
        XCTAssertEqual(allocation.total { $0.round.term.number == 2 }, term2)
        // Advance + balance add up to the full term-1 entitlement on June 2568 when nothing is clamped.
        let term1 = Money(baht: 11 * (950 + 656 + 195 + 360 + 240) + 19 * (950 + 846 + 195 + 360 + 240))
        XCTAssertEqual(allocation.total { $0.round.term.number == 1 }, term1)
        XCTAssertEqual(allocation.total(), term2 + term1)
    }

    func testPupilsInAGradeWithoutARateAreAnError() throws {
        var framework = try framework()
        framework.programmes[0].items[0].rates.removeAll { $0.target == .level(.lowerSecondary) }
        let snapshot = Snapshot(date: try date(2568, 6, 10), counts: [school.code: GradeCounts([.m1: 3])])
        let allocation = try calculator(framework).allocate(schools: [school], snapshots: [snapshot],
                                                            fiscalYear: FiscalYear(2568))
        XCTAssertEqual(allocation.diagnostics.errors.map(\.code), ["CALC002"])
    }
}
