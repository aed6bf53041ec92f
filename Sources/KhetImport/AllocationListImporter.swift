import KhetCore

/// Reads an allocation list as OBEC sends it (บัญชีจัดสรร รายโรงเรียน): title rows, a header with
/// the school code and one column per item of a programme (or the programme's total), a totals
/// row at the bottom. Amounts are exact to the satang (`1,234.50`); a blank cell is no money.
///
/// A list meant for another fiscal year or area (its title says so, or its area column) is an
/// error: reconciling it would compare the wrong money.
public struct AllocationListImporter {
    /// An amount column the list may have: an item of the programme, or the programme as a whole.
    public struct AmountColumn: Sendable {
        public var key: String
        public var names: [String]

        public init(key: String, names: [String]) {
            self.key = key
            self.names = names
        }
    }

    public struct Result: Sendable {
        /// Per school, per column key, the amount.
        public var amounts: [String: [String: Money]] = [:]
        /// The keys the list has columns for, in the list's order.
        public var columns: [String] = []
        /// Where each school's row is, to point at it.
        public var rows: [String: Int] = [:]
        public var diagnostics: [Diagnostic] = []
    }

    /// The key of the column with a programme's total, when the list gives only that.
    public static let programmeTotal = "programme-total"

    let amountColumns: [AmountColumn]
    let fiscalYear: FiscalYear
    let area: Area

    public init(amountColumns: [AmountColumn], fiscalYear: FiscalYear, area: Area) {
        self.amountColumns = amountColumns
        self.fiscalYear = fiscalYear
        self.area = area
    }

    private var columns: [CSVColumn] {
        [CSVColumn("code", aliases: ["รหัสโรงเรียน", "รหัส", "school_code", "code", "school code", "smis"]),
         CSVColumn.ignored("name", aliases: ["ชื่อโรงเรียน", "โรงเรียน", "school_name", "name", "school"]),
         CSVColumn.ignored("row", aliases: ["ที่", "ลำดับ", "ลำดับที่", "no"]),
         CSVColumn.ignored("district", aliases: ["อำเภอ", "district"]),
         CSVColumn("area", aliases: ["รหัสเขต", "รหัสเขตพื้นที่", "area_code", "area code"], required: false),
         CSVColumn("total", aliases: ["รวม", "รวมทั้งสิ้น", "รวมเงิน", "จำนวนเงินรวม", "total"], required: false)]
            + amountColumns.map { CSVColumn("amount:" + $0.key, aliases: $0.names, required: false) }
    }

    /// A CSV file or a workbook's sheet (`sheet`, or the first). `knownSchools` are the batch's.
    public func read(path: String, displayName: String, sheet: String? = nil, knownSchools: Set<String>) throws -> Result {
        try TableFile.read(path: path, displayName: displayName, sheet: sheet, diagnostics: \.diagnostics) {
            try read(from: $0, knownSchools: knownSchools)
        }
    }

    public func read(from reader: any RowReader, knownSchools: Set<String>) throws -> Result {
        let file = reader.displayName
        var result = Result()
        let columns = self.columns
        let finder = CSVHeaderFinder(columns: columns, isComplete: { header in
            header.indexByKey.keys.contains { $0.hasPrefix("amount:") }
        })
        var titles: [CSVRecord] = []
        guard let record = try finder.findRecord(in: reader, file: file, diagnostics: &result.diagnostics, titles: &titles) else {
            return result
        }
        checkTitles(titles, file: file, diagnostics: &result.diagnostics)
        let header = CSVHeader(record, columns: columns, file: file, diagnostics: &result.diagnostics)
        let amountIndexes = amountColumns.compactMap { column in header.index(of: "amount:" + column.key).map { (column.key, $0) } }
            .sorted { $0.1 < $1.1 }
        result.columns = amountIndexes.map(\.0)
        if amountIndexes.isEmpty {
            result.diagnostics.append(Diagnostic(
                .error, code: "ALS001", file: file, line: record.line, column: 1,
                message: "no amount column of the programme in the header",
                thaiMessage: "ไม่พบคอลัมน์จำนวนเงินของโครงการในแถวหัวตาราง",
                hint: "name the columns as the items: \(amountColumns.prefix(6).map { $0.names.first ?? $0.key }.joined(separator: ", "))"))
        }
        guard !result.diagnostics.hasErrors else { return result }
        let codeIndex = header.index(of: "code")
        let totalIndex = header.index(of: "total")
        let areaIndex = header.index(of: "area")
        while let row = try reader.next() {
            if row.isBlank || TotalsRow.isTotals(row, codeIndex: codeIndex, nameIndex: header.index(of: "name")) { continue }
            if let problem = header.widthProblem(of: row, file: file) {
                result.diagnostics.append(problem)
                continue
            }
            func problem(_ code: String, at index: Int?, _ message: String, thai: String, hint: String? = nil) {
                let position = row.position(of: index ?? 0)
                result.diagnostics.append(Diagnostic(.error, code: code, file: file, line: position.line, column: position.column,
                                                     message: message, thaiMessage: thai, hint: hint))
            }
            let code = header.value(at: codeIndex, in: row) ?? ""
            guard !code.isEmpty else {
                problem("ALS002", at: codeIndex, "school code is blank", thai: "รหัสโรงเรียนว่าง")
                continue
            }
            if let first = result.rows[code] {
                problem("ALS003", at: codeIndex, "school \(Diagnostic.quoted(code)) has a second row (first on row \(first))",
                        thai: "โรงเรียน \(Diagnostic.quoted(code)) มีสองแถว (แถวแรกที่ \(first))")
                continue
            }
            result.rows[code] = row.line
            guard knownSchools.contains(code) else {
                problem("ALS004", at: codeIndex, "school \(Diagnostic.quoted(code)) is not a school of the area",
                        thai: "โรงเรียน \(Diagnostic.quoted(code)) ไม่ใช่โรงเรียนในเขตพื้นที่", hint: "check the code, or the list is for another area")
                continue
            }
            if let areaIndex, let areaCode = header.value(at: areaIndex, in: row), !areaCode.isEmpty, areaCode != area.code {
                problem("ALS007", at: areaIndex, "the row is for area \(Diagnostic.quoted(areaCode)), not \(area.code)",
                        thai: "แถวนี้เป็นของเขต \(Diagnostic.quoted(areaCode)) ไม่ใช่ \(area.code)")
                continue
            }
            var amounts: [String: Money] = [:]
            var readable = true
            for (key, index) in amountIndexes {
                let text = (row[index] ?? "").trimmingCharacters(in: .whitespaces)
                if text.isEmpty { amounts[key] = .zero; continue }
                guard let amount = Money(parsing: text), amount.satang.magnitude <= UInt64(InputLimits.envelopeBaht) * 100 else {
                    problem("ALS005", at: index, "'\(Diagnostic.quoted(text))' is not an amount in baht",
                            thai: "'\(Diagnostic.quoted(text))' ไม่ใช่จำนวนเงิน (บาท)", hint: "write the amount as 12,345.50, or leave it blank for none")
                    readable = false
                    continue
                }
                amounts[key] = amount
            }
            guard readable else { continue }
            if let totalIndex, let text = header.value(at: totalIndex, in: row), !text.isEmpty {
                let sum = amounts.values.sum()
                if Money(parsing: text) != sum {
                    problem("ALS008", at: totalIndex, "the row's total \(Diagnostic.quoted(text)) is not the sum of its amounts, \(sum.formatted)",
                            thai: "ยอดรวมของแถว \(Diagnostic.quoted(text)) ไม่เท่ากับผลรวมรายการ \(sum.formatted)")
                }
            }
            result.amounts[code] = amounts
        }
        if let note = reader.formatNote() { result.diagnostics.append(note) }
        return result
    }

    /// A title saying `ปีงบประมาณ 2567` (or `fiscal year 2567`) in a 2568 batch, or naming another
    /// area office, is a list for something else.
    private func checkTitles(_ titles: [CSVRecord], file: String, diagnostics: inout [Diagnostic]) {
        for row in titles {
            for (index, text) in row.fields.enumerated() where !text.isEmpty {
                let position = row.position(of: index)
                if let year = Self.fiscalYear(in: text), year != fiscalYear.year {
                    diagnostics.append(Diagnostic(.error, code: "ALS006", file: file, line: position.line, column: position.column,
                                                  message: "the list is for fiscal year \(year), the batch for \(fiscalYear.year)",
                                                  thaiMessage: "บัญชีนี้เป็นของปีงบประมาณ \(year) แต่ชุดงานเป็นปีงบประมาณ \(fiscalYear.year)"))
                    return
                }
                let namesAnArea = text.contains("สพป.") || text.contains("สำนักงานเขตพื้นที่การศึกษา")
                if namesAnArea, !Self.mentions(area.name, in: text), !Self.mentions(area.shortName, in: text) {
                    diagnostics.append(Diagnostic(.error, code: "ALS007", file: file, line: position.line, column: position.column,
                                                  message: "the list's title names another area than \(area.shortName)",
                                                  thaiMessage: "ชื่อบัญชีระบุเขตพื้นที่อื่น ไม่ใช่ \(area.shortName)",
                                                  hint: "reconcile each area's list in its own batch"))
                    return
                }
            }
        }
    }

    /// Whether `text` names `area` (`สพป.ตาก เขต 2`), spaces aside, and not a longer one
    /// (`สพป.ตาก เขต 20`).
    static func mentions(_ area: String, in text: String) -> Bool {
        let wanted = Array(area.filter { !$0.isWhitespace })
        let haystack = Array(text.filter { !$0.isWhitespace })
        guard !wanted.isEmpty, haystack.count >= wanted.count else { return false }
        for start in 0...(haystack.count - wanted.count) where Array(haystack[start..<(start + wanted.count)]) == wanted {
            let next = start + wanted.count
            if next == haystack.count || !haystack[next].isNumber { return true }
        }
        return false
    }

    /// The year after `ปีงบประมาณ` / `fiscal year` in a title, if any.
    static func fiscalYear(in text: String) -> Int? {
        let lowered = text.lowercased()
        for marker in ["ปีงบประมาณ พ.ศ.", "ปีงบประมาณ", "fiscal year"] {
            guard let range = lowered.range(of: marker) else { continue }
            let digits = lowered[range.upperBound...].drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
            if digits.count == 4, let year = Int(digits) { return year }
        }
        return nil
    }
}
