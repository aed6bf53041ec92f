import KhetCore

/// The running counts of a pupil-record file: per school and grade, funded, poor and boarding
/// pupils; who was seen where, for duplicates. The duplicate check keeps 16 bytes a pupil
/// (the ID as a number and where it was first seen) and nothing that identifies anyone.
struct PupilTally {
    enum Outcome: Equatable {
        case counted
        case underFour
        case duplicateInSchool(firstLine: Int)
        case duplicateElsewhere(school: String, firstLine: Int)
    }

    let date: ThaiDate
    var statistics = PupilRecordsImporter.Statistics()
    private var funded: [String: GradeCounts] = [:]
    private var poor: [String: GradeCounts] = [:]
    private var boarders: [String: GradeCounts] = [:]
    private var underFourBySchool: [String: Int] = [:]
    private var schoolCodes: [String] = []
    private var schoolIndex: [String: UInt32] = [:]
    /// First sighting of each pupil: school index and line.
    private var seen: [UInt64: (school: UInt32, line: UInt32)] = [:]

    init(date: ThaiDate) { self.date = date }

    mutating func add(_ pupil: NationalID, school: String, line: Int, grade: Grade, age: Int,
                      isPoor: Bool, isBoarder: Bool) -> Outcome {
        let index = indexOf(school)
        if let first = seen[pupil.key] {
            statistics.duplicates += 1
            if first.school == index { return .duplicateInSchool(firstLine: Int(first.line)) }
            return .duplicateElsewhere(school: schoolCodes[Int(first.school)], firstLine: Int(first.line))
        }
        seen[pupil.key] = (index, UInt32(clamping: line))
        if age < PupilRecordsImporter.minimumFundedAge {
            statistics.underFour += 1
            underFourBySchool[school, default: 0] += 1
            return .underFour
        }
        statistics.funded += 1
        funded[school, default: GradeCounts()][grade] += 1
        if isPoor { poor[school, default: GradeCounts()][grade] += 1 }
        if isBoarder { boarders[school, default: GradeCounts()][grade] += 1 }
        return .counted
    }

    private mutating func indexOf(_ school: String) -> UInt32 {
        if let index = schoolIndex[school] { return index }
        let index = UInt32(schoolCodes.count)
        schoolCodes.append(school)
        schoolIndex[school] = index
        return index
    }

    /// File-level findings: pupils left out for age, boarders where the schools file knows no
    /// boarding, a file with no pupils at all.
    func summary(file: String, headerLine: Int, schools: [String: School]?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if statistics.rows == 0 {
            diagnostics.append(Diagnostic(.error, code: "REC013", file: file, line: headerLine,
                                          message: "the file has a header but no pupils",
                                          thaiMessage: "ไฟล์มีแต่หัวตาราง ไม่มีรายชื่อนักเรียน"))
        }
        if statistics.underFour > 0 {
            let schoolsAffected = underFourBySchool.count
            diagnostics.append(Diagnostic(
                .note, code: "REC011", file: file,
                message: "\(statistics.underFour) pupil(s) in \(schoolsAffected) school(s) are under \(PupilRecordsImporter.minimumFundedAge) years old on \(date.englishLong) and are not funded",
                thaiMessage: "นักเรียน \(statistics.underFour) คนใน \(schoolsAffected) โรงเรียนอายุไม่ถึง \(PupilRecordsImporter.minimumFundedAge) ปี ณ วันที่ \(date.thaiLong) จึงไม่ได้รับเงินอุดหนุน"))
        }
        if let schools {
            for code in boarders.keys.sorted() where schools[code]?.isBoarding == false {
                let count = boarders[code]?.total ?? 0
                diagnostics.append(Diagnostic(
                    .warning, code: "REC016", file: file,
                    message: "school \(code) has \(count) boarder(s) but is not a boarding school in the schools file",
                    thaiMessage: "โรงเรียน \(code) มีนักเรียนพักนอน \(count) คน แต่ไฟล์รายชื่อโรงเรียนไม่ได้ระบุว่าเป็นโรงเรียนพักนอน",
                    hint: "mark the school as boarding (พักนอน = 1) or correct the pupils' flags"))
            }
        }
        return diagnostics
    }

    func result(diagnostics: [Diagnostic]) -> PupilRecordsImporter.Result {
        PupilRecordsImporter.Result(snapshot: Snapshot(date: date, counts: funded), poorPupils: poor,
                                    boarders: boarders, statistics: statistics, diagnostics: diagnostics)
    }
}
