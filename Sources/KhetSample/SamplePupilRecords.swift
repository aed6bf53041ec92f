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

    /// The whole file as text; `write(_:)` streams it instead.
    func csv() -> String {
        var bytes: [UInt8] = []
        write { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands the file to `emit` in pieces of about a megabyte, so a national file (six million
    /// rows) is written with flat memory. Rows are built from bytes: at that size, a String per
    /// field costs more than everything else.
    func write(_ emit: ([UInt8]) throws -> Void) rethrows {
        var rng = SeededGenerator(seed: seed ^ SamplePupilRecords.streamSalt)
        let flushAt = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(flushAt + 256)
        buffer += Array((SamplePupilRecords.header.joined(separator: ",") + "\n").utf8)
        let gradeCodes = Grade.allCases.map { Array($0.thaiCode.utf8) }
        let male = Array("ชาย".utf8), female = Array("หญิง".utf8)
        var sequence = 1
        for school in schools.sorted(by: { $0.code < $1.code }) {
            let code = Array(school.code.utf8)
            let counts = snapshot.counts(for: school.code)
            let poorCounts = needs.poorPupils[school.code] ?? GradeCounts()
            let boarderCounts = needs.boarders[school.code] ?? GradeCounts()
            // About one school in twenty-five with อ.1 has a child or two who are not 4 yet.
            let tooYoung = counts[.k1] > 0 && rng.chance(perMille: 40) ? rng.int(in: 1...2) : 0
            for (gradeIndex, grade) in Grade.allCases.enumerated() {
                let pupils = counts[grade] + (grade == .k1 ? tooYoung : 0)
                for pupil in 0..<pupils {
                    let age = grade == .k1 && pupil >= counts[grade] ? 3 : 4 + grade.rawValue
                    buffer += code
                    buffer.append(0x2C)
                    SamplePupilRecords.appendNationalID(sequence: sequence, to: &buffer)
                    buffer.append(0x2C)
                    buffer += gradeCodes[gradeIndex]
                    buffer.append(0x2C)
                    buffer += rng.chance(perMille: 500) ? male : female
                    buffer.append(0x2C)
                    appendBirthDate(age: age, using: &rng, to: &buffer)
                    buffer.append(0x2C)
                    buffer.append(pupil < poorCounts[grade] ? 0x31 : 0x30)
                    buffer.append(0x2C)
                    buffer.append(pupil < boarderCounts[grade] ? 0x31 : 0x30)
                    buffer.append(0x0A)
                    sequence += 1
                    if buffer.count >= flushAt {
                        try emit(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        if !buffer.isEmpty { try emit(buffer) }
    }

    /// `nationalID(sequence:)` as bytes, without the Strings or any allocation: six million
    /// rows make a heap array per row cost more than the rest of the row.
    private static func appendNationalID(sequence: Int, to buffer: inout [UInt8]) {
        guard sequence < 1_000_000_000 else {
            // Past nine digits the String form is longer; keep its exact bytes.
            buffer += Array(nationalID(sequence: sequence).utf8)
            return
        }
        // The check digit weighs digit i (of 12) by 13 − i: 1, 9, 9 weigh 13, 12, 11.
        var sum = 1 * 13 + 9 * 12 + 9 * 11
        var divisor = 100_000_000
        var weight = 10
        buffer.append(0x31); buffer.append(0x39); buffer.append(0x39)
        while divisor > 0 {
            let digit = sequence / divisor % 10
            sum += digit * weight
            buffer.append(UInt8(0x30 + digit))
            divisor /= 10
            weight -= 1
        }
        buffer.append(UInt8(0x30 + (11 - sum % 11) % 10))
    }

    /// `1 99 <nine-digit number> <check digit>`.
    static func nationalID(sequence: Int) -> String {
        let number = String(sequence)
        let body = "199" + String(repeating: "0", count: max(0, 9 - number.count)) + number
        let digits = body.unicodeScalars.compactMap { ThaiDigits.value(of: $0) }
        return body + String(NationalID.checkDigit(of: digits))
    }

    /// A birth date (dd/mm/yyyy, BE) that makes the pupil exactly `age` on the snapshot date.
    private func appendBirthDate(age: Int, using rng: inout SeededGenerator, to buffer: inout [UInt8]) {
        let month = rng.int(in: 1...12)
        let day = rng.int(in: 1...28)
        let afterSnapshotDay = (month, day) > (snapshot.date.month, snapshot.date.day)
        let year = snapshot.date.year - age - (afterSnapshotDay ? 1 : 0)
        func two(_ value: Int) { buffer.append(UInt8(0x30 + value / 10)); buffer.append(UInt8(0x30 + value % 10)) }
        two(day)
        buffer.append(0x2F)
        two(month)
        buffer.append(0x2F)
        if (1000...9999).contains(year) {
            two(year / 100)
            two(year % 100)
        } else {
            buffer += Array(String(year).utf8)
        }
    }
}
