import KhetCore

/// The running counts of a pupil-record file: per school and grade, funded, poor and boarding
/// pupils; who was seen where, for duplicates. The duplicate check keeps 8 bytes a pupil
/// (see `PupilSightings`) and nothing that identifies anyone.
struct PupilTally {
    enum Outcome: Equatable {
        case counted
        case underFour
        case duplicateInSchool(firstLine: Int)
        case duplicateElsewhere(school: String, firstLine: Int)
    }

    let date: ThaiDate
    var statistics = PupilRecordsImporter.Statistics()
    /// Per school (by index) and grade, flat: `school * gradeCount + grade`. A national file has
    /// six million rows over thirty thousand schools; array slots beat String-keyed dictionaries.
    private var funded: [Int] = []
    private var poor: [Int] = []
    private var boarders: [Int] = []
    private var underFour: [Int] = []
    private var schoolCodes: [String] = []
    private var schoolIndex: [String: UInt32] = [:]
    /// Rows come grouped by school: the last school's index saves a hash per row.
    private var lastSchool: (code: String, index: UInt32)?
    private var lastKnownSchool: String?
    /// First sighting of each pupil: school index and line.
    private var seen = PupilSightings()
    private static let gradeCount = Grade.allCases.count

    init(date: ThaiDate) { self.date = date }

    /// Prepares the duplicate check for about `pupils` rows.
    mutating func expect(pupils: Int) { seen.reserve(pupils: pupils) }

    mutating func add(_ pupil: NationalID, school: String, line: Int, grade: Grade, age: Int,
                      isPoor: Bool, isBoarder: Bool) -> Outcome {
        add(key: pupil.key, school: index(of: school), line: line, grade: grade, age: age,
            isPoor: isPoor, isBoarder: isBoarder)
    }

    /// `add` for a reader that keeps the school's index itself (from `index(of:)`) and the ID
    /// as its `NationalID.key`.
    mutating func add(key: UInt64, school index: UInt32, line: Int, grade: Grade, age: Int,
                      isPoor: Bool, isBoarder: Bool) -> Outcome {
        if let first = seen.firstSighting(of: key, school: index, line: UInt32(clamping: line)) {
            statistics.duplicates += 1
            if first.school == index { return .duplicateInSchool(firstLine: Int(first.line)) }
            return .duplicateElsewhere(school: schoolCodes[Int(first.school)], firstLine: Int(first.line))
        }
        if age < PupilRecordsImporter.minimumFundedAge {
            statistics.underFour += 1
            underFour[Int(index)] += 1
            return .underFour
        }
        statistics.funded += 1
        let slot = Int(index) * PupilTally.gradeCount + grade.rawValue
        funded[slot] += 1
        if isPoor { poor[slot] += 1 }
        if isBoarder { boarders[slot] += 1 }
        return .counted
    }

    /// Whether `schools` has `code`; rows come grouped by school, so the last answer is kept.
    mutating func isKnownSchool(_ code: String, in schools: [String: School]) -> Bool {
        if code == lastKnownSchool { return true }
        guard schools[code] != nil else { return false }
        lastKnownSchool = code
        return true
    }

    /// The school's slot in the counts, made on first sight.
    mutating func index(of school: String) -> UInt32 {
        if let last = lastSchool, last.code == school { return last.index }
        let index: UInt32
        if let known = schoolIndex[school] {
            index = known
        } else {
            index = UInt32(schoolCodes.count)
            schoolCodes.append(school)
            schoolIndex[school] = index
            funded += repeatElement(0, count: PupilTally.gradeCount)
            poor += repeatElement(0, count: PupilTally.gradeCount)
            boarders += repeatElement(0, count: PupilTally.gradeCount)
            underFour.append(0)
        }
        lastSchool = (school, index)
        return index
    }

    /// The schools with at least one pupil in `flat`, with their counts per grade.
    private func bySchool(_ flat: [Int]) -> [String: GradeCounts] {
        var result: [String: GradeCounts] = [:]
        for (index, code) in schoolCodes.enumerated() {
            let base = index * PupilTally.gradeCount
            var counts = GradeCounts()
            var any = false
            for grade in Grade.allCases where flat[base + grade.rawValue] > 0 {
                counts[grade] = flat[base + grade.rawValue]
                any = true
            }
            if any { result[code] = counts }
        }
        return result
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
            let schoolsAffected = underFour.filter { $0 > 0 }.count
            diagnostics.append(Diagnostic(
                .note, code: "REC011", file: file,
                message: "\(statistics.underFour) pupil(s) in \(schoolsAffected) school(s) are under \(PupilRecordsImporter.minimumFundedAge) years old on \(date.englishLong) and are not funded",
                thaiMessage: "นักเรียน \(statistics.underFour) คนใน \(schoolsAffected) โรงเรียนอายุไม่ถึง \(PupilRecordsImporter.minimumFundedAge) ปี ณ วันที่ \(date.thaiLong) จึงไม่ได้รับเงินอุดหนุน"))
        }
        if let schools {
            let boarders = bySchool(self.boarders)
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
        PupilRecordsImporter.Result(snapshot: Snapshot(date: date, counts: bySchool(funded)),
                                    poorPupils: bySchool(poor), boarders: bySchool(boarders), statistics: statistics, diagnostics: diagnostics)
    }
}
