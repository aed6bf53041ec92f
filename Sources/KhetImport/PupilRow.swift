import KhetCore

/// One row of a pupil-record file, checked cell by cell. Every message names the cell and never
/// its content when the content is personal (the ID is shown masked, the birth date not at all).
struct PupilRow {
    /// Where each column is, looked up once per file instead of by name in every row.
    struct Columns {
        let code, id, grade, sex, birthDate, poor, boarder: Int?

        init(_ header: CSVHeader) {
            code = header.index(of: "code")
            id = header.index(of: "id")
            grade = header.index(of: "grade")
            sex = header.index(of: "sex")
            birthDate = header.index(of: "birthDate")
            poor = header.index(of: "poor")
            boarder = header.index(of: "boarder")
        }
    }

    let row: CSVRecord
    let header: CSVHeader
    let columns: Columns
    let file: String
    let date: ThaiDate
    let schools: [String: School]?

    /// The trimmed text of the column at `index`, or nil when the file has no such column.
    private func value(_ index: Int?) -> String? {
        guard let index else { return nil }
        return (row[index] ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// Checks the row and, when it names a fundable pupil, counts it in `tally`.
    func record(into tally: inout PupilTally, diagnostics: inout DiagnosticLimiter) {
        tally.statistics.rows += 1
        // A row of the wrong width has its values in the wrong columns: none of them is read.
        if let problem = header.widthProblem(of: row, file: file) {
            diagnostics.add(problem)
            tally.statistics.rejected += 1
            return
        }
        var ok = true
        func problem(_ severity: Diagnostic.Severity, _ code: String, _ key: String, _ message: String,
                     thai: String, hint: String? = nil) {
            let position = row.position(of: header.index(of: key) ?? 0)
            diagnostics.add(Diagnostic(severity, code: code, file: file, line: position.line, column: position.column,
                                       message: message, thaiMessage: thai, hint: hint))
            if severity == .error { ok = false }
        }

        let code = value(columns.code) ?? ""
        if code.isEmpty {
            problem(.error, "REC001", "code", "school code is blank", thai: "รหัสโรงเรียนว่าง")
        } else if let schools, !tally.isKnownSchool(code, in: schools) {
            // Only a code that is a code is quoted: anything else here may be a shifted name.
            let isCode = code.utf8.count <= SchoolsImporter.longestCode && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            problem(.error, "REC002", "code", isCode ? "school \(code) is not in the schools file" : "the value is not a school code",
                    thai: isCode ? "ไม่มีโรงเรียน \(code) ในไฟล์รายชื่อโรงเรียน" : "ค่าในช่องนี้ไม่ใช่รหัสโรงเรียน",
                    hint: "add it to the schools file or correct the code")
        }

        var pupil: NationalID?
        switch NationalID.parse(value(columns.id) ?? "") {
        case .success(let id):
            pupil = id
        case .failure(.shape(let digits)):
            problem(.error, "REC003", "id",
                    digits == 0 ? "national ID is blank or not a number" : "national ID has \(digits) digits, not 13",
                    thai: digits == 0 ? "เลขประจำตัวประชาชนว่างหรือไม่ใช่ตัวเลข" : "เลขประจำตัวประชาชนมี \(digits) หลัก ไม่ใช่ 13 หลัก",
                    hint: "13 digits, dashes allowed; pupils without one have a DMC G code")
        case .failure(.checkDigit):
            problem(.error, "REC004", "id", "national ID \(NationalID.maskedDigits(value(columns.id) ?? "")) fails its check digit",
                    thai: "เลขประจำตัวประชาชน \(NationalID.maskedDigits(value(columns.id) ?? "")) หลักตรวจสอบไม่ถูกต้อง",
                    hint: "a digit was mistyped; copy the number from the pupil's record again")
        }

        let gradeText = value(columns.grade) ?? ""
        let grade = GradeName.grade(gradeText)
        if grade == nil {
            let guess = GradeName.suggestion(for: gradeText)
            problem(.error, "REC007", "grade",
                    gradeText.isEmpty ? "grade is blank" : "the value is not a grade",
                    thai: gradeText.isEmpty ? "ชั้นเรียนว่าง" : "ค่าในช่องนี้ไม่ใช่ชั้นเรียน",
                    hint: guess.map { "did you mean \($0)?" } ?? "use อ.1–อ.3, ป.1–ป.6, ม.1–ม.6 or K1–M6")
        }

        let sexText = value(columns.sex) ?? ""
        if PupilRow.sex(sexText) == nil {
            // A record's fields are personal data: the message names the column, never the value.
            // A value that is there but not a sex is in the wrong column (a name, a shifted row): an error.
            problem(sexText.isEmpty ? .warning : .error, "REC008", "sex",
                    sexText.isEmpty ? "sex is blank" : "the value is not a sex",
                    thai: sexText.isEmpty ? "เพศว่าง" : "ค่าในช่องนี้ไม่ใช่เพศ",
                    hint: "use ชาย / หญิง, ช / ญ, M / F or 1 / 2")
        }

        var birth: ThaiDate?
        let birthText = value(columns.birthDate) ?? ""
        if let parsed = ThaiDate(parsing: PupilRow.arabicDigits(birthText)) {
            if parsed > date {
                problem(.error, "REC010", "birthDate", "the birth date is after the snapshot date \(date.isoBE)",
                        thai: "วันเกิดอยู่หลังวันนับข้อมูล \(date.thaiLong)",
                        hint: "check the year: Buddhist-era years are 543 more than Christian-era ones")
            } else {
                birth = parsed
            }
        } else {
            problem(.error, "REC009", "birthDate",
                    birthText.isEmpty ? "the birth date is blank" : "the birth date is not a date",
                    thai: birthText.isEmpty ? "วันเกิดว่าง" : "วันเกิดไม่ใช่วันที่",
                    hint: "write it as dd/mm/yyyy or yyyy-mm-dd, Buddhist or Christian era")
        }

        var isPoor = false, isBoarder = false
        for key in ["poor", "boarder"] {
            let text = value(key == "poor" ? columns.poor : columns.boarder) ?? ""
            // The column's definition: a blank flag (or no column) means no.
            if let value = FieldParsing.flag(text) {
                if key == "poor" { isPoor = value } else { isBoarder = value }
            } else {
                problem(.error, "REC012", key, "the value is not a yes/no value",
                        thai: "ค่าในช่องนี้ไม่ใช่ค่า ใช่/ไม่ใช่", hint: "use 1 or 0 (ใช่ / ไม่ใช่ are accepted too)")
            }
        }

        guard ok, let pupil, let grade, let birth else {
            tally.statistics.rejected += 1
            return
        }
        let outcome = tally.add(pupil, school: code, line: row.line, grade: grade,
                                age: date.age(bornOn: birth),
                                isPoor: isPoor, isBoarder: isBoarder)
        let position = row.position(of: header.index(of: "id") ?? 0)
        if let warning = PupilRow.duplicateWarning(outcome, masked: pupil.masked, school: code, file: file,
                                                   line: position.line, column: position.column) {
            diagnostics.add(warning)
        }
    }

    /// REC005 or REC006 for a pupil already seen, at the ID cell; nil for a pupil counted or too young.
    static func duplicateWarning(_ outcome: PupilTally.Outcome, masked: String, school code: String,
                                 file: String, line: Int, column: Int) -> Diagnostic? {
        switch outcome {
        case .counted, .underFour:
            return nil
        case .duplicateInSchool(let firstLine):
            return Diagnostic(.warning, code: "REC005", file: file, line: line, column: column,
                              message: "pupil \(masked) is listed twice in school \(code) (first on line \(firstLine)); the second row is not counted",
                              thaiMessage: "นักเรียน \(masked) ซ้ำในโรงเรียน \(code) (ครั้งแรกบรรทัด \(firstLine)) ไม่นับแถวที่สอง")
        case .duplicateElsewhere(let otherSchool, let firstLine):
            return Diagnostic(.warning, code: "REC006", file: file, line: line, column: column,
                              message: "pupil \(masked) is also in school \(otherSchool) (line \(firstLine)); counted there only",
                              thaiMessage: "นักเรียน \(masked) มีชื่ออยู่ในโรงเรียน \(otherSchool) ด้วย (บรรทัด \(firstLine)) นับที่นั่นเท่านั้น",
                              hint: "a pupil who moved should be on the new school's list only")
        }
    }

    /// ชาย/หญิง as DMC, schools and English forms write them; nil for anything else.
    static func sex(_ text: String) -> Bool? {
        switch text {
        case "ชาย": return true
        case "หญิง": return false
        default: break
        }
        switch text.lowercased().filter({ $0 != " " }) {
        case "ชาย", "ช", "ช.", "ด.ช.", "ดช", "เด็กชาย", "นาย", "m", "male", "1", "๑": return true
        case "หญิง", "ญ", "ญ.", "ด.ญ.", "ดญ", "เด็กหญิง", "นางสาว", "f", "female", "2", "๒": return false
        default: return nil
        }
    }

    /// Thai digits to Arabic ones, for dates written `๑๐/๐๖/๒๕๖๑`.
    static func arabicDigits(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            ThaiDigits.value(of: scalar).flatMap { Unicode.Scalar(UInt32(0x30 + $0)) } ?? scalar
        }))
    }
}
