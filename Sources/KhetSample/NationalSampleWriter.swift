import Foundation
import KhetCore

/// Writes a `NationalSample` as a national data set for one `khet run`: `areas.csv`,
/// `schools.csv` (with each school's area), the two per-grade snapshots of the year before,
/// one national pupil-record file for 10 June of the fiscal year, and `batch.toml`.
/// Same conventions as `SampleAreaWriter`: UTF-8, LF, rows by code, each file renamed into place.
struct NationalSampleWriter {
    static let areasFileName = "areas.csv"
    static let areasHeader = ["รหัสเขต", "ชื่อเขต", "ชื่อย่อ"]
    static let schoolsHeader = ["รหัสโรงเรียน", "ชื่อโรงเรียน", "รหัสเขต", "อำเภอ", "พักนอน", "พื้นที่พิเศษ"]

    let sample: NationalSample
    let needs: SampleNeeds
    let fiscalYear: Int
    let output: String
    let seed: UInt64

    private var areaWriter: SampleAreaWriter {
        SampleAreaWriter(area: sample.country, needs: needs, fiscalYear: fiscalYear, output: output, seed: seed)
    }

    /// The per-grade snapshots: all but the latest, which comes as pupil records.
    private var countSnapshots: [Snapshot] { Array(sample.country.snapshots.dropLast()) }

    func areasCSV() -> String {
        var lines = [SampleCSV.line(NationalSampleWriter.areasHeader)]
        for area in sample.areas { lines.append(SampleCSV.line([area.code, area.name, area.shortName])) }
        return SampleCSV.document(lines)
    }

    func schoolsCSV() -> String {
        var lines = [SampleCSV.line(NationalSampleWriter.schoolsHeader)]
        lines.reserveCapacity(sample.country.schools.count + 1)
        for school in sample.country.schools.sorted(by: { $0.code < $1.code }) {
            lines.append(SampleCSV.line([school.code, school.name, sample.areaOfSchool[school.code] ?? "",
                                         school.district, school.isBoarding ? "1" : "0", school.isSpecialArea ? "1" : "0"]))
        }
        return SampleCSV.document(lines)
    }

    func batchTOML() -> String {
        let year = fiscalYear
        var text = """
        # Khet national batch: a synthetic country (all school names and codes are fictional).
        # One run imports everything once and writes one workbook per area and the national summary.
        fiscal_year = \(year)
        framework = "fy\(year)"
        date = "\(year)-07-15"
        output = \(SampleTOML.string(output))
        language = "th"

        [inputs]
        areas = \(SampleTOML.string(NationalSampleWriter.areasFileName))        # a national data set: schools.csv names each school's area
        schools = \(SampleTOML.string(SampleAreaWriter.schoolsFileName))

        """
        for snapshot in countSnapshots {
            text += """

            [[inputs.pupils]]
            date = \(SampleTOML.string(snapshot.date.isoBE))
            file = \(SampleTOML.string(SampleAreaWriter.pupilsFileName(for: snapshot.date)))

            """
        }
        if let latest = sample.country.snapshots.last {
            text += """

            [[inputs.pupil_records]]
            date = \(SampleTOML.string(latest.date.isoBE))
            file = \(SampleTOML.string(SamplePupilRecords.fileName(for: latest.date)))

            """
        }
        return text
    }

    /// Writes every file into `folder` and returns their URLs, the batch file last.
    @discardableResult
    func write(to folder: URL) throws -> [URL] {
        try SampleFileSystem.createFolder(folder)
        typealias Producer = (_ write: ([UInt8]) throws -> Void) throws -> Void
        func text(_ make: @escaping () -> String) -> Producer { { write in try write(Array(make().utf8)) } }
        var files: [(name: String, produce: Producer)] = [
            (NationalSampleWriter.areasFileName, text(areasCSV)),
            (SampleAreaWriter.schoolsFileName, text(schoolsCSV)),
        ]
        let writer = areaWriter
        for snapshot in countSnapshots {
            files.append((SampleAreaWriter.pupilsFileName(for: snapshot.date), text { writer.pupilsCSV(snapshot) }))
        }
        if let latest = sample.country.snapshots.last {
            let records = SamplePupilRecords(schools: sample.country.schools, snapshot: latest, needs: needs, seed: seed)
            files.append((SamplePupilRecords.fileName(for: latest.date), { write in try records.write(write) }))
        }
        files.append((SampleAreaWriter.batchFileName, text(batchTOML)))
        var written: [URL] = []
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try SampleFileSystem.writeAtomically(to: url, file.produce)
            written.append(url)
        }
        return written
    }
}
