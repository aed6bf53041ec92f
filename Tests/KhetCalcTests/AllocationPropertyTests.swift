import KhetCalc
import KhetCore
import KhetImport
import PropertyBased
import Testing

/// Properties that must hold over any area, checked on random ones (domain §5–§8).
@Suite struct AllocationPropertyTests {
    /// Scaled shares add up to the envelope to the baht, and nobody gets more than entitled or
    /// less than nothing.
    @Test func scaledSharesAddUpToTheEnvelope() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...5_000_000).array(of: 1...40), Gen.int(in: 1...999)) { baht, perMille in
            var entitlements: [String: Money] = [:]
            for (index, value) in baht.enumerated() { entitlements[String(format: "%04d", index)] = Money(baht: Int64(value)) }
            let total = entitlements.values.reduce(Money.zero, +)
            let envelope = Money(baht: total.wholeBaht * Int64(perMille) / 1000)
            let shares = EnvelopeScaler().shares(of: envelope, entitlements: entitlements)
            if total > envelope {
                #expect(shares.values.reduce(Money.zero, +) == envelope)
            } else {
                #expect(shares == entitlements)
            }
            for (code, share) in shares {
                #expect(share <= entitlements[code] ?? .zero)
                #expect(share >= .zero)
                #expect(share.satangPart == 0 || share == entitlements[code])
            }
        }
    }

    /// Poor-pupil caps always hold: funded ≤ eligible and funded ≤ cap × enrolment.
    @Test func poorPupilCapsHold() async throws {
        let framework = try AllocationPropertyTests.framework()
        await propertyCheck(count: 200, input: Gen.int(in: 0...90).array(of: 36), Gen.int(in: 0...90).array(of: 36)) { enrolled, poor in
            let inputs = AllocationPropertyTests.area(enrolled: enrolled, poor: poor)
            let allocation = AreaAllocator(framework: framework).allocate(inputs)
            for line in allocation.lines {
                guard case let .capped(eligible, enrolment, capPercent, funded, _) = line.basis else { continue }
                #expect(funded <= eligible)
                #expect(funded * 100 <= enrolment * capPercent)
                #expect(funded >= 0)
            }
        }
    }

    /// One more pupil (or poor pupil) never means less money for that school, with or without
    /// an envelope that scales the programmes down.
    @Test func morePupilsNeverMeansLessMoney() async throws {
        let plain = try AllocationPropertyTests.framework()
        var enveloped = plain
        for index in enveloped.programmes.indices {
            enveloped.programmes[index].envelope = Envelope(amount: Money(baht: 150_000), source: "test")
        }
        await propertyCheck(count: 150, input: Gen.int(in: 0...60).array(of: 36), Gen.int(in: 0...60).array(of: 36),
                            Gen.int(in: 0...35), Gen.bool) { enrolled, poor, position, poorer in
            let before = AllocationPropertyTests.area(enrolled: enrolled, poor: poor)
            var moreEnrolled = enrolled
            var morePoor = poor
            if poorer { morePoor[position] += 1; moreEnrolled[position] += 1 } else { moreEnrolled[position] += 1 }
            let after = AllocationPropertyTests.area(enrolled: moreEnrolled, poor: morePoor)
            let school = AllocationPropertyTests.codes[position / 12]
            for framework in [plain, enveloped] {
                let allocator = AreaAllocator(framework: framework)
                let was = allocator.allocate(before).total { $0.schoolCode == school }
                let now = allocator.allocate(after).total { $0.schoolCode == school }
                #expect(now >= was, "school \(school): \(was) → \(now)")
            }
        }
    }

    static let codes = ["1000000001", "1000000002", "1000000003"]

    static func framework() throws -> Framework {
        guard let path = FrameworkReader.bundledPath(named: "fy2565"),
              let framework = try FrameworkReader().read(path: path, displayName: "fy2565.xml").framework else {
            throw FrameworkMissing()
        }
        return framework
    }

    struct FrameworkMissing: Error {}

    /// Three schools; twelve grades (อ.1–ม.3) each; the same counts on every snapshot of FY2565.
    static func area(enrolled: [Int], poor: [Int]) -> AllocationInputs {
        var counts: [String: GradeCounts] = [:]
        var poorCounts: [String: GradeCounts] = [:]
        for (schoolIndex, code) in codes.enumerated() {
            var grades = GradeCounts()
            var poorGrades = GradeCounts()
            for (gradeIndex, grade) in Grade.allCases.prefix(12).enumerated() {
                let index = schoolIndex * 12 + gradeIndex
                grades[grade] = enrolled[index]
                poorGrades[grade] = min(poor[index], enrolled[index])
            }
            counts[code] = grades
            poorCounts[code] = poorGrades
        }
        let schools = codes.map { School(code: $0, name: "School \($0)", district: "D", isBoarding: true) }
        let dates = [(2564, 6), (2564, 11), (2565, 6)].compactMap { ThaiDate(year: $0.0, month: $0.1, day: 10) }
        return AllocationInputs(fiscalYear: FiscalYear(2565), schools: schools,
                                snapshots: dates.map { Snapshot(date: $0, counts: counts) },
                                poorPupils: poorCounts, boarders: poorCounts)
    }
}
