import KhetCore

/// Reads `schools.csv`: one row per school. Columns (any order, Thai or English headers):
/// code, name, district, and optional boarding and special-area flags. A national data set adds
/// each school's area code (รหัสเขต); the batch checks it against its areas file.
public struct SchoolsImporter {
    public static let columns = [
        CSVColumn("code", aliases: ["รหัสโรงเรียน", "รหัส", "school_code", "code", "school code", "smis"]),
        CSVColumn("name", aliases: ["ชื่อโรงเรียน", "โรงเรียน", "school_name", "name", "school"]),
        CSVColumn("district", aliases: ["อำเภอ", "district", "amphoe"]),
        CSVColumn("boarding", aliases: ["พักนอน", "โรงเรียนพักนอน", "boarding", "boarding_school"], required: false),
        CSVColumn("specialArea", aliases: ["พื้นที่พิเศษ", "special_area", "special area", "specialarea"], required: false),
        CSVColumn("area", aliases: ["รหัสเขต", "รหัสเขตพื้นที่", "area", "area_code", "area code"], required: false),
    ]

    /// A school's area code as written, and where, so a code the areas file lacks can be pointed at.
    public struct AreaCell: Sendable, Equatable {
        /// Trimmed; empty when the cell is blank.
        public var code: String
        public var line: Int
        public var column: Int
    }

    public struct Result {
        public var schools: [School]
        public var diagnostics: [Diagnostic]
        /// Each school's area cell by school code; empty when the file has no area column.
        public var areaCells: [String: AreaCell] = [:]
        /// The header's line, to point at when the area column is missing.
        public var headerLine = 1

        public init(schools: [School], diagnostics: [Diagnostic], areaCells: [String: AreaCell] = [:], headerLine: Int = 1) {
            self.schools = schools
            self.diagnostics = diagnostics
            self.areaCells = areaCells
            self.headerLine = headerLine
        }
    }

    public init() {}

    /// Reads every school; problems become diagnostics, except a file that cannot be read at all.
    /// The most digits a school code has (OBEC's 10-digit codes; SMIS codes have 8).
    public static let longestCode = 10

    /// A CSV file or a workbook's sheet (`sheet`, or the first).
    public func read(path: String, displayName: String, sheet: String? = nil) throws -> Result {
        try TableFile.read(path: path, displayName: displayName, sheet: sheet, diagnostics: \.diagnostics) { try read(from: $0) }
    }

    public func read(from reader: any RowReader) throws -> Result {
        let displayName = reader.displayName
        var diagnostics: [Diagnostic] = []
        var schools: [School] = []
        var firstLineOfCode: [String: Int] = [:]
        guard let header = try CSVHeaderFinder(columns: Self.columns)
            .find(in: reader, file: displayName, diagnostics: &diagnostics) else {
            return Result(schools: [], diagnostics: diagnostics)
        }
        guard !diagnostics.hasErrors else { return Result(schools: [], diagnostics: diagnostics) }
        var areaCells: [String: AreaCell] = [:]
        let areaIndex = header.index(of: "area")
        let codeIndex = header.index(of: "code"), nameIndex = header.index(of: "name")
        let districtIndex = header.index(of: "district")
        let flagColumns = [("boarding", header.index(of: "boarding")), ("specialArea", header.index(of: "specialArea"))]

        var skippedTotals: [Int] = []
        while let row = try reader.next() {
            if row.isBlank { continue }
            // `รวม 200 โรงเรียน` under a list is not a school.
            if TotalsRow.isTotals(row, codeIndex: codeIndex, nameIndex: nameIndex) {
                skippedTotals.append(row.line)
                continue
            }
            if let problem = header.widthProblem(of: row, file: displayName) {
                diagnostics.append(problem)
                continue
            }
            func at(_ key: String) -> CSVPosition { row.position(of: header.index(of: key) ?? 0) }
            func problem(_ severity: Diagnostic.Severity, _ code: String, _ key: String, _ message: String,
                         thai: String, hint: String? = nil) {
                let position = at(key)
                diagnostics.append(Diagnostic(severity, code: code, file: displayName, line: position.line,
                                              column: position.column, message: message, thaiMessage: thai, hint: hint))
            }
            let code = header.value(at: codeIndex, in: row) ?? ""
            let name = header.value(at: nameIndex, in: row) ?? ""
            let district = header.value(at: districtIndex, in: row) ?? ""
            guard !code.isEmpty else {
                problem(.error, "SCH001", "code", "school code is blank", thai: "รหัสโรงเรียนว่าง")
                continue
            }
            // ASCII digits, checked on the bytes: `Character.isNumber` looks up Unicode
            // properties, a measurable cost over the 30,000 schools of a national file.
            guard code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                problem(.error, "SCH002", "code", "school code '\(Diagnostic.quoted(code))' should contain digits only",
                        thai: "รหัสโรงเรียน '\(Diagnostic.quoted(code))' ต้องเป็นตัวเลขเท่านั้น")
                continue
            }
            // OBEC's codes have 10 digits (SMIS 8): a longer one is a pasted-together cell.
            guard code.utf8.count <= Self.longestCode else {
                problem(.error, "SCH008", "code", "school code has \(code.utf8.count) digits; a school code has at most \(Self.longestCode)",
                        thai: "รหัสโรงเรียนมี \(code.utf8.count) หลัก รหัสโรงเรียนมีได้ไม่เกิน \(Self.longestCode) หลัก")
                continue
            }
            if let first = firstLineOfCode[code] {
                problem(.error, "SCH003", "code", "school code \(code) is listed twice (first on line \(first))",
                        thai: "รหัสโรงเรียน \(code) ซ้ำ (พบครั้งแรกที่บรรทัด \(first))")
                continue
            }
            firstLineOfCode[code] = row.line
            if name.isEmpty {
                problem(.error, "SCH004", "name", "school name is blank for school \(code)",
                        thai: "ชื่อโรงเรียนของ \(code) ว่าง")
            }
            if district.isEmpty {
                problem(.error, "SCH005", "district", "district is blank for school \(code)",
                        thai: "อำเภอของโรงเรียน \(code) ว่าง")
            }
            var flags = (boarding: false, specialArea: false)
            for (key, index) in flagColumns {
                let text = header.value(at: index, in: row) ?? ""
                if let value = FieldParsing.flag(text) {
                    if key == "boarding" { flags.boarding = value } else { flags.specialArea = value }
                } else {
                    problem(.error, "SCH006", key, "'\(Diagnostic.quoted(text))' is not a yes/no value",
                            thai: "'\(Diagnostic.quoted(text))' ไม่ใช่ค่า ใช่/ไม่ใช่",
                            hint: "use 1 or 0 (ใช่ / ไม่ใช่ are accepted too)")
                }
            }
            if let areaIndex {
                let position = row.position(of: areaIndex)
                areaCells[code] = AreaCell(code: header.value(at: areaIndex, in: row) ?? "", line: position.line, column: position.column)
            }
            schools.append(School(code: code, name: name, district: district,
                                  isBoarding: flags.boarding, isSpecialArea: flags.specialArea))
        }
        if let first = skippedTotals.first {
            diagnostics.append(Diagnostic(.note, code: "SCH009", file: displayName, line: first,
                                          message: "\(skippedTotals.count) totals row(s) are skipped, not read as schools",
                                          thaiMessage: "ข้ามแถวยอดรวม \(skippedTotals.count) แถว ไม่นับเป็นโรงเรียน"))
        }
        if schools.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.error, code: "SCH007", file: displayName, line: header.record.line,
                                          message: "the file has a header but no schools",
                                          thaiMessage: "ไฟล์มีแต่หัวตาราง ไม่มีรายชื่อโรงเรียน"))
        }
        if let note = reader.formatNote() { diagnostics.append(note) }
        return Result(schools: schools.sorted { $0.code < $1.code }, diagnostics: diagnostics, areaCells: areaCells,
                      headerLine: header.record.line)
    }
}
