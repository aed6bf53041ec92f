import KhetCore

/// Makes a national sample: `areaCount` area offices spread over the real provinces (zones
/// numbered 1, 2, … per province, so codes read like 6302), areas of varying size (about 60–250
/// schools when there are ~120 a zone on average), school sizes from `SchoolSizeDistribution`,
/// and the same cohort rules as the single-area sample. A pure function of its parameters.
struct NationalSampleGenerator: Sendable {
    /// Codes read 99 + area code + a four-digit number: ten digits like OBEC codes, unique in
    /// the country, and the leading 99 marks them as made up.
    static let maximumSchoolsPerArea = 9_999
    /// Beyond this a province would need more than 99 zones.
    static let maximumAreas = 1_000
    /// Keeps even the biggest area (about four times the mean) below `maximumSchoolsPerArea`.
    static let maximumSchoolsPerAreaOnAverage = 2_000

    let seed: UInt64
    let areaCount: Int
    let schoolCount: Int
    let fiscalYear: Int

    func generate() -> NationalSample {
        var rng = SeededGenerator(seed: seed ^ 0x4E41_5449_4F4E_414C)
        let areas = makeAreas()
        // Every area gets one school, the rest in proportion to a skewed weight (60–250).
        let weights = areas.map { _ in 60 + rng.below(191) * rng.below(191) / 190 }
        let extra = SampleAreaGenerator.apportion(max(schoolCount - areas.count, 0), weights: weights)
        let single = SampleAreaGenerator(seed: seed, schoolCount: 0, fiscalYear: fiscalYear)

        var schools: [School] = []
        schools.reserveCapacity(schoolCount)
        var areaOfSchool: [String: String] = [:]
        areaOfSchool.reserveCapacity(schoolCount)
        var counts: [[String: GradeCounts]] = Array(repeating: [:], count: 3)
        for index in counts.indices { counts[index].reserveCapacity(schoolCount) }
        for (index, (area, province)) in areas.enumerated() {
            let total = 1 + extra[index]
            let districts = NationalSampleGenerator.districtNames(for: area, province: province, schools: total, using: &rng)
            var namer = SchoolNamer(expectedCount: total)
            for number in 1...total {
                let code = "99" + area.code + NationalSampleGenerator.fourDigits(number)
                let pupils = SchoolSizeDistribution.draw(using: &rng)
                let plan = NationalSampleGenerator.plan(pupils: pupils, remote: province.isRemote, using: &rng)
                let name = plan.size == .large ? namer.townSchool(using: &rng) : namer.villageSchool(using: &rng)
                // Town schools sit in the first district (the province town in zone 1).
                let district = plan.size == .large ? districts[0] : rng.pick(districts, or: districts[0])
                schools.append(School(code: code, name: name, district: district,
                                      isBoarding: plan.isBoarding, isSpecialArea: plan.isSpecialArea))
                areaOfSchool[code] = area.code
                let june = plan.firstCounts(target: pupils, using: &rng)
                let november = SampleCohorts.november(after: june, plan: plan, using: &rng)
                counts[0][code] = june
                counts[1][code] = november
                counts[2][code] = SampleCohorts.nextJune(after: november, plan: plan, using: &rng)
            }
        }
        let snapshots = zip(single.snapshotDates, counts).map { Snapshot(date: $0, counts: $1) }
        return NationalSample(areas: areas.map(\.area), country: SampleArea(schools: schools, snapshots: snapshots),
                              areaOfSchool: areaOfSchool)
    }

    /// `areaCount` zones shared among the provinces by weight (largest remainder), in code order.
    private func makeAreas() -> [(area: Area, province: NationalSampleProvinces.Province)] {
        let provinces = NationalSampleProvinces.all
        let zones = SampleAreaGenerator.apportion(areaCount, weights: provinces.map(\.weight))
        var areas: [(Area, NationalSampleProvinces.Province)] = []
        for (province, zoneCount) in zip(provinces, zones) where zoneCount > 0 {
            for zone in 1...zoneCount {
                let code = String(province.code * 100 + zone)
                areas.append((Area(code: code, name: "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา\(province.name) เขต \(zone)",
                                   shortName: "สพป.\(province.name) เขต \(zone)"), province))
            }
        }
        return areas
    }

    /// The kind of school `pupils` makes: town schools above 600 pupils, lower-secondary grades
    /// (ม.1–ม.3) more often the bigger the school, boarding and special-area schools among the
    /// village schools, more of them in remote provinces.
    private static func plan(pupils: Int, remote: Bool, using rng: inout SeededGenerator) -> SampleSchoolPlan {
        let size: SampleSchoolPlan.Size = pupils > 600 ? .large : pupils >= 120 ? .medium : .small
        let extendedPerMille = pupils < 120 ? 40 : pupils < 300 ? 250 : pupils <= 600 ? 400 : 300
        let isExtended = rng.chance(perMille: extendedPerMille)
        let startsAtK1 = size == .large || rng.chance(perMille: 650)
        let village = size != .large
        let isBoarding = village && rng.chance(perMille: remote ? 90 : 15)
        let isSpecialArea = village && rng.chance(perMille: remote ? 120 : 10)
        return SampleSchoolPlan(size: size, firstGrade: startsAtK1 ? .k1 : .k2, lastGrade: isExtended ? .m3 : .p6,
                                isBoarding: isBoarding, isSpecialArea: isSpecialArea)
    }

    private static let districtStarts = ["บ้าน", "วัง", "นา", "หนอง", "โนน", "ท่า", "บ่อ", "ศรี", "ดอน", "โพธิ์",
                                         "สาม", "ห้วย", "เขา", "คลอง", "ทุ่ง", "ลำ"]
    private static let districtEnds = ["ทอง", "แก้ว", "คำ", "ใหญ่", "หลวง", "งาม", "ชัย", "สวรรค์", "เจริญ",
                                       "สะอาด", "ยาง", "ทราย", "เหนือ", "กลาง", "ไผ่", "บัว"]

    /// Three to twelve districts (อำเภอ) by the area's size, the first of zone 1 the province town.
    private static func districtNames(for area: Area, province: NationalSampleProvinces.Province, schools: Int,
                                      using rng: inout SeededGenerator) -> [String] {
        let count = min(12, 3 + schools / 40)
        var names: [String] = area.code.hasSuffix("01") ? ["เมือง\(province.name)"] : []
        var used = Set(names)
        while names.count < count {
            var name = rng.pick(districtStarts, or: "") + rng.pick(districtEnds, or: "")
            if used.contains(name) { name += " \(names.count + 1)" }
            if used.insert(name).inserted { names.append(name) }
        }
        return names
    }

    static func fourDigits(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
