import KhetCore

/// Finds the header row of a CSV file that may have a title above it ("รายงานจำนวนนักเรียน
/// ปีการศึกษา 2568", a date, an empty line), as files exported from Excel and OBEC systems do.
/// The header is the first of the first `searchLimit` non-blank rows that holds every required
/// column and at least one known one; when none does, the row that names the most known columns,
/// so the errors about missing columns point at the likeliest header.
struct CSVHeaderFinder {
    static let searchLimit = 10

    let columns: [CSVColumn]
    var acceptsOther: (String) -> Bool = { _ in false }
    /// Whether the row is a usable header beyond the required columns (e.g. has a grade column).
    var isComplete: (CSVHeader) -> Bool = { _ in true }

    /// The header, or nil for an empty file (with its CSV013 error added).
    func find(in reader: any RowReader, file: String, diagnostics: inout [Diagnostic]) throws -> CSVHeader? {
        guard let record = try findRecord(in: reader, file: file, diagnostics: &diagnostics) else { return nil }
        return CSVHeader(record, columns: columns, file: file, acceptsOther: acceptsOther, diagnostics: &diagnostics)
    }

    /// The header row itself, for a mapper that reads a second header row under it; nil for an
    /// empty file (with its CSV013 error added).
    func findRecord(in reader: any RowReader, file: String, diagnostics: inout [Diagnostic]) throws -> CSVRecord? {
        var titles: [CSVRecord] = []
        return try findRecord(in: reader, file: file, diagnostics: &diagnostics, titles: &titles)
    }

    /// As `findRecord`, also giving the title rows above the header (what a list says it is for).
    func findRecord(in reader: any RowReader, file: String, diagnostics: inout [Diagnostic],
                    titles: inout [CSVRecord]) throws -> CSVRecord? {
        var candidates: [CSVRecord] = []
        var chosen: CSVRecord?
        while candidates.count < CSVHeaderFinder.searchLimit, let record = try reader.next() {
            if record.isBlank { continue }
            candidates.append(record)
            let score = CSVHeader.score(record, columns: columns, acceptsOther: acceptsOther)
            if score.hasRequired && score.known > 0 {
                var scratch: [Diagnostic] = []
                let header = CSVHeader(record, columns: columns, file: file, acceptsOther: acceptsOther,
                                       diagnostics: &scratch)
                if isComplete(header) { chosen = record; break }
            }
        }
        guard let first = candidates.first else {
            diagnostics.append(Diagnostic(.error, code: "CSV013", file: file,
                                          message: "the file is empty; expected a header row",
                                          thaiMessage: "ไฟล์ว่าง ต้องมีแถวหัวตาราง"))
            return nil
        }
        let record = chosen ?? candidates.max { a, b in
            // `max` keeps the last of equals; comparing line numbers too keeps the first.
            let left = CSVHeader.score(a, columns: columns, acceptsOther: acceptsOther).known
            let right = CSVHeader.score(b, columns: columns, acceptsOther: acceptsOther).known
            return left != right ? left < right : a.line > b.line
        } ?? first
        if record.line != first.line {
            let skipped = candidates.prefix { $0.line < record.line }.count
            // A sheet has rows, a CSV file lines.
            let (unit, thaiUnit) = reader.sheetName == nil ? ("line", "บรรทัด") : ("row", "แถว")
            diagnostics.append(Diagnostic(
                .note, code: "CSV014", file: file, line: record.line, column: 1,
                message: "\(unit) \(record.line) is taken as the header; \(skipped) title \(unit)(s) above it are skipped",
                thaiMessage: "ใช้\(thaiUnit)ที่ \(record.line) เป็นหัวตาราง ข้าม\(thaiUnit)ชื่อเรื่อง \(skipped) \(thaiUnit)ด้านบน"))
        }
        titles = candidates.filter { $0.line < record.line }
        return record
    }
}

extension CSVReader {
    /// A note saying how the file was read when it is not plain comma-separated UTF-8, so the
    /// analyst sees that a Windows-874 or semicolon file was understood.
    public func formatNote() -> Diagnostic? {
        let encoding = self.encoding ?? .utf8
        let delimiterName: (en: String, th: String)
        switch delimiter {
        case ";": delimiterName = ("semicolons", "เครื่องหมายอัฒภาค (;)")
        case "\t": delimiterName = ("tabs", "แท็บ")
        default: delimiterName = ("commas", "จุลภาค (,)")
        }
        guard encoding != .utf8 || delimiter != "," else { return nil }
        return Diagnostic(.note, code: "CSV015", file: displayName,
                          message: "read as \(encoding.name), fields separated by \(delimiterName.en)",
                          thaiMessage: "อ่านเป็นรหัสอักขระ \(encoding.name) แยกช่องด้วย\(delimiterName.th)")
    }
}
