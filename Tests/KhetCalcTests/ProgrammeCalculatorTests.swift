import KhetCalc
import KhetCore
import KhetImport
import XCTest

/// Hand-worked cases for the programmes beyond free education, and for the envelope.
final class ProgrammeCalculatorTests: XCTestCase {
    private let big = School(code: "1000000001", name: "Big", district: "A", isBoarding: true)
    private let small = School(code: "1000000002", name: "Small", district: "B", isBoarding: false, isSpecialArea: true)

    private func framework() throws -> Framework {
        let path = try XCTUnwrap(FrameworkReader.bundledPath(named: "fy2565"))
        return try XCTUnwrap(FrameworkReader().read(path: path, displayName: "fy2565.xml").framework)
    }

    private func inputs(poor: [String: GradeCounts] = [:], boarders: [String: GradeCounts] = [:]) throws -> AllocationInputs {
        let june = try XCTUnwrap(ThaiDate(year: 2565, month: 6, day: 10))
        let counts = [big.code: GradeCounts([.p1: 100, .p2: 100, .m1: 40]), small.code: GradeCounts([.k3: 10, .p1: 30])]
        return AllocationInputs(fiscalYear: FiscalYear(2565), schools: [big, small],
                                snapshots: [Snapshot(date: june, counts: counts)], poorPupils: poor, boarders: boarders)
    }

    private func only(_ programme: String, in framework: Framework) -> Framework {
        var copy = framework
        copy.programmes = framework.programmes.filter { $0.id == programme }
        return copy
    }

    func testPoorPupilsAreCappedAtTheirShareOfTheLevel() throws {
        let framework = only("poor-basics", in: try framework())
        // 200 primary pupils: cap 40% = 80; 90 poor → 80 funded. 40 lower-secondary: cap 30% = 12; 10 poor → 10.
        let allocation = AreaAllocator(framework: framework).allocate(try inputs(poor: [
            big.code: GradeCounts([.p1: 50, .p2: 40, .m1: 10]),
            small.code: GradeCounts([.k3: 5, .p1: 3]),
        ]))
        let bigLines = allocation.lines.filter { $0.schoolCode == big.code }
        XCTAssertEqual(bigLines.map(\.basis), [
            .capped(eligible: 90, enrolment: 200, capPercent: 40, funded: 80, rate: Money(baht: 1000)),
            .capped(eligible: 10, enrolment: 40, capPercent: 30, funded: 10, rate: Money(baht: 3000)),
        ])
        XCTAssertEqual(bigLines.map(\.level), [.primary, .lowerSecondary])
        XCTAssertEqual(allocation.total { $0.schoolCode == big.code }, Money(baht: 80 * 1000 + 10 * 3000))
        // 3 of 30 primary pupils are poor (cap 12): all funded; the 5 pre-primary poor pupils have no rate.
        XCTAssertEqual(allocation.total { $0.schoolCode == small.code }, Money(baht: 3000))
        XCTAssertEqual(allocation.rounds, [PaymentRound.wholeYear(of: FiscalYear(2565))])
        let notes = allocation.diagnostics.map(\.code)
        XCTAssertTrue(notes.contains("CALC013"), "the 10 capped-away pupils are reported")
        XCTAssertTrue(allocation.diagnostics.contains { $0.code == "CALC013" && $0.message.hasPrefix("10 poor pupils in 1 schools") })
        XCTAssertTrue(notes.contains("CALC014"), "the uncovered pre-primary pupils are reported")
    }

    func testBoardersOnlyInBoardingSchoolsAndUpToTheCap() throws {
        var framework = only("boarders", in: try framework())
        framework.programmes[0].rule = .boarders(capPerSchool: 50)
        let allocation = AreaAllocator(framework: framework).allocate(try inputs(boarders: [
            big.code: GradeCounts([.p1: 30, .p2: 10, .m1: 20]),
            small.code: GradeCounts([.p1: 4]),
        ]))
        // 40 primary then 20 lower-secondary boarders, capped at 50: 40 + 10 funded at 5,000.
        XCTAssertEqual(allocation.lines.map(\.basis), [
            .boarders(counted: 40, cap: 50, funded: 40, rate: Money(baht: 5000)),
            .boarders(counted: 20, cap: 50, funded: 10, rate: Money(baht: 5000)),
        ])
        XCTAssertEqual(allocation.total(), Money(baht: 250_000))
        XCTAssertEqual(allocation.diagnostics.map(\.code), ["CALC011"], "the non-boarding school's boarders are reported")
        XCTAssertTrue(allocation.diagnostics[0].message.contains(small.code))
    }

    func testSmallSchoolTopUpInEachMode() throws {
        let base = try framework()
        var framework = only("small-schools", in: base)
        let perHead = AreaAllocator(framework: framework).allocate(try inputs())
        // Only the 40-pupil school is small (≤ 120): 10 pre + 30 primary at 500.
        XCTAssertEqual(perHead.lines.map(\.schoolCode), [small.code, small.code])
        XCTAssertEqual(perHead.total(), Money(baht: 40 * 500))

        framework.programmes[0].rule = .smallSchools(SmallSchoolRule(maximumPupils: 120, mode: .perSchool))
        XCTAssertEqual(AreaAllocator(framework: framework).allocate(try inputs()).lines.map(\.basis),
                       [.perSchool(amount: Money(baht: 500))])

        framework.programmes[0].rule = .smallSchools(SmallSchoolRule(maximumPupils: 120, requiresSpecialArea: true, mode: .perHead))
        XCTAssertEqual(AreaAllocator(framework: framework).allocate(try inputs()).total(), Money(baht: 20_000))
        var notSpecial = try inputs()
        notSpecial.schools[1].isSpecialArea = false
        XCTAssertEqual(AreaAllocator(framework: framework).allocate(notSpecial).total(), .zero)

        // Floor: free education gives the small school (10 pre + 30 pri, term 1 only on the June count)
        // 10 × (850+200+100+300+215) + 30 × (950+656+195+360+240) = 16,650 + 72,030 = 88,680.
        // A floor of 3,000 per head needs 40 × 3,000 = 120,000: a top-up of 31,320.
        var withFloor = only("free-education", in: base)
        var floorProgramme = framework.programmes[0]
        floorProgramme.rule = .smallSchools(SmallSchoolRule(maximumPupils: 120, mode: .floor))
        floorProgramme.items[0].rates = [Rate(target: .all, amount: Money(baht: 3000), source: "test", confidence: .c)]
        withFloor.programmes.append(floorProgramme)
        let floored = AreaAllocator(framework: withFloor).allocate(try inputs())
        let topUp = try XCTUnwrap(floored.lines.first { $0.programmeID == "small-schools" })
        XCTAssertEqual(topUp.basis, .floorTopUp(pupils: 40, floorPerHead: Money(baht: 3000), before: Money(baht: 88_680)))
        XCTAssertEqual(topUp.amount, Money(baht: 31_320))
        XCTAssertEqual(floored.total { $0.schoolCode == small.code }, Money(baht: 120_000))
    }

    func testEnvelopeScalesByLargestRemainderWithTiesByCode() {
        // 100 + 100 + 100 = 300 entitled; envelope 200: quotas 66.67 each; 66 + 66 + 66 = 198,
        // the two extra baht go to the first two codes.
        let shares = EnvelopeScaler().shares(of: Money(baht: 200), entitlements: [
            "3": Money(baht: 100), "1": Money(baht: 100), "2": Money(baht: 100),
        ])
        XCTAssertEqual(shares, ["1": Money(baht: 67), "2": Money(baht: 67), "3": Money(baht: 66)])
        // An envelope that is not short changes nothing.
        let roomy = EnvelopeScaler().shares(of: Money(baht: 500), entitlements: ["1": Money(baht: 100)])
        XCTAssertEqual(roomy, ["1": Money(baht: 100)])
    }

    func testProgrammeEnvelopeAddsScalingLinesAndReportsTheOutcome() throws {
        var framework = only("poor-basics", in: try framework())
        framework.programmes[0].envelope = Envelope(amount: Money(baht: 55_000), source: "หนังสือจัดสรร")
        let allocation = AreaAllocator(framework: framework).allocate(try inputs(poor: [
            big.code: GradeCounts([.p1: 50]), small.code: GradeCounts([.p1: 10]),
        ]))
        // Entitled 50,000 + 10,000 = 60,000 against 55,000: 45,833.33 and 9,166.67 → 45,833 + 9,167.
        XCTAssertEqual(allocation.total { $0.schoolCode == big.code }, Money(baht: 45_833))
        XCTAssertEqual(allocation.total { $0.schoolCode == small.code }, Money(baht: 9_167))
        XCTAssertEqual(allocation.total(), Money(baht: 55_000))
        let scaling = allocation.lines.filter { $0.itemID == AreaAllocator.envelopeItemID }
        XCTAssertEqual(scaling.first?.basis, .envelopeScaling(entitlement: Money(baht: 50_000), allocated: Money(baht: 45_833),
                                                             envelope: Money(baht: 55_000), totalEntitlement: Money(baht: 60_000)))
        XCTAssertEqual(allocation.envelopes, [EnvelopeOutcome(programmeID: "poor-basics", itemID: nil, entitlement: Money(baht: 60_000),
                                                              envelope: Money(baht: 55_000), allocated: Money(baht: 55_000))])
        XCTAssertEqual(allocation.envelopes.first?.scalePerMillion, 916_666)

        framework.programmes[0].envelope = Envelope(amount: Money(baht: 70_000), source: "หนังสือจัดสรร")
        let short = AreaAllocator(framework: framework).allocate(try inputs(poor: [big.code: GradeCounts([.p1: 50])]))
        XCTAssertEqual(short.envelopes.first?.unallocated, Money(baht: 20_000), "money left over is reported")
        XCTAssertFalse(short.envelopes.first?.isScaled ?? true)
    }
}
