import KhetCore

/// Reads a pupils-per-grade snapshot: one row per school, one column per grade (headers such as
/// `ป.1`, `P1`, `p.1`), and optionally a total column that is checked against the grades.
/// A blank grade cell means the school has no pupils in that grade.
public struct SnapshotImporter {
    public static let columns = [
        CSVColumn("code", aliases: ["รหัสโรงเรียน", "รหัส", "school_code", "code", "school code", "smis"]),
        CSVColumn("name", aliases: ["ชื่อโรงเรียน", "โรงเรียน", "school_name", "name", "school"], required: false),
        CSVColumn("total", aliases: ["รวม", "รวมทั้งสิ้น", "total", "นักเรียนรวม"], required: false),
    ]

    public struct Result {
        public var snapshot: Snapshot
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    /// `knownSchools`, when given, are the schools of the batch: a row for any other school is an error.
    public func read(path: String, displayName: String, date: ThaiDate, knownSchools: Set<String>? = nil) throws -> Result {
        try read(from: CSVReader(path: path, displayName: displayName), date: date, knownSchools: knownSchools)
    }

    public func read(from reader: CSVReader, date: ThaiDate, knownSchools: Set<String>? = nil) throws -> Result {
        let displayName = reader.displayName
        var diagnostics: [Diagnostic] = []
        var snapshot = Snapshot(date: date)
        let finder = CSVHeaderFinder(columns: Self.columns, acceptsOther: { Grade(code: $0) != nil },
                                     isComplete: { !$0.otherColumns.isEmpty })
        guard let header = try finder.find(in: reader, file: displayName, diagnostics: &diagnostics) else {
            return Result(snapshot: snapshot, diagnostics: diagnostics)
        }
        let headerRecord = header.record
        // A column named almost like a grade (ป.7, P 1, ม1.) is a grade mistyped: its pupils
        // would get nothing, so it is an error, not an ignored column.
        for (index, rawName) in headerRecord.fields.enumerated() {
            let name = rawName.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, Grade(code: name) == nil, header.indexByKey.values.contains(index) == false,
                  let guess = GradeName.suggestion(for: name) else { continue }
            let position = headerRecord.position(of: index)
            diagnostics.removeAll { $0.code == "CSV011" && $0.line == position.line && $0.column == position.column }
            diagnostics.append(Diagnostic(.error, code: "PUP011", file: displayName, line: position.line, column: position.column,
                                          message: "column '\(Diagnostic.quoted(name))' is not a grade, so its pupils would get nothing",
                                          thaiMessage: "คอลัมน์ '\(Diagnostic.quoted(name))' ไม่ใช่ชั้นเรียน นักเรียนในคอลัมน์นี้จะไม่ได้รับเงิน",
                                          hint: "did you mean \(guess)?"))
        }
        var gradeColumns: [(index: Int, grade: Grade)] = []
        for (index, name) in header.otherColumns {
            guard let grade = Grade(code: name) else { continue }
            if gradeColumns.contains(where: { $0.grade == grade }) {
                let position = headerRecord.position(of: index)
                diagnostics.append(Diagnostic(.error, code: "PUP001", file: displayName, line: position.line,
                                              column: position.column,
                                              message: "grade \(grade.thaiCode) has two columns ('\(Diagnostic.quoted(name))')",
                                              thaiMessage: "ชั้น \(grade.thaiCode) มีสองคอลัมน์ ('\(Diagnostic.quoted(name))')"))
            }
            gradeColumns.append((index, grade))
        }
        if gradeColumns.isEmpty {
            diagnostics.append(Diagnostic(.error, code: "PUP002", file: displayName, line: headerRecord.line, column: 1,
                                          message: "no grade columns found in the header",
                                          thaiMessage: "ไม่พบคอลัมน์ชั้นเรียนในแถวหัวตาราง",
                                          hint: "name them like อ.1 … ป.6, ม.1 … ม.6 or K1 … P6, M1 … M6"))
        }
        guard !diagnostics.hasErrors else { return Result(snapshot: snapshot, diagnostics: diagnostics) }

        var firstLineOfCode: [String: Int] = [:]
        let codeIndex = header.index(of: "code")
        let totalIndex = header.index(of: "total")
        while let row = try reader.next() {
            if row.isBlank { continue }
            if let problem = header.widthProblem(of: row, file: displayName) {
                diagnostics.append(problem)
                continue
            }
            let codePosition = row.position(of: codeIndex ?? 0)
            let code = header.value(at: codeIndex, in: row) ?? ""
            guard !code.isEmpty else {
                diagnostics.append(Diagnostic(.error, code: "PUP003", file: displayName, line: codePosition.line,
                                              column: codePosition.column, message: "school code is blank",
                                              thaiMessage: "รหัสโรงเรียนว่าง"))
                continue
            }
            if let first = firstLineOfCode[code] {
                diagnostics.append(Diagnostic(.error, code: "PUP004", file: displayName, line: codePosition.line,
                                              column: codePosition.column,
                                              message: "school \(code) has a second row (first on line \(first))",
                                              thaiMessage: "โรงเรียน \(code) มีสองแถว (แถวแรกที่บรรทัด \(first))"))
                continue
            }
            firstLineOfCode[code] = row.line
            if let knownSchools, !knownSchools.contains(code) {
                diagnostics.append(Diagnostic(.error, code: "PUP008", file: displayName, line: codePosition.line,
                                              column: codePosition.column,
                                              message: "school \(code) is not in the schools file",
                                              thaiMessage: "ไม่มีโรงเรียน \(code) ในไฟล์รายชื่อโรงเรียน",
                                              hint: "add it to the schools file or correct the code"))
                continue
            }
            var counts = GradeCounts()
            for (index, grade) in gradeColumns {
                let text = (row[index] ?? "").trimmingCharacters(in: .whitespaces)
                // The column's definition: a blank grade cell means no pupils in that grade.
                if text.isEmpty { continue }
                guard let count = FieldParsing.count(text) else {
                    let position = row.position(of: index)
                    diagnostics.append(Diagnostic(.error, code: "PUP005", file: displayName, line: position.line,
                                                  column: position.column,
                                                  message: "'\(Diagnostic.quoted(text))' is not a pupil count for \(grade.thaiCode)",
                                                  thaiMessage: "'\(Diagnostic.quoted(text))' ไม่ใช่จำนวนนักเรียนชั้น \(grade.thaiCode)",
                                                  hint: "write a whole number such as 25 or 1,234, or leave it blank for none"))
                    continue
                }
                guard count <= InputLimits.pupilsPerGrade else {
                    let position = row.position(of: index)
                    diagnostics.append(Diagnostic(.error, code: "PUP010", file: displayName, line: position.line,
                                                  column: position.column,
                                                  message: "\(count) pupils in \(grade.thaiCode) is more than a school can have (at most \(InputLimits.pupilsPerGrade) a grade)",
                                                  thaiMessage: "นักเรียนชั้น \(grade.thaiCode) \(count) คน เกินกว่าที่โรงเรียนหนึ่งจะมีได้ (ไม่เกิน \(InputLimits.pupilsPerGrade) คนต่อชั้น)",
                                                  hint: "check the cell: a total or a pasted-together number?"))
                    continue
                }
                counts[grade] = count
            }
            if let totalIndex, let text = row[totalIndex],
               !text.trimmingCharacters(in: .whitespaces).isEmpty {
                let position = row.position(of: totalIndex)
                if let total = FieldParsing.count(text.trimmingCharacters(in: .whitespaces)) {
                    if total != counts.total {
                        diagnostics.append(Diagnostic(.warning, code: "PUP006", file: displayName, line: position.line,
                                                      column: position.column,
                                                      message: "total \(total) differs from the sum of the grades, \(counts.total); the grades are used",
                                                      thaiMessage: "ยอดรวม \(total) ไม่เท่ากับผลรวมรายชั้น \(counts.total) จึงใช้ตัวเลขรายชั้น"))
                    }
                } else {
                    diagnostics.append(Diagnostic(.warning, code: "PUP007", file: displayName, line: position.line,
                                                  column: position.column, message: "total '\(Diagnostic.quoted(text))' is not a number",
                                                  thaiMessage: "ยอดรวม '\(Diagnostic.quoted(text))' ไม่ใช่ตัวเลข"))
                }
            }
            snapshot.counts[code] = counts
        }
        if let note = reader.formatNote() { diagnostics.append(note) }
        return Result(snapshot: snapshot, diagnostics: diagnostics)
    }
}
