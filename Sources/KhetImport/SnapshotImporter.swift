import KhetCore

/// Reads a pupils-per-grade snapshot: one row per school, one column per grade (headers such as
/// `ป.1`, `P1`, `p.1`, `ประถมศึกษาปีที่ 1`), and optionally a total column that is checked against
/// the grades. A blank grade cell means the school has no pupils in that grade.
///
/// DMC's reports split each grade by sex (ชาย / หญิง / รวม), in one header row (`ป.1 ชาย`) or
/// two (the grade over its three columns, merged or repeated, the labels in the row below): see
/// `GradeColumnPlan` for which column is read. Title rows above the header are skipped, and so
/// are totals rows (`รวม`, `รวมอำเภอ…`); the last one is checked against the schools.
public struct SnapshotImporter {
    public static let columns = [
        CSVColumn("code", aliases: ["รหัสโรงเรียน", "รหัส", "school_code", "code", "school code", "smis"]),
        CSVColumn("name", aliases: ["ชื่อโรงเรียน", "โรงเรียน", "school_name", "name", "school"], required: false),
        CSVColumn("total", aliases: totalAliases, required: false),
        // Columns DMC reports carry beside the counts; known so they give no warning.
        CSVColumn.ignored("row", aliases: ["ที่", "ลำดับ", "ลำดับที่", "no"]),
        CSVColumn.ignored("district", aliases: ["อำเภอ", "district", "amphoe"]),
    ]

    static let totalAliases = ["รวม", "รวมทั้งสิ้น", "total", "นักเรียนรวม", "รวมทั้งหมด"]
    private static let totalColumn = CSVColumn("total", aliases: totalAliases)

    static func isTotalName(_ name: String) -> Bool { totalColumn.matches(name) }

    /// A header name the importer reads beyond the fixed columns: a grade, maybe split by sex,
    /// or a part of the total.
    static func isCountColumn(_ name: String) -> Bool {
        let split = SplitColumnName(name)
        return GradeName.grade(split.base) != nil || (split.part != .unlabeled && isTotalName(split.base))
    }

    public struct Result {
        public var snapshot: Snapshot
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    /// A CSV file or a workbook's sheet (`sheet`, or the first).
    public func read(path: String, displayName: String, sheet: String? = nil, date: ThaiDate,
                     knownSchools: Set<String>? = nil) throws -> Result {
        try TableFile.read(path: path, displayName: displayName, sheet: sheet, diagnostics: \.diagnostics) {
            try read(from: $0, date: date, knownSchools: knownSchools)
        }
    }

    public func read(from reader: any RowReader, date: ThaiDate, knownSchools: Set<String>? = nil) throws -> Result {
        let displayName = reader.displayName
        var diagnostics: [Diagnostic] = []
        var snapshot = Snapshot(date: date)
        let finder = CSVHeaderFinder(columns: Self.columns, acceptsOther: Self.isCountColumn,
                                     isComplete: { !$0.otherColumns.isEmpty })
        guard var headerRecord = try finder.findRecord(in: reader, file: displayName, diagnostics: &diagnostics) else {
            return Result(snapshot: snapshot, diagnostics: diagnostics)
        }
        // A second header row (ชาย / หญิง / รวม under each grade) is read with the first one.
        var pending = try nextFilledRow(reader)
        if let row = pending, SplitColumnName.isSubHeader(row, under: headerRecord) {
            headerRecord = SplitColumnName.combined(headerRecord, row)
            pending = nil
        }
        let header = CSVHeader(headerRecord, columns: Self.columns, file: displayName, acceptsOther: Self.isCountColumn,
                               diagnostics: &diagnostics)
        reportMistypedGrades(header, file: displayName, diagnostics: &diagnostics)
        let plan = GradeColumnPlan(header: header, file: displayName, diagnostics: &diagnostics)
        if header.otherColumns.isEmpty {
            diagnostics.append(Diagnostic(.error, code: "PUP002", file: displayName, line: headerRecord.line, column: 1,
                                          message: "no grade columns found in the header",
                                          thaiMessage: "ไม่พบคอลัมน์ชั้นเรียนในแถวหัวตาราง",
                                          hint: "name them like อ.1 … ป.6, ม.1 … ม.6 or K1 … P6, M1 … M6"))
        }
        guard !diagnostics.hasErrors else { return Result(snapshot: snapshot, diagnostics: diagnostics) }

        var firstLineOfCode: [String: Int] = [:]
        let codeIndex = header.index(of: "code")
        // A column without a header between named ones is never read: when it holds counts (a
        // grade's girls and total whose labels were lost), reading on would pay the boys only.
        var unnamedColumns = Set((0..<header.record.fields.count).filter { header.record.fields[$0].trimmingCharacters(in: .whitespaces).isEmpty })
        var lastTotals: (row: CSVRecord, isLast: Bool)?
        var skippedTotals: [Int] = []
        while let row = try pending ?? reader.next() {
            pending = nil
            if row.isBlank { continue }
            if TotalsRow.isTotals(row, codeIndex: codeIndex, nameIndex: header.index(of: "name")) {
                skippedTotals.append(row.line)
                lastTotals = (row, true)
                continue
            }
            lastTotals?.isLast = false
            for index in unnamedColumns.sorted() where !(row[index] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                unnamedColumns.remove(index)
                let position = row.position(of: index)
                diagnostics.append(Diagnostic(.error, code: "PUP016", file: displayName, line: position.line, column: position.column,
                                              message: "this column has values but no header, so Khet cannot tell what it counts",
                                              thaiMessage: "คอลัมน์นี้มีข้อมูลแต่ไม่มีหัวคอลัมน์ จึงบอกไม่ได้ว่านับอะไร",
                                              hint: "name the column (for a grade split by sex: ชาย / หญิง / รวม in the row under the grade), or delete it"))
            }
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
                                              message: "school \(Diagnostic.quoted(code)) has a second row (first on line \(first))",
                                              thaiMessage: "โรงเรียน \(Diagnostic.quoted(code)) มีสองแถว (แถวแรกที่บรรทัด \(first))"))
                continue
            }
            firstLineOfCode[code] = row.line
            if let knownSchools, !knownSchools.contains(code) {
                diagnostics.append(Diagnostic(.error, code: "PUP008", file: displayName, line: codePosition.line,
                                              column: codePosition.column,
                                              message: "school \(Diagnostic.quoted(code)) is not in the schools file",
                                              thaiMessage: "ไม่มีโรงเรียน \(Diagnostic.quoted(code)) ในไฟล์รายชื่อโรงเรียน",
                                              hint: "add it to the schools file or correct the code"))
                continue
            }
            let counts = gradeCounts(in: row, plan: plan, file: displayName, diagnostics: &diagnostics)
            checkTotal(of: counts, in: row, plan: plan, file: displayName, diagnostics: &diagnostics)
            snapshot.counts[code] = counts
        }
        if !skippedTotals.isEmpty {
            let lines = skippedTotals.prefix(5).map(String.init).joined(separator: ", ") + (skippedTotals.count > 5 ? ", …" : "")
            diagnostics.append(Diagnostic(.note, code: "PUP014", file: displayName, line: skippedTotals[0],
                                          message: "\(skippedTotals.count) totals row(s) are skipped (\(lines))",
                                          thaiMessage: "ข้ามแถวยอดรวม \(skippedTotals.count) แถว (\(lines))"))
        }
        if let totals = lastTotals, totals.isLast, !diagnostics.hasErrors {
            checkTotalsRow(totals.row, against: snapshot, plan: plan, file: displayName, diagnostics: &diagnostics)
        }
        if let note = reader.formatNote() { diagnostics.append(note) }
        return Result(snapshot: snapshot, diagnostics: diagnostics)
    }

    private func nextFilledRow(_ reader: any RowReader) throws -> CSVRecord? {
        while let row = try reader.next() {
            if !row.isBlank { return row }
        }
        return nil
    }

    /// A column named almost like a grade (ป.7, P 1, ม1.) is a grade mistyped: its pupils
    /// would get nothing, so it is an error, not an ignored column.
    private func reportMistypedGrades(_ header: CSVHeader, file: String, diagnostics: inout [Diagnostic]) {
        let claimed = Set(header.indexByKey.values).union(header.otherColumns.map(\.index))
        for (index, rawName) in header.record.fields.enumerated() where !claimed.contains(index) {
            let name = rawName.trimmingCharacters(in: .whitespaces)
            let base = SplitColumnName(name).base
            guard !name.isEmpty, let guess = GradeName.suggestion(for: base) else { continue }
            let position = header.record.position(of: index)
            diagnostics.removeAll { $0.code == "CSV011" && $0.line == position.line && $0.column == position.column }
            diagnostics.append(Diagnostic(.error, code: "PUP011", file: file, line: position.line, column: position.column,
                                          message: "column '\(Diagnostic.quoted(name))' is not a grade, so its pupils would get nothing",
                                          thaiMessage: "คอลัมน์ '\(Diagnostic.quoted(name))' ไม่ใช่ชั้นเรียน นักเรียนในคอลัมน์นี้จะไม่ได้รับเงิน",
                                          hint: "did you mean \(guess)?"))
        }
    }

    /// One cell's count; blank is none. Nil (with its error) for anything else.
    private func count(at index: Int, in row: CSVRecord, grade: Grade, file: String,
                       diagnostics: inout [Diagnostic]) -> Int? {
        let text = (row[index] ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return 0 }
        let position = row.position(of: index)
        guard let count = FieldParsing.count(text) else {
            diagnostics.append(Diagnostic(.error, code: "PUP005", file: file, line: position.line, column: position.column,
                                          message: "'\(Diagnostic.quoted(text))' is not a pupil count for \(grade.thaiCode)",
                                          thaiMessage: "'\(Diagnostic.quoted(text))' ไม่ใช่จำนวนนักเรียนชั้น \(grade.thaiCode)",
                                          hint: "write a whole number such as 25 or 1,234, or leave it blank for none"))
            return nil
        }
        guard count <= InputLimits.pupilsPerGrade else {
            diagnostics.append(Diagnostic(.error, code: "PUP010", file: file, line: position.line, column: position.column,
                                          message: "\(count) pupils in \(grade.thaiCode) is more than a school can have (at most \(InputLimits.pupilsPerGrade) a grade)",
                                          thaiMessage: "นักเรียนชั้น \(grade.thaiCode) \(count) คน เกินกว่าที่โรงเรียนหนึ่งจะมีได้ (ไม่เกิน \(InputLimits.pupilsPerGrade) คนต่อชั้น)",
                                          hint: "check the cell: a total or a pasted-together number?"))
            return nil
        }
        return count
    }

    private func gradeCounts(in row: CSVRecord, plan: GradeColumnPlan, file: String,
                             diagnostics: inout [Diagnostic]) -> GradeCounts {
        var counts = GradeCounts()
        for source in plan.sources {
            let values = source.columns.map { count(at: $0, in: row, grade: source.grade, file: file, diagnostics: &diagnostics) }
            guard values.allSatisfy({ $0 != nil }) else { continue }
            let pupils = values.reduce(0) { $0 + ($1 ?? 0) }
            if source.columns.count > 1, pupils > InputLimits.pupilsPerGrade {
                let position = row.position(of: source.columns[0])
                diagnostics.append(Diagnostic(.error, code: "PUP010", file: file, line: position.line, column: position.column,
                                              message: "\(pupils) pupils in \(source.grade.thaiCode) is more than a school can have (at most \(InputLimits.pupilsPerGrade) a grade)",
                                              thaiMessage: "นักเรียนชั้น \(source.grade.thaiCode) \(pupils) คน เกินกว่าที่โรงเรียนหนึ่งจะมีได้"))
                continue
            }
            // Boys and girls must add up to the total read: which one is wrong cannot be known.
            if source.parts.count == 2 {
                var scratch: [Diagnostic] = []
                let parts = source.parts.map { count(at: $0, in: row, grade: source.grade, file: file, diagnostics: &scratch) }
                if scratch.isEmpty, let boys = parts[0], let girls = parts[1], boys + girls != pupils {
                    let position = row.position(of: source.columns[0])
                    diagnostics.append(Diagnostic(.error, code: "PUP013", file: file, line: position.line, column: position.column,
                                                  message: "\(source.grade.thaiCode): boys \(boys) and girls \(girls) make \(boys + girls), but the total is \(pupils)",
                                                  thaiMessage: "ชั้น \(source.grade.thaiCode): ชาย \(boys) หญิง \(girls) รวมได้ \(boys + girls) แต่ช่องรวมเป็น \(pupils)",
                                                  hint: "correct the boys', girls' or total cell so that they agree"))
                    continue
                }
            }
            if pupils > 0 { counts[source.grade] = pupils }
        }
        return counts
    }

    private func checkTotal(of counts: GradeCounts, in row: CSVRecord, plan: GradeColumnPlan, file: String,
                            diagnostics: inout [Diagnostic]) {
        guard let totalIndex = plan.totalColumn, let text = row[totalIndex],
              !text.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        let position = row.position(of: totalIndex)
        if let total = FieldParsing.count(text.trimmingCharacters(in: .whitespaces)) {
            if total != counts.total {
                diagnostics.append(Diagnostic(.warning, code: "PUP006", file: file, line: position.line, column: position.column,
                                              message: "total \(total) differs from the sum of the grades, \(counts.total); the grades are used",
                                              thaiMessage: "ยอดรวม \(total) ไม่เท่ากับผลรวมรายชั้น \(counts.total) จึงใช้ตัวเลขรายชั้น"))
            }
        } else {
            diagnostics.append(Diagnostic(.warning, code: "PUP007", file: file, line: position.line, column: position.column,
                                          message: "total '\(Diagnostic.quoted(text))' is not a number",
                                          thaiMessage: "ยอดรวม '\(Diagnostic.quoted(text))' ไม่ใช่ตัวเลข"))
        }
    }

    /// The sheet's own totals row against the schools read: a difference means a school row was
    /// lost or a cell typed over, which the analyst should see before money goes out.
    private func checkTotalsRow(_ row: CSVRecord, against snapshot: Snapshot, plan: GradeColumnPlan, file: String,
                                diagnostics: inout [Diagnostic]) {
        for source in plan.sources {
            var scratch: [Diagnostic] = []
            let values = source.columns.map { count(at: $0, in: row, grade: source.grade, file: file, diagnostics: &scratch) }
            guard scratch.isEmpty, values.contains(where: { ($0 ?? 0) > 0 }) else { continue }
            let stated = values.reduce(0) { $0 + ($1 ?? 0) }
            let read = snapshot.counts.values.reduce(0) { $0 + $1[source.grade] }
            if stated != read {
                let position = row.position(of: source.columns[0])
                diagnostics.append(Diagnostic(.warning, code: "PUP015", file: file, line: position.line, column: position.column,
                                              message: "the totals row gives \(stated) pupils in \(source.grade.thaiCode), the schools above it \(read)",
                                              thaiMessage: "แถวยอดรวมระบุนักเรียนชั้น \(source.grade.thaiCode) \(stated) คน แต่รวมจากโรงเรียนได้ \(read) คน",
                                              hint: "check for a missing or mistyped school row"))
            }
        }
    }
}
