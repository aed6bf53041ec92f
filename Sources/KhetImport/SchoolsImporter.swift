import KhetCore

/// Reads `schools.csv`: one row per school. Columns (any order, Thai or English headers):
/// code, name, district, and optional boarding and special-area flags.
public struct SchoolsImporter {
    public static let columns = [
        CSVColumn("code", aliases: ["รหัสโรงเรียน", "รหัส", "school_code", "code", "school code", "smis"]),
        CSVColumn("name", aliases: ["ชื่อโรงเรียน", "โรงเรียน", "school_name", "name", "school"]),
        CSVColumn("district", aliases: ["อำเภอ", "district", "amphoe"]),
        CSVColumn("boarding", aliases: ["พักนอน", "โรงเรียนพักนอน", "boarding", "boarding_school"], required: false),
        CSVColumn("specialArea", aliases: ["พื้นที่พิเศษ", "special_area", "special area", "specialarea"], required: false),
    ]

    public struct Result {
        public var schools: [School]
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    /// Reads every school; problems become diagnostics, except a file that cannot be read at all.
    public func read(path: String, displayName: String) throws -> Result {
        let reader = try CSVReader(path: path, displayName: displayName)
        var diagnostics: [Diagnostic] = []
        var schools: [School] = []
        var firstLineOfCode: [String: Int] = [:]
        guard let headerRecord = try nextNonBlank(reader) else {
            return Result(schools: [], diagnostics: [Diagnostic(.error, code: "CSV013", file: displayName,
                                                                message: "the file is empty; expected a header row")])
        }
        let header = CSVHeader(headerRecord, columns: Self.columns, file: displayName, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { return Result(schools: [], diagnostics: diagnostics) }

        while let row = try reader.next() {
            if row.isBlank { continue }
            func at(_ key: String) -> CSVPosition { row.position(of: header.index(of: key) ?? 0) }
            func problem(_ severity: Diagnostic.Severity, _ code: String, _ key: String, _ message: String, hint: String? = nil) {
                let position = at(key)
                diagnostics.append(Diagnostic(severity, code: code, file: displayName, line: position.line,
                                              column: position.column, message: message, hint: hint))
            }
            let code = header.value("code", in: row) ?? ""
            let name = header.value("name", in: row) ?? ""
            let district = header.value("district", in: row) ?? ""
            guard !code.isEmpty else {
                problem(.error, "SCH001", "code", "school code is blank")
                continue
            }
            guard code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                problem(.error, "SCH002", "code", "school code '\(code)' should contain digits only")
                continue
            }
            if let first = firstLineOfCode[code] {
                problem(.error, "SCH003", "code", "school code \(code) is listed twice (first on line \(first))")
                continue
            }
            firstLineOfCode[code] = row.line
            if name.isEmpty { problem(.error, "SCH004", "name", "school name is blank for school \(code)") }
            if district.isEmpty { problem(.error, "SCH005", "district", "district is blank for school \(code)") }
            var flags: [String: Bool] = [:]
            for key in ["boarding", "specialArea"] {
                let text = header.value(key, in: row) ?? ""
                if let value = FieldParsing.flag(text) {
                    flags[key] = value
                } else {
                    problem(.error, "SCH006", key, "'\(text)' is not a yes/no value",
                            hint: "use 1 or 0 (ใช่ / ไม่ใช่ are accepted too)")
                }
            }
            schools.append(School(code: code, name: name, district: district,
                                  isBoarding: flags["boarding"] ?? false,
                                  isSpecialArea: flags["specialArea"] ?? false))
        }
        if schools.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.error, code: "SCH007", file: displayName, line: headerRecord.line,
                                          message: "the file has a header but no schools"))
        }
        return Result(schools: schools.sorted { $0.code < $1.code }, diagnostics: diagnostics)
    }
}

func nextNonBlank(_ reader: CSVReader) throws -> CSVRecord? {
    while let record = try reader.next() {
        if !record.isBlank { return record }
    }
    return nil
}
