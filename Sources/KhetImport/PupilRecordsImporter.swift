import Foundation
import KhetCore

/// Reads a DMC-style pupil-record file (one row per pupil) and turns it into what the calculators
/// use: the funded pupils per school and grade on the snapshot date, and the poor and boarding
/// pupils among them. Rows are streamed and forgotten; what is kept grows with the schools, plus
/// 8 bytes a pupil for the duplicate check (see `PupilSightings`). UTF-8 files without quotes,
/// nearly all of them, are read by `PupilRecordScanner`, with the same results.
///
/// Personal data stays here: diagnostics show masked national IDs (`1-2345-xxxxx-xx-1`), never a
/// name or a birth date, and no row leaves the importer.
public struct PupilRecordsImporter {
    public static let columns = [
        CSVColumn("code", aliases: ["รหัสโรงเรียน", "รหัส", "school_code", "code", "school code", "smis"]),
        CSVColumn("id", aliases: ["เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "เลขประจำตัว 13 หลัก",
                                  "national_id", "citizen_id", "id_card", "pid", "cid"]),
        CSVColumn("grade", aliases: ["ชั้น", "ระดับชั้น", "ชั้นเรียน", "grade", "class"]),
        CSVColumn("sex", aliases: ["เพศ", "sex", "gender"]),
        CSVColumn("birthDate", aliases: ["วันเกิด", "วันเดือนปีเกิด", "birth_date", "birthdate", "date_of_birth", "dob"]),
        CSVColumn("poor", aliases: ["ยากจน", "นักเรียนยากจน", "poor", "is_poor", "poor_flag"], required: false),
        CSVColumn("boarder", aliases: ["พักนอน", "นักเรียนพักนอน", "boarder", "boarding", "is_boarder"], required: false),
        // Columns DMC exports carry that funding does not need. They are known so they give no
        // warning; their values are never read, so names cannot leak.
        CSVColumn.ignored("name", aliases: ["ชื่อ", "นามสกุล", "ชื่อสกุล", "ชื่อ-นามสกุล", "คำนำหน้า", "คำนำหน้าชื่อ",
                                           "first_name", "last_name", "surname", "prefix", "title", "name", "full_name"]),
        CSVColumn.ignored("schoolName", aliases: ["ชื่อโรงเรียน", "โรงเรียน", "school_name", "school"]),
        CSVColumn.ignored("row", aliases: ["ลำดับ", "ลำดับที่", "ที่", "no", "row", "ห้อง", "room",
                                          "เลขประจำตัวนักเรียน", "student_id", "student_no"]),
    ]

    /// Pupils younger than this on the snapshot date get no per-head money (domain §2).
    public static let minimumFundedAge = 4

    public struct Statistics: Sendable, Equatable {
        /// Rows that named a pupil, counted or not.
        public var rows = 0
        public var funded = 0
        public var underFour = 0
        public var duplicates = 0
        /// Rows left out because of an error in them.
        public var rejected = 0

        public init(rows: Int = 0, funded: Int = 0, underFour: Int = 0, duplicates: Int = 0, rejected: Int = 0) {
            self.rows = rows
            self.funded = funded
            self.underFour = underFour
            self.duplicates = duplicates
            self.rejected = rejected
        }
    }

    public struct Result {
        /// Funded pupils per school and grade.
        public var snapshot: Snapshot
        /// Funded pupils flagged poor, per school and grade.
        public var poorPupils: [String: GradeCounts]
        /// Funded pupils flagged as boarders, per school and grade.
        public var boarders: [String: GradeCounts]
        public var statistics: Statistics
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    /// `schools`, when given, are the batch's schools by code: rows of other schools are errors,
    /// and boarders in a school not marked as boarding are pointed out.
    /// `progress`, when given, hears how far the file has been read every few thousand rows.
    /// A CSV file or a workbook's sheet (`sheet`, or the first).
    public func read(path: String, displayName: String, sheet: String? = nil, date: ThaiDate,
                     schools: [String: School]? = nil, progress: ((ImportProgress) -> Void)? = nil) throws -> Result {
        try TableFile.read(path: path, displayName: displayName, sheet: sheet, diagnostics: \.diagnostics) {
            try read(from: $0, date: date, schools: schools, progress: progress)
        }
    }

    /// Rows between two progress reports: often enough for a display, rare enough to cost nothing.
    public var progressInterval = 1 << 16

    /// Whether UTF-8 files without quotes are read by `PupilRecordScanner` (the same results,
    /// several times faster); off only to compare it with the generic reader.
    @_spi(Testing) public var usesFastPath = true
    /// The fast path's block: small ones in tests put rows across block ends and both threads to work.
    @_spi(Testing) public var fastPathBlockSize = PupilRecordScanner.blockSize

    public func read(from reader: any RowReader, date: ThaiDate, schools: [String: School]? = nil,
                     progress: ((ImportProgress) -> Void)? = nil) throws -> Result {
        let file = reader.displayName
        var tally = PupilTally(date: date)
        var headerDiagnostics: [Diagnostic] = []
        guard let header = try CSVHeaderFinder(columns: Self.columns)
            .find(in: reader, file: file, diagnostics: &headerDiagnostics) else {
            return tally.result(diagnostics: headerDiagnostics)
        }
        guard !headerDiagnostics.hasErrors else { return tally.result(diagnostics: headerDiagnostics) }

        var limiter = DiagnosticLimiter(file: file)
        let columns = PupilRow.Columns(header)
        var bytesRead = reader.bytesRead
        if usesFastPath, let csv = reader as? CSVReader, let resume = csv.resumePoint,
           let scanner = PupilRecordScanner(header: header, columns: columns, file: file, date: date, schools: schools,
                                            separator: resume.separator, progressInterval: progressInterval,
                                            totalBytes: reader.totalBytes),
           let source = BlockSource(csv.origin, from: resume.offset) {
            // DMC rows are about 58 bytes; a file of wider rows grows the table as it goes.
            tally.expect(pupils: (reader.totalBytes - resume.offset) / 56)
            do {
                bytesRead = try scanner.run(source: source, offset: resume.offset, line: resume.line,
                                            tally: &tally, limiter: &limiter, progress: progress,
                                            blockSize: fastPathBlockSize,
                                            parallel: ProcessInfo.processInfo.activeProcessorCount > 1)
            } catch is PupilRecordScanner.NeedsGenericReader {
                // From the top with the generic reader; progress already reported is not repeated.
                var generic = self
                generic.usesFastPath = false
                var reported = 0
                return try generic.read(from: csv.reopened(), date: date, schools: schools, progress: progress.map { report in
                    { (current: ImportProgress) in
                        if current.bytesRead >= reported || current.bytesRead >= current.totalBytes {
                            reported = current.bytesRead
                            report(current)
                        }
                    }
                })
            }
        } else {
            var rowsSinceReport = 0
            while let row = try reader.next() {
                if let progress {
                    rowsSinceReport += 1
                    if rowsSinceReport >= progressInterval {
                        rowsSinceReport = 0
                        progress(ImportProgress(bytesRead: reader.bytesRead, totalBytes: reader.totalBytes,
                                                rows: tally.statistics.rows))
                    }
                }
                if row.isBlank { continue }
                PupilRow(row: row, header: header, columns: columns, file: file, date: date, schools: schools)
                    .record(into: &tally, diagnostics: &limiter)
            }
            bytesRead = reader.bytesRead
        }
        progress?(ImportProgress(bytesRead: bytesRead, totalBytes: reader.totalBytes, rows: tally.statistics.rows))
        var diagnostics = headerDiagnostics + limiter.finish()
        diagnostics += tally.summary(file: file, headerLine: header.record.line, schools: schools)
        if let note = reader.formatNote() { diagnostics.append(note) }
        return tally.result(diagnostics: diagnostics)
    }
}
