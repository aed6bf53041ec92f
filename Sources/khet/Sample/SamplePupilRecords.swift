import KhetCore

/// The pupil-record file (one row per pupil, DMC-style) of a sample snapshot. Its funded pupils
/// are exactly the snapshot's per-grade counts, so the batch can use either file for that date
/// and compute the same money. On top come a few three-year-olds in อ.1, whom the importer must
/// leave out (domain §2), and poor and boarder flags that match the sample's poor-pupil and
/// boarder lists, so either way of giving them funds the same pupils.
///
/// National IDs are fictional: `1` and `99` (no province has code 99), a running number, and a
/// correct mod-11 check digit, so the importer's checks pass. Nothing else identifies a pupil:
/// no names. Draws come from their own generator, so adding this file changed no other sample file.
struct SamplePupilRecords {
    static let header = ["รหัสโรงเรียน", "เลขประจำตัวประชาชน", "ชั้น", "เพศ", "วันเกิด", "ยากจน", "พักนอน"]
    /// Mixed into the seed so this file's draws are independent of the area's.
    private static let streamSalt: UInt64 = 0x5EC0_4D5F_1A2B_3C4D

    let schools: [School]
    let snapshot: Snapshot
    let needs: SampleNeeds
    let seed: UInt64

    static func fileName(for date: ThaiDate) -> String { "pupils-\(date.isoBE)-records.csv" }

    func csv() -> String {
        var rng = SeededGenerator(seed: seed ^ SamplePupilRecords.streamSalt)
        var text = SamplePupilRecords.header.joined(separator: ",") + "\n"
        text.reserveCapacity(snapshot.totalPupils * 56 + 1024)
        var sequence = 1
        for school in schools.sorted(by: { $0.code < $1.code }) {
            let counts = snapshot.counts(for: school.code)
            let poorCounts = needs.poorPupils[school.code] ?? GradeCounts()
            let boarderCounts = needs.boarders[school.code] ?? GradeCounts()
            // About one school in twenty-five with อ.1 has a child or two who are not 4 yet.
            let tooYoung = counts[.k1] > 0 && rng.chance(perMille: 40) ? rng.int(in: 1...2) : 0
            for grade in Grade.allCases {
                let pupils = counts[grade] + (grade == .k1 ? tooYoung : 0)
                for pupil in 0..<pupils {
                    let age = grade == .k1 && pupil >= counts[grade] ? 3 : 4 + grade.rawValue
                    let poor = pupil < poorCounts[grade]
                    let boarder = pupil < boarderCounts[grade]
                    let fields = [school.code, SamplePupilRecords.nationalID(sequence: sequence), grade.thaiCode,
                                  rng.chance(perMille: 500) ? "ชาย" : "หญิง", birthDate(age: age, using: &rng),
                                  poor ? "1" : "0", boarder ? "1" : "0"]
                    text += fields.joined(separator: ",")
                    text += "\n"
                    sequence += 1
                }
            }
        }
        return text
    }

    /// `1 99 <nine-digit number> <check digit>`.
    static func nationalID(sequence: Int) -> String {
        let number = String(sequence)
        let body = "199" + String(repeating: "0", count: max(0, 9 - number.count)) + number
        let digits = body.unicodeScalars.compactMap { ThaiDigits.value(of: $0) }
        return body + String(NationalID.checkDigit(of: digits))
    }

    /// A birth date (dd/mm/yyyy, BE) that makes the pupil exactly `age` on the snapshot date.
    private func birthDate(age: Int, using rng: inout SeededGenerator) -> String {
        let month = rng.int(in: 1...12)
        let day = rng.int(in: 1...28)
        let afterSnapshotDay = (month, day) > (snapshot.date.month, snapshot.date.day)
        let year = snapshot.date.year - age - (afterSnapshotDay ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(day))/\(two(month))/\(year)"
    }
}
