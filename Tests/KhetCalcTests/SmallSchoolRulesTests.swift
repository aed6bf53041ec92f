import KhetCalc
import KhetCore
import KhetImport
import XCTest

/// The small-school rule for every mode × unit × paid-in (README, "Small-school top-ups"),
/// worked out by hand on one school of 5 pupils: 5 in ป.5 on 10 June and 10 November 2564, then
/// 2 in อ.1 and 3 in ป.6 on 10 June 2565. With fy2565's free-education rates it gets 6,925 in
/// term 2/2564 and 10,416 + 1,185 = 11,601 in term 1/2565 (see the explain end-to-end test).
final class SmallSchoolRulesTests: XCTestCase {
    private let school = School(code: "1111111111", name: "Small", district: "A", isBoarding: false)
    private let large = School(code: "3333333333", name: "Large", district: "A", isBoarding: false)

    private func date(_ year: Int, _ month: Int) throws -> ThaiDate { try XCTUnwrap(ThaiDate(year: year, month: month, day: 10)) }

    private func inputs(june2565: GradeCounts = GradeCounts([.k1: 2, .p6: 3]), withJune2565: Bool = true) throws -> AllocationInputs {
        let before = [school.code: GradeCounts([.p5: 5]), large.code: GradeCounts([.p1: 50])]
        var snapshots = [Snapshot(date: try date(2564, 6), counts: before), Snapshot(date: try date(2564, 11), counts: before)]
        if withJune2565 {
            snapshots.append(Snapshot(date: try date(2565, 6), counts: [school.code: june2565, large.code: GradeCounts([.p1: 50])]))
        }
        return AllocationInputs(fiscalYear: FiscalYear(2565), schools: [school, large], snapshots: snapshots)
    }

    /// fy2565's free education and a small-school programme for schools of up to 40 pupils.
    private func framework(_ mode: SmallSchoolRule.Mode, unit: FundingItem.Unit, paidIn: FundingItem.PaidIn,
                           baht: Int64, envelope: Int64? = nil) throws -> Framework {
        let path = try XCTUnwrap(FrameworkReader.bundledPath(named: "fy2565"))
        var framework = try XCTUnwrap(FrameworkReader().read(path: path, displayName: "fy2565.xml").framework)
        var small = try XCTUnwrap(framework.programmes.first { $0.id == "small-schools" })
        small.rule = .smallSchools(SmallSchoolRule(maximumPupils: 40, mode: mode))
        small.items = [FundingItem(id: "top-up", thaiName: "เงินเพิ่ม", englishName: "Top-up", unit: unit, paidIn: paidIn,
                                   rates: [Rate(target: .all, amount: Money(baht: baht), source: "test", confidence: .c)])]
        small.envelope = envelope.map { Envelope(amount: Money(baht: $0), source: "test") }
        framework.programmes = framework.programmes.filter { $0.id == "free-education" } + [small]
        return framework
    }

    private func smallSchoolLines(_ framework: Framework, _ inputs: AllocationInputs) -> [AllocationLine] {
        AreaAllocator(framework: framework).allocate(inputs).lines.filter { $0.programmeID == "small-schools" }
    }

    private var term2: PaymentRound { PaymentRound(term: Term(academicYear: 2564, number: 2), kind: .fullTerm) }
    private var term1: PaymentRound { PaymentRound(term: Term(academicYear: 2565, number: 1), kind: .fullTerm) }
    private var wholeYear: PaymentRound { .wholeYear(of: FiscalYear(2565)) }

    func testAPerTermFloorIsComparedWithEachTermsMoneyPerHead() throws {
        // Term 2: 5 × 2,814 − 6,925 = 7,145. Term 1: 5 × 2,814 − 11,601 = 2,469. The year: 9,614,
        // so free education and the top-up make 28,140 = 2 terms × 5 pupils × 2,814.
        let lines = smallSchoolLines(try framework(.floor, unit: .perTerm, paidIn: .eachTerm, baht: 2814), try inputs())
        XCTAssertEqual(lines.map(\.round), [term2, term1])
        XCTAssertEqual(lines.map(\.basis), [
            .floorTopUp(pupils: 5, floorPerHead: Money(baht: 2814), before: Money(baht: 6925)),
            .floorTopUp(pupils: 5, floorPerHead: Money(baht: 2814), before: Money(baht: 11_601)),
        ])
        XCTAssertEqual(lines.map(\.amount), [Money(baht: 7145), Money(baht: 2469)])
        // Paid in term 1 only: the term-1 lift alone.
        let term1Only = smallSchoolLines(try framework(.floor, unit: .perTerm, paidIn: .term1, baht: 2814), try inputs())
        XCTAssertEqual(term1Only.map(\.amount), [Money(baht: 2469)])
        XCTAssertEqual(term1Only.map(\.round), [term1])
    }

    func testAYearlyFloorIsComparedWithTheYearsMoneyPerHead() throws {
        // 5 × 5,628 − 18,526 = 9,614, once for the fiscal year, whatever `paid-in` says.
        for paidIn in [FundingItem.PaidIn.eachTerm, .term1] {
            let lines = smallSchoolLines(try framework(.floor, unit: .perYear, paidIn: paidIn, baht: 5628), try inputs())
            XCTAssertEqual(lines.map(\.round), [wholeYear])
            XCTAssertEqual(lines.map(\.basis), [.floorTopUp(pupils: 5, floorPerHead: Money(baht: 5628), before: Money(baht: 18_526))])
        }
        // Already at the floor: nothing.
        XCTAssertEqual(smallSchoolLines(try framework(.floor, unit: .perYear, paidIn: .eachTerm, baht: 3705), try inputs()), [])
    }

    func testAPerTermRatePaidEachTermIsTwiceTheRateAYear() throws {
        let perSchool = smallSchoolLines(try framework(.perSchool, unit: .perTerm, paidIn: .eachTerm, baht: 10_000), try inputs())
        XCTAssertEqual(perSchool.map(\.round), [term2, term1])
        XCTAssertEqual(perSchool.map(\.amount), [Money(baht: 10_000), Money(baht: 10_000)])
        let perSchoolTerm1 = smallSchoolLines(try framework(.perSchool, unit: .perTerm, paidIn: .term1, baht: 10_000), try inputs())
        XCTAssertEqual(perSchoolTerm1.map(\.amount), [Money(baht: 10_000)])
        let yearly = smallSchoolLines(try framework(.perSchool, unit: .perYear, paidIn: .eachTerm, baht: 10_000), try inputs())
        XCTAssertEqual(yearly.map(\.round), [wholeYear])
        XCTAssertEqual(yearly.map(\.amount), [Money(baht: 10_000)])

        // Per head, each term on its own June count: 5 primary pupils in term 2, then 2 pre-primary and 3 primary.
        let perHead = smallSchoolLines(try framework(.perHead, unit: .perTerm, paidIn: .eachTerm, baht: 300), try inputs())
        XCTAssertEqual(perHead.map(\.round), [term2, term1, term1])
        XCTAssertEqual(perHead.map(\.basis), [.perPupil(pupils: 5, rate: Money(baht: 300)),
                                              .perPupil(pupils: 2, rate: Money(baht: 300)),
                                              .perPupil(pupils: 3, rate: Money(baht: 300))])
        XCTAssertEqual(perHead.map(\.level), [.primary, .preprimary, .primary])
        let perHeadYearly = smallSchoolLines(try framework(.perHead, unit: .perYear, paidIn: .term1, baht: 300), try inputs())
        XCTAssertEqual(perHeadYearly.reduce(Money.zero) { $0 + $1.amount }, Money(baht: 1500))
    }

    func testEachTermIsSmallOnItsOwnSnapshot() throws {
        // 45 pupils on 10 June 2565: small in term 2 (5 pupils) but not in term 1.
        let grown = try inputs(june2565: GradeCounts([.p1: 20, .p6: 25]))
        let lines = smallSchoolLines(try framework(.perSchool, unit: .perTerm, paidIn: .eachTerm, baht: 10_000), grown)
        XCTAssertEqual(lines.map(\.round), [term2])
        // A yearly rate looks at the latest snapshot only.
        XCTAssertEqual(smallSchoolLines(try framework(.perSchool, unit: .perYear, paidIn: .eachTerm, baht: 10_000), grown), [])
        // The large school is never paid.
        XCTAssertFalse(lines.contains { $0.schoolCode == large.code })
    }

    func testATermWithoutItsSnapshotIsNotPaidAndSaysSo() throws {
        let april = try inputs(withJune2565: false)
        let allocation = AreaAllocator(framework: try framework(.perSchool, unit: .perTerm, paidIn: .eachTerm, baht: 10_000))
            .allocate(april)
        let lines = allocation.lines.filter { $0.programmeID == "small-schools" }
        XCTAssertEqual(lines.map(\.round), [term2])
        let warning = try XCTUnwrap(allocation.diagnostics.first { $0.code == "CALC015" })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.contains("1/2565") && warning.message.contains("10 June 2565"), warning.message)
    }

    func testAnEnvelopeScalesPerTermLinesToTheBaht() throws {
        // Two terms × 10,000 = 20,000 of entitlement; an envelope of 15,000 takes 5,000 off.
        let lines = smallSchoolLines(try framework(.perSchool, unit: .perTerm, paidIn: .eachTerm, baht: 10_000, envelope: 15_000),
                                     try inputs())
        XCTAssertEqual(lines.reduce(Money.zero) { $0 + $1.amount }, Money(baht: 15_000))
        XCTAssertEqual(lines.last?.basis, .envelopeScaling(entitlement: Money(baht: 20_000), allocated: Money(baht: 15_000),
                                                          envelope: Money(baht: 15_000), totalEntitlement: Money(baht: 20_000)))
    }
}
