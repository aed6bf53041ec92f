import Foundation
import KhetCore

/// Writes a `SampleArea` as the files an analyst would prepare for `khet run`: `schools.csv`,
/// one `pupils-<date>.csv` per snapshot, the latest snapshot's pupil records
/// (`pupils-<date>-records.csv`) and a `batch.toml` that ties them together; and the snapshots
/// again as DMC-style workbooks (`pupils-<date>.xlsx`) with `batch-xlsx.toml`, which reads them;
/// and the fiscal year's pay batches in `year/` (`SampleYearBatches`).
///
/// Files are UTF-8 without BOM, LF line endings, rows sorted by school code, so the committed
/// sample only changes when the generator does. Each file is written under a temporary name in
/// the same folder and renamed into place, so a reader never sees half a file.
struct SampleAreaWriter {
    static let schoolsFileName = "schools.csv"
    static let batchFileName = "batch.toml"
    static let workbookBatchFileName = "batch-xlsx.toml"
    static let areaName = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2"
    static let schoolsHeader = ["รหัสโรงเรียน", "ชื่อโรงเรียน", "อำเภอ", "พักนอน", "พื้นที่พิเศษ"]
    /// A primary area teaches no ม.4–ม.6, so those columns are left out.
    static let pupilGrades = Grade.allCases.filter { $0 <= .m3 }
    static let totalHeader = "รวม"

    static func pupilsFileName(for date: ThaiDate) -> String { "pupils-\(date.isoBE).csv" }
    static let poorFileName = "poor-pupils.csv"
    static let boardersFileName = "boarders.csv"

    let area: SampleArea
    let needs: SampleNeeds
    let fiscalYear: Int
    /// The batch's `output` value, relative to the batch file.
    let output: String
    /// The sample's seed, for the pupil records' own draws.
    let seed: UInt64

    init(area: SampleArea, needs: SampleNeeds = SampleNeeds(), fiscalYear: Int, output: String, seed: UInt64) {
        self.needs = needs
        self.area = area
        self.fiscalYear = fiscalYear
        self.output = output
        self.seed = seed
    }

    /// The latest snapshot also comes as pupil records, which the batch can use instead.
    private var recordsSnapshot: Snapshot? { area.snapshots.last }

    func pupilRecordsCSV(_ snapshot: Snapshot) -> String {
        SamplePupilRecords(schools: area.schools, snapshot: snapshot, needs: needs, seed: seed).csv()
    }

    private var schoolsByCode: [School] { area.schools.sorted { $0.code < $1.code } }

    func schoolsCSV() -> String {
        var lines = [SampleCSV.line(SampleAreaWriter.schoolsHeader)]
        lines.reserveCapacity(area.schools.count + 1)
        for school in schoolsByCode {
            lines.append(SampleCSV.line([school.code, school.name, school.district,
                                   school.isBoarding ? "1" : "0", school.isSpecialArea ? "1" : "0"]))
        }
        return SampleCSV.document(lines)
    }

    /// Every school gets a row, with zeros where the snapshot has none; รวม is the row's sum.
    func pupilsCSV(_ snapshot: Snapshot) -> String {
        gradeCountsCSV(schoolsByCode.map { ($0.code, snapshot.counts(for: $0.code)) })
    }

    /// Poor or boarding pupils per grade, in the pupils files' format: only schools that have some.
    func needsCSV(_ counts: [String: GradeCounts]) -> String {
        gradeCountsCSV(schoolsByCode.compactMap { school in counts[school.code].map { (school.code, $0) } })
    }

    private func gradeCountsCSV(_ rows: [(code: String, counts: GradeCounts)]) -> String {
        let grades = SampleAreaWriter.pupilGrades
        var lines = [SampleCSV.line(["รหัสโรงเรียน"] + grades.map(\.thaiCode) + [SampleAreaWriter.totalHeader])]
        lines.reserveCapacity(rows.count + 1)
        for (code, counts) in rows {
            let values = grades.map { counts[$0] }
            let fields = [code] + values.map(String.init) + [String(values.reduce(0, +))]
            lines.append(SampleCSV.line(fields))
        }
        return SampleCSV.document(lines)
    }

    /// The batch; `fromWorkbooks` reads the snapshots from the DMC-style workbooks instead, into
    /// an output folder of its own.
    func batchTOML(fromWorkbooks: Bool = false) -> String {
        let year = fiscalYear
        let heading = fromWorkbooks
            ? "# Khet batch: the sample area with its snapshots read from DMC-style workbooks (pupils-<date>.xlsx).\n# Its allocation workbook is the same, byte for byte, as batch.toml's."
            : "# Khet batch: the synthetic sample area (all names and codes are fictional)."
        let output = fromWorkbooks ? self.output + "-xlsx" : self.output
        var text = """
        \(heading)
        fiscal_year = \(year)
        framework = "fy\(year)"            # a bundled framework (templates/frameworks/fy\(year).xml) or a path to an XML file
        date = "\(year)-07-15"             # the batch date (BE): printed on outputs and stamped as the workbook creation time
        output = \(SampleTOML.string(output))   # relative to this file; `khet run --output DIR` overrides it
        language = "th"                 # "th" or "en"

        \(SampleAreaWriter.areaTable)
        [inputs]
        schools = \(SampleTOML.string(SampleAreaWriter.schoolsFileName))
        poor = \(SampleTOML.string(SampleAreaWriter.poorFileName))          # poor pupils per grade
        boarders = \(SampleTOML.string(SampleAreaWriter.boardersFileName))     # boarding pupils per grade
        action_plan = \(SampleTOML.string(SampleActionPlan.fileName(fiscalYear: year)))   # the action plan with its results (XML or CSV)

        """
        for (index, snapshot) in area.snapshots.enumerated() {
            let file = fromWorkbooks ? SampleDMCWorkbook.fileName(for: snapshot.date) : SampleAreaWriter.pupilsFileName(for: snapshot.date)
            // The first sheet is read when none is named; the last entry names it, as an example.
            let sheet = fromWorkbooks && index == area.snapshots.count - 1
                ? "\nsheet = \(SampleTOML.string(SampleDMCWorkbook.sheetName))    # the sheet to read; the first one when left out" : ""
            text += """

            [[inputs.pupils]]
            date = \(SampleTOML.string(snapshot.date.isoBE))
            file = \(SampleTOML.string(file))\(sheet)

            """
        }
        if let latest = recordsSnapshot, !fromWorkbooks {
            text += """

            # The \(latest.date.isoBE) count also comes as pupil records (one row per pupil), which give the
            # poor and boarding pupils too and the same funded pupils per grade. To use them, replace
            # the [[inputs.pupils]] entry of \(latest.date.isoBE) with:
            #   [[inputs.pupil_records]]
            #   date = \(SampleTOML.string(latest.date.isoBE))
            #   file = \(SampleTOML.string(SamplePupilRecords.fileName(for: latest.date)))
            # The poor and boarder lists above match the records' flags; while they are listed they win.

            """
        }
        text += """

        # The covering letter of every school notice (all keys optional; see README, "The notice letter").
        \(SampleAreaWriter.letterTable(date: "\(year)-07-15"))
        """
        return text
    }

    /// The batch's `[area]`, the same in every batch of the sample.
    static let areaTable = """
        [area]
        code = "6302"
        name = \(SampleTOML.string(areaName))
        short_name = "สพป.ตาก เขต 2"

        """

    /// The batch's `[letter]`; without `date` the letter is dated the batch date.
    static func letterTable(date: String?) -> String {
        let dateLine = date.map { "date = \"\($0)\"                   # the date on the letter (BE); the batch date when missing\n" } ?? ""
        return """
            [letter]
            number_prefix = "ศธ 04999/ว"         # the office's letter number; the running number is written in by the registry
            \(dateLine)signer_name = "นายสมมติ ใจดี"          # fictional, like every name in the sample
            signer_position = "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2"
            letterhead = ["สำนักงานเขตพื้นที่การศึกษา", "ประถมศึกษาตาก เขต 2", "อำเภอแม่สอด จังหวัดตาก 63110"]
            contact = ["กลุ่มนโยบายและแผน", "โทร. 0 5500 0000"]

            """
    }

    /// Writes every file into `folder` (created if missing) and returns their URLs in the order
    /// written: schools, pupils oldest first, batch last so a batch never points at missing files.
    @discardableResult
    func write(to folder: URL) throws -> [URL] {
        try SampleFileSystem.createFolder(folder)
        typealias Producer = (_ write: ([UInt8]) throws -> Void) throws -> Void
        func text(_ make: @escaping () -> String) -> Producer { { write in try write(Array(make().utf8)) } }
        var files: [(name: String, produce: Producer)] = [(SampleAreaWriter.schoolsFileName, text(schoolsCSV))]
        for snapshot in area.snapshots {
            files.append((SampleAreaWriter.pupilsFileName(for: snapshot.date), text { pupilsCSV(snapshot) }))
        }
        files.append((SampleAreaWriter.poorFileName, text { needsCSV(needs.poorPupils) }))
        files.append((SampleAreaWriter.boardersFileName, text { needsCSV(needs.boarders) }))
        if let latest = recordsSnapshot {
            // The largest file by far (a national sample has six million rows): streamed to disk.
            let records = SamplePupilRecords(schools: area.schools, snapshot: latest, needs: needs, seed: seed)
            files.append((SamplePupilRecords.fileName(for: latest.date), { write in try records.write(write) }))
        }
        let actionPlan = SampleActionPlan(seed: seed, fiscalYear: fiscalYear)
        files.append((SampleActionPlan.fileName(fiscalYear: fiscalYear), text(actionPlan.xml)))
        let created = ThaiDate(year: fiscalYear, month: 7, day: 15)?.unixTime ?? 1
        for snapshot in area.snapshots {
            let workbook = SampleDMCWorkbook(schools: area.schools, snapshot: snapshot, areaName: SampleAreaWriter.areaName, created: created)
            files.append((SampleDMCWorkbook.fileName(for: snapshot.date), { write in try write(workbook.bytes()) }))
        }
        // The fiscal year's pay batches, in a folder of their own, once the files they read are written.
        let year = SampleYearBatches(area: area, fiscalYear: fiscalYear, output: output)
        for batch in year.batches() {
            files.append((SampleYearBatches.folderName + "/" + batch.fileName, text { batch.text }))
        }
        files.append((SampleAreaWriter.workbookBatchFileName, text { batchTOML(fromWorkbooks: true) }))
        files.append((SampleAreaWriter.batchFileName, text { batchTOML() }))
        try SampleFileSystem.createFolder(folder.appendingPathComponent(SampleYearBatches.folderName))
        var written: [URL] = []
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try SampleFileSystem.writeAtomically(to: url, file.produce)
            written.append(url)
        }
        return written
    }
}

/// RFC 4180 with LF line ends: a field is quoted only when it holds a comma, a quote or a line
/// break, and quotes inside are doubled.
enum SampleCSV {
    static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }

    static func document(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
enum SampleTOML {
    static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
