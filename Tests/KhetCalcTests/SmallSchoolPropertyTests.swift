import KhetCalc
import KhetCore
import KhetImport
import PropertyBased
import Testing

/// The small-school rule on random areas (three schools, the same counts on every snapshot of
/// FY2565, poor pupils funded for the whole year): per-term rates are paid every term, a floor
/// lifts exactly to itself and never pays a school already at it, and envelopes scale the result.
@Suite struct SmallSchoolPropertyTests {
    static let terms = FiscalYear(2565).terms

    static func framework(_ mode: SmallSchoolRule.Mode, unit: FundingItem.Unit, baht: Int, envelope: Int? = nil) throws -> Framework {
        var framework = try AllocationPropertyTests.framework()
        guard var small = framework.programmes.first(where: { $0.id == "small-schools" }) else {
            throw AllocationPropertyTests.FrameworkMissing()
        }
        small.rule = .smallSchools(SmallSchoolRule(maximumPupils: 40, mode: mode))
        small.items = [FundingItem(id: "top-up", thaiName: "เงินเพิ่ม", englishName: "Top-up", unit: unit, paidIn: .eachTerm,
                                   rates: [Rate(target: .all, amount: Money(baht: Int64(baht)), source: "test", confidence: .c)])]
        small.envelope = envelope.map { Envelope(amount: Money(baht: Int64($0)), source: "test") }
        framework.programmes = framework.programmes.filter { $0.id == "free-education" || $0.id == "poor-basics" } + [small]
        return framework
    }

    static func pupils(_ inputs: AllocationInputs, _ code: String) -> Int { inputs.enrolment(of: code).total }

    @Test func aPerTermRatePaidEachTermIsTwiceTheRateAYear() async throws {
        let perSchool = try Self.framework(.perSchool, unit: .perTerm, baht: 7_000)
        let perHead = try Self.framework(.perHead, unit: .perTerm, baht: 350)
        await propertyCheck(count: 120, input: Gen.int(in: 0...6).array(of: 36), Gen.int(in: 0...3).array(of: 36)) { enrolled, poor in
            let inputs = AllocationPropertyTests.area(enrolled: enrolled, poor: poor)
            let flat = AreaAllocator(framework: perSchool).allocate(inputs)
            let heads = AreaAllocator(framework: perHead).allocate(inputs)
            for code in AllocationPropertyTests.codes {
                let count = Self.pupils(inputs, code)
                let small = (1...40).contains(count)
                let flatYear = flat.total { $0.schoolCode == code && $0.programmeID == "small-schools" }
                let headYear = heads.total { $0.schoolCode == code && $0.programmeID == "small-schools" }
                #expect(flatYear == (small ? Money(baht: 14_000) : .zero), "school \(code), \(count) pupils")
                #expect(headYear == (small ? Money(baht: 700) * count : .zero), "school \(code), \(count) pupils")
            }
        }
    }

    @Test func aFloorLiftsExactlyToItselfAndNeverPaysASchoolAlreadyThere() async throws {
        let frameworks = [try Self.framework(.floor, unit: .perTerm, baht: 2_000), try Self.framework(.floor, unit: .perYear, baht: 4_000)]
        await propertyCheck(count: 120, input: Gen.int(in: 0...6).array(of: 36), Gen.int(in: 0...3).array(of: 36)) { enrolled, poor in
            let inputs = AllocationPropertyTests.area(enrolled: enrolled, poor: poor)
            for framework in frameworks {
                let allocation = AreaAllocator(framework: framework).allocate(inputs)
                let isPerTerm = framework.programmes.last?.items.first?.unit == .perTerm
                for code in AllocationPropertyTests.codes {
                    let count = Self.pupils(inputs, code)
                    let others = allocation.lines.filter { $0.schoolCode == code && $0.programmeID != "small-schools" }
                    let lifts = allocation.lines.filter { $0.schoolCode == code && $0.programmeID == "small-schools" }
                    // Each payment of the floor: the whole year, or each term with its own money.
                    let periods: [(before: Money, lift: Money, floor: Money)]
                    if isPerTerm {
                        periods = Self.terms.enumerated().map { index, term in
                            let before = others.reduce(Money.zero) { sum, line in
                                guard line.round.kind == .wholeYear else { return sum + (line.round.term == term ? line.amount : .zero) }
                                let halves = line.amount.splitOverTwoTerms
                                return sum + (index == 0 ? halves.first : halves.second)
                            }
                            let lift = lifts.filter { $0.round.term == term }.reduce(Money.zero) { $0 + $1.amount }
                            return (before, lift, Money(baht: 2_000) * count)
                        }
                    } else {
                        periods = [(others.reduce(Money.zero) { $0 + $1.amount }, lifts.reduce(Money.zero) { $0 + $1.amount },
                                    Money(baht: 4_000) * count)]
                    }
                    for period in periods {
                        if !(1...40).contains(count) || period.before >= period.floor {
                            #expect(period.lift == .zero, "school \(code): \(period)")
                        } else {
                            #expect(period.before + period.lift == period.floor, "school \(code): \(period)")
                        }
                    }
                }
            }
        }
    }

    @Test func anEnvelopeScalesTheTopUpsToTheBaht() async throws {
        await propertyCheck(count: 80, input: Gen.int(in: 0...6).array(of: 36), Gen.int(in: 1...999)) { enrolled, perMille in
            let inputs = AllocationPropertyTests.area(enrolled: enrolled, poor: Array(repeating: 0, count: 36))
            guard let plain = try? Self.framework(.perSchool, unit: .perTerm, baht: 7_000) else { return }
            let entitled = AreaAllocator(framework: plain).allocate(inputs).total { $0.programmeID == "small-schools" }
            let envelope = Int(entitled.wholeBaht) * perMille / 1000
            guard let scaled = try? Self.framework(.perSchool, unit: .perTerm, baht: 7_000, envelope: envelope) else { return }
            let allocation = AreaAllocator(framework: scaled).allocate(inputs)
            let paid = allocation.total { $0.programmeID == "small-schools" }
            #expect(paid == (entitled > Money(baht: Int64(envelope)) ? Money(baht: Int64(envelope)) : entitled))
            for code in AllocationPropertyTests.codes {
                let school = allocation.total { $0.schoolCode == code && $0.programmeID == "small-schools" }
                let own = AreaAllocator(framework: plain).allocate(inputs).total { $0.schoolCode == code && $0.programmeID == "small-schools" }
                #expect(school <= own && school >= .zero)
            }
        }
    }
}
