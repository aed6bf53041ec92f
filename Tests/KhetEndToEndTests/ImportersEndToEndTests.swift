import Foundation
import KhetTestSupport
import XCTest

/// The importers through the built `khet`: a batch on pupil records instead of a per-grade
/// snapshot, school data as XML, and what `khet validate` prints about broken real-world files.
final class ImportersEndToEndTests: XCTestCase {
    private let perGradeEntry = """
        [[inputs.pupils]]
        date = "2568-06-10"
        file = "pupils-2568-06-10.csv"
        """
    private let recordsEntry = """
        [[inputs.pupil_records]]
        date = "2568-06-10"
        file = "pupils-2568-06-10-records.csv"
        """

    private func sampleCopy(usingRecords: Bool) throws -> TemporaryDirectory {
        let folder = try Repository.sampleCopy("khet-e2e-importers")
        if usingRecords {
            let batch = try String(contentsOfFile: folder.file("batch.toml"), encoding: .utf8)
            XCTAssertTrue(batch.contains(perGradeEntry))
            try batch.replacingOccurrences(of: perGradeEntry, with: recordsEntry)
                .write(toFile: folder.file("batch.toml"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    private func areaTotal(_ workbook: String) throws -> Double {
        let summary = try XCTUnwrap(try WorkbookReader.read(workbook).sheet("สรุป"))
        let row = try XCTUnwrap((1...summary.maxRow).first { summary.cells["A\($0)"]?.string == "รวมทั้งเขตพื้นที่" })
        return try XCTUnwrap(summary.values["I\(row)"]?.number)
    }

    func testPupilRecordsGiveTheSameMoneyAsThePerGradeCount() throws {
        let perGrade = try sampleCopy(usingRecords: false)
        let records = try sampleCopy(usingRecords: true)
        let first = try ProcessRunner.khet(["run", perGrade.file("batch.toml"), "--output", perGrade.file("out")])
        let second = try ProcessRunner.khet(["run", records.file("batch.toml"), "--output", records.file("out")])
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertEqual(second.status, 0, second.standardError)
        XCTAssertTrue(second.standardError.contains("pupils-2568-06-10-records.csv: note: 14 pupil(s) in 8 school(s) are under 4 years old on 10 June 2568 BE and are not funded [REC011]"),
                      second.standardError)
        XCTAssertEqual(try areaTotal(perGrade.file("out/allocation-2568.xlsx")),
                       try areaTotal(records.file("out/allocation-2568.xlsx")))
        let manifest = try String(contentsOfFile: records.file("out/manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("pupil records 2568-06-10"), manifest)
    }

    func testBrokenRecordsAreReportedMaskedAndGroupedByFile() throws {
        let folder = try sampleCopy(usingRecords: true)
        let path = folder.file("pupils-2568-06-10-records.csv")
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[5].components(separatedBy: ",")
        let goodID = cells[1]
        let badID = String(goodID.dropLast()) + String(((goodID.last?.wholeNumberValue ?? 0) + 1) % 10)
        let birth = cells[4]
        cells[1] = badID
        lines[5] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let result = try ProcessRunner.khet(["validate", folder.file("batch.toml")])
        XCTAssertEqual(result.status, 65)
        let masked = "\(badID.prefix(1))-\(badID.dropFirst().prefix(4))-xxxxx-xx-\(badID.suffix(1))"
        XCTAssertTrue(result.standardError.contains("\(path) — 1 error, 0 warnings, 1 note\n"), result.standardError)
        XCTAssertTrue(result.standardError.contains("  \(path):6:12: error: national ID \(masked) fails its check digit [REC004]"),
                      result.standardError)
        for secret in [badID, goodID, birth] {
            XCTAssertFalse((result.standardError + result.standardOutput).contains(secret), "output shows '\(secret)'")
        }
        XCTAssertTrue(result.standardOutput.hasPrefix("1 error, 0 warnings in 9 files"), result.standardOutput)

        let thai = try ProcessRunner.khet(["validate", "--thai", folder.file("batch.toml")])
        XCTAssertTrue(thai.standardError.contains("error: เลขประจำตัวประชาชน \(masked) หลักตรวจสอบไม่ถูกต้อง [REC004]"),
                      thai.standardError)
    }

    func testWindows874SchoolsFileFromThaiExcel() throws {
        let folder = try sampleCopy(usingRecords: false)
        let text = try String(contentsOfFile: folder.file("schools.csv"), encoding: .utf8)
        let bytes = text.unicodeScalars.map { scalar -> UInt8 in
            scalar.value < 0x80 ? UInt8(scalar.value) : UInt8(scalar.value - 0x0E01 + 0xA1)
        }
        try Data(bytes.map { $0 == 0x2C ? 0x3B : $0 }).write(to: folder.url.appendingPathComponent("schools.csv"))
        let result = try ProcessRunner.khet(["validate", folder.file("batch.toml")])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardError.contains("note: read as Windows-874 (TIS-620, Thai), fields separated by semicolons [CSV015]"),
                      result.standardError)
        XCTAssertTrue(result.standardOutput.hasPrefix("0 errors, 0 warnings in 9 files: 200 schools, 3 pupil snapshots"),
                      result.standardOutput)
    }

    func testSchoolDataXMLCarriesSchoolsAndSnapshots() throws {
        let folder = try TemporaryDirectory("khet-e2e-xml")
        try folder.write("area.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <school-data area="6302">
              <schools>
                <school code="9963020001" district="แม่สอด"><name>โรงเรียนบ้านหนึ่ง</name></school>
              </schools>
              <snapshot date="2567-06-10"><counts school="9963020001"><grade code="ป.1" pupils="20"/></counts></snapshot>
              <snapshot date="2567-11-10"><counts school="9963020001"><grade code="ป.1" pupils="19"/></counts></snapshot>
              <snapshot date="2568-06-10"><counts school="9963020001"><grade code="ป.1" pupils="21"/></counts></snapshot>
            </school-data>

            """)
        try folder.write("batch.toml", """
            fiscal_year = 2568
            framework = "fy2568"
            date = "2568-07-15"
            output = "out"
            [area]
            code = "6302"
            name = "เขตทดสอบ"
            [inputs]
            schools = "area.xml"

            """)
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml")])
        XCTAssertEqual(result.status, 0, result.standardError)
        let summary = try XCTUnwrap(try WorkbookReader.read(folder.file("out/allocation-2568.xlsx")).sheet("สรุป"))
        XCTAssertEqual(summary.values["D6"]?.number, 21, "pupils on the latest snapshot, from the XML")

        try folder.write("area.xml", "<school-data>\n  <schools>\n</school-data>\n")
        let broken = try ProcessRunner.khet(["validate", folder.file("batch.toml")])
        XCTAssertEqual(broken.status, 65)
        XCTAssertTrue(broken.standardError.contains("area.xml:3:"), broken.standardError)
        XCTAssertTrue(broken.standardError.contains("[XML001]"), broken.standardError)
    }
}
