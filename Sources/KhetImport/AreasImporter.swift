import KhetCore

/// Reads `areas.csv`, the area offices of a national data set: one row per area with its code
/// (four digits, e.g. 6302), its full name and its short name (optional; the full name then).
public struct AreasImporter {
    public static let columns = [
        CSVColumn("code", aliases: ["รหัสเขต", "รหัสเขตพื้นที่", "area_code", "area code", "code"]),
        CSVColumn("name", aliases: ["ชื่อเขต", "ชื่อเขตพื้นที่", "area_name", "area name", "name"]),
        CSVColumn("shortName", aliases: ["ชื่อย่อ", "short_name", "short name"], required: false),
    ]

    public struct Result {
        /// Sorted by code.
        public var areas: [Area]
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    /// A CSV file or a workbook's sheet (`sheet`, or the first).
    public func read(path: String, displayName: String, sheet: String? = nil) throws -> Result {
        try TableFile.read(path: path, displayName: displayName, sheet: sheet, diagnostics: \.diagnostics) { try read(from: $0) }
    }

    public func read(from reader: any RowReader) throws -> Result {
        let file = reader.displayName
        var diagnostics: [Diagnostic] = []
        guard let header = try CSVHeaderFinder(columns: Self.columns).find(in: reader, file: file, diagnostics: &diagnostics),
              !diagnostics.hasErrors else {
            return Result(areas: [], diagnostics: diagnostics)
        }
        var areas: [Area] = []
        var firstLineOfCode: [String: Int] = [:]
        while let row = try reader.next() {
            if row.isBlank { continue }
            if let problem = header.widthProblem(of: row, file: file) {
                diagnostics.append(problem)
                continue
            }
            func problem(_ code: String, _ key: String, _ message: String, thai: String) {
                let position = row.position(of: header.index(of: key) ?? 0)
                diagnostics.append(Diagnostic(.error, code: code, file: file, line: position.line, column: position.column,
                                              message: message, thaiMessage: thai))
            }
            let code = header.value("code", in: row) ?? ""
            let name = header.value("name", in: row) ?? ""
            let shortName = header.value("shortName", in: row) ?? ""
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                problem("ARE001", "code", code.isEmpty ? "area code is blank" : "area code '\(Diagnostic.quoted(code))' should contain digits only",
                        thai: code.isEmpty ? "รหัสเขตว่าง" : "รหัสเขต '\(Diagnostic.quoted(code))' ต้องเป็นตัวเลขเท่านั้น")
                continue
            }
            if let first = firstLineOfCode[code] {
                problem("ARE002", "code", "area code \(code) is listed twice (first on line \(first))",
                        thai: "รหัสเขต \(code) ซ้ำ (พบครั้งแรกที่บรรทัด \(first))")
                continue
            }
            firstLineOfCode[code] = row.line
            guard !name.isEmpty else {
                problem("ARE003", "name", "area name is blank for area \(code)", thai: "ชื่อเขตของ \(code) ว่าง")
                continue
            }
            areas.append(Area(code: code, name: name, shortName: shortName.isEmpty ? name : shortName))
        }
        if areas.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.error, code: "ARE004", file: file, line: header.record.line,
                                          message: "the file has a header but no areas",
                                          thaiMessage: "ไฟล์มีแต่หัวตาราง ไม่มีรายชื่อเขต"))
        }
        return Result(areas: areas.sorted { $0.code < $1.code }, diagnostics: diagnostics)
    }
}
