/// Makes fictional school names that read like those of a Tak border area: a real kind of place
/// (ห้วย stream, ดอย mountain, หนอง pond, แม่ river …) followed by invented syllables, so no name
/// can be mistaken for a real school. Names are unique within one area; checking a `Set` and
/// falling back to a numeric suffix keeps the work linear even for a national-size sample.
struct SchoolNamer {
    private static let placeKinds = ["ห้วย", "ดอย", "หนอง", "แม่", "ป่า", "ทุ่ง", "นา", "ผา",
                                     "ปาง", "วัง", "โป่ง", "สัน", "บ่อ", "เด่น"]
    private static let townKinds = ["เวียง", "เมือง"]
    private static let firstSyllables = ["กะ", "ลอ", "เปอ", "ที", "มู", "โข่", "ปะ", "เล", "จอ", "นุ",
                                         "ซอ", "วะ", "ริ", "ตี", "โพ", "คี", "เก", "หม่อ", "ยอ", "แท"]
    private static let secondSyllables = ["เด", "ลู", "โกร", "แม", "ซู", "นะ", "ปู", "ลี", "หยา", "จึ",
                                          "โต", "เคะ", "ดู", "โย", "ตอ", "พา"]
    private static let thirdSyllables = ["คี", "ลา", "โบ", "ทะ", "มี", "เซ", "กู", "ริ", "ปอ", "แล"]

    private var used: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    init(expectedCount: Int = 0) {
        used.reserveCapacity(max(expectedCount, 0))
    }

    /// `โรงเรียนบ้านห้วยกะเด`: the usual name of a village school.
    mutating func villageSchool(using rng: inout SeededGenerator) -> String {
        unique("โรงเรียนบ้าน", kinds: SchoolNamer.placeKinds, using: &rng)
    }

    /// `โรงเรียนอนุบาลเวียงปะลี`: the style of a large school in the district town.
    mutating func townSchool(using rng: inout SeededGenerator) -> String {
        let prefix = rng.chance(perMille: 500) ? "โรงเรียนอนุบาล" : "โรงเรียนเทศบาล"
        return unique(prefix, kinds: SchoolNamer.townKinds, using: &rng)
    }

    private mutating func unique(_ prefix: String, kinds: [String], using rng: inout SeededGenerator) -> String {
        let stem = prefix + rng.pick(kinds, or: "") + rng.pick(SchoolNamer.firstSyllables, or: "")
            + rng.pick(SchoolNamer.secondSyllables, or: "")
        if used.insert(stem).inserted { return stem }
        // A second, longer try keeps most names free of numbers in a large area.
        let longer = stem + rng.pick(SchoolNamer.thirdSyllables, or: "")
        if used.insert(longer).inserted { return longer }
        // Invented syllables never end in " <digits>", so a suffixed name cannot collide with a
        // stem; the loop only skips suffixes already handed out for this same base.
        var suffix = nextSuffix[longer] ?? 2
        while !used.insert("\(longer) \(suffix)").inserted { suffix += 1 }
        nextSuffix[longer] = suffix + 1
        return "\(longer) \(suffix)"
    }
}
