import Foundation
import KhetCore
import KhetImport
import KhetTestSupport
import XCTest

/// DMC-style pupil records: one row per pupil, turned into funded pupils per grade, poor and
/// boarding pupils; with the checks on IDs, duplicates, ages and the masking of personal data.
final class PupilRecordsImporterTests: XCTestCase {
    private let date = ThaiDate(year: 2568, month: 6, day: 10)
    private let schools: [String: School] = [
        "9963020001": School(code: "9963020001", name: "A", district: "X", isBoarding: true),
        "9963020002": School(code: "9963020002", name: "B", district: "X"),
    ]

    /// A fictional ID with a correct check digit: 1, 99, a nine-digit number, the check digit.
    private func id(_ number: Int) -> String {
        let body = "199" + String(repeating: "0", count: 9 - String(number).count) + String(number)
        let digits = body.compactMap(\.wholeNumberValue)
        let sum = zip(digits, (2...13).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        return body + String((11 - sum % 11) % 10)
    }

    private func read(_ text: String, schools: [String: School]? = nil) throws -> PupilRecordsImporter.Result {
        try read(Array(text.utf8), schools: schools)
    }

    private func read(_ bytes: [UInt8], schools: [String: School]? = nil) throws -> PupilRecordsImporter.Result {
        try PupilRecordsImporter().read(from: CSVReader(bytes: bytes, displayName: "records.csv"),
                                        date: XCTUnwrap(date), schools: schools ?? self.schools)
    }

    func testCountsFundedPoorAndBoardingPupilsPerSchoolAndGrade() throws {
        let result = try read("""
            รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด,ยากจน,พักนอน
            9963020001,\(id(1)),ป.1,ชาย,01/03/2561,1,1
            9963020001,\(id(2)),ประถมศึกษาปีที่ 1,หญิง,2018-07-01,0,1
            9963020001,\(id(3)),ป.1/2,ญ,๑๕/๐๕/๒๕๖๑,ใช่,
            9963020001,\(id(4)),อ.1,ช,10/06/2564,0,0
            9963020002,\(id(5)),M1,M,01/01/2012,1,0
            9963020002,\(id(6)),อนุบาล 2,F,20/01/2563,,

            """)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.snapshot.date, date)
        let first = result.snapshot.counts(for: "9963020001")
        XCTAssertEqual(first[.p1], 3, "three spellings of ป.1")
        XCTAssertEqual(first[.k1], 1, "4 years old on the day itself is funded")
        XCTAssertEqual(result.snapshot.counts(for: "9963020002")[.m1], 1)
        XCTAssertEqual(result.snapshot.counts(for: "9963020002")[.k2], 1)
        XCTAssertEqual(result.poorPupils["9963020001"]?[.p1], 2)
        XCTAssertEqual(result.poorPupils["9963020002"]?[.m1], 1)
        XCTAssertEqual(result.boarders["9963020001"]?[.p1], 2)
        XCTAssertNil(result.boarders["9963020002"])
        XCTAssertEqual(result.statistics, .init(rows: 6, funded: 6, underFour: 0, duplicates: 0, rejected: 0))
    }

    func testEnglishHeadersInAnyOrderWithIgnoredNameColumns() throws {
        let result = try read("""
            dob;Grade;first_name;last_name;Sex;National ID;School Code
            2016-01-31;P3;Somchai;Jaidee;male;\(id(7));9963020002

            """)
        XCTAssertEqual(result.diagnostics.map(\.code), ["CSV015"], "semicolons noted, name columns silently ignored")
        XCTAssertEqual(result.snapshot.counts(for: "9963020002")[.p3], 1)
        XCTAssertEqual(result.poorPupils, [:], "no poor column means no poor pupils")
    }

    func testUnderFourAreCountedOutAndReported() throws {
        let result = try read("""
            รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด,ยากจน
            9963020001,\(id(1)),อ.1,ชาย,11/06/2564,1
            9963020001,\(id(2)),อ.1,หญิง,10/06/2564,0
            9963020002,\(id(3)),อ.1,หญิง,2021-12-01,0

            """)
        XCTAssertEqual(result.snapshot.counts(for: "9963020001")[.k1], 1)
        XCTAssertEqual(result.snapshot.counts(for: "9963020002")[.k1], 0)
        XCTAssertEqual(result.poorPupils["9963020001"]?[.k1] ?? 0, 0, "no poor-pupil money under 4 either")
        XCTAssertEqual(result.statistics.underFour, 2)
        let note = try XCTUnwrap(result.diagnostics.first { $0.code == "REC011" })
        XCTAssertEqual(note.severity, .note)
        XCTAssertTrue(note.message.hasPrefix("2 pupil(s) in 2 school(s) are under 4 years old on 10 June 2568 BE"), note.message)
        XCTAssertTrue(note.thaiMessage?.contains("10 มิถุนายน 2568") ?? false)
    }

    /// Thousands of pupils (the duplicate table grows several times), rows of two schools
    /// interleaved (the cached current school changes every row), duplicates far apart.
    func testDuplicatesAreFoundAmongThousandsOfPupilsInInterleavedSchools() throws {
        var text = "รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด\n"
        for number in 1...5000 {
            text += "99630200\(number % 2 == 0 ? "01" : "02"),\(id(number)),ป.2,ชาย,01/01/2560\n"
        }
        text += "9963020001,\(id(2)),ป.2,ชาย,01/01/2560\n"
        text += "9963020001,\(id(4999)),ป.2,ชาย,01/01/2560\n"
        let result = try read(text)
        XCTAssertEqual(result.snapshot.totalPupils, 5000)
        XCTAssertEqual(result.snapshot.counts(for: "9963020001")[.p2], 2500)
        XCTAssertEqual(result.snapshot.counts(for: "9963020002")[.p2], 2500)
        XCTAssertEqual(result.statistics.duplicates, 2)
        XCTAssertEqual(result.diagnostics.map { "\($0.code)@\($0.line)" }, ["REC005@5002", "REC006@5003"])
        XCTAssertTrue(result.diagnostics.last?.message.contains("(line 5000)") ?? false)
    }

    func testSamePupilTwiceInOneSchoolOrInTwoIsFundedOnce() throws {
        let result = try read("""
            รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด
            9963020001,\(id(1)),ป.2,ชาย,01/01/2560
            9963020001,\(id(1)),ป.2,ชาย,01/01/2560
            9963020002,1-9900-00000-01-\(id(1).suffix(1)),ป.2,ชาย,01/01/2560

            """)
        XCTAssertEqual(result.snapshot.totalPupils, 1)
        XCTAssertEqual(result.snapshot.counts(for: "9963020001")[.p2], 1)
        XCTAssertEqual(result.diagnostics.map { "\($0.code)@\($0.line):\($0.column)" }, ["REC005@3:12", "REC006@4:12"])
        XCTAssertEqual(result.diagnostics.map(\.severity), [.warning, .warning])
        XCTAssertTrue(result.diagnostics[0].message.contains("1-9900-xxxxx-xx-\(id(1).suffix(1))"))
        XCTAssertTrue(result.diagnostics[1].message.contains("also in school 9963020001 (line 2)"))
        XCTAssertEqual(result.statistics.duplicates, 2)
    }

    func testEveryBadCellIsPinnedAndExplained() throws {
        let result = try read("""
            รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด,ยากจน,พักนอน
            9963020001,1234567890123,ป.l,x,31/02/2560,maybe,0
            9999999999,12345,ป.๗,,,0,0
            9963020002,\(id(9)),ป.1,ชาย,01/01/2570,0,1

            """)
        let summary = result.diagnostics.map { "\($0.code)@\($0.line):\($0.column)" }
        XCTAssertEqual(summary, ["REC004@2:12", "REC007@2:26", "REC008@2:30", "REC009@2:32", "REC012@2:43",
                                 "REC002@3:1", "REC003@3:12", "REC007@3:18", "REC008@3:22", "REC009@3:23",
                                 "REC010@4:34"])
        let grade = try XCTUnwrap(result.diagnostics.first { $0.code == "REC007" })
        XCTAssertEqual(grade.hint, "did you mean ป.1?")
        XCTAssertTrue(result.diagnostics.allSatisfy { $0.thaiMessage != nil }, "every importer message has Thai text")
        XCTAssertEqual(result.statistics.rejected, 3)
        XCTAssertEqual(result.snapshot.totalPupils, 0)
    }

    /// PDPA: no national ID, name or birth date in any diagnostic, however broken the file.
    func testNoPersonalDataInAnyDiagnostic() throws {
        let ids = [id(11), id(12), "1234567890123", id(13)]
        let births = ["13/04/2561", "2017-11-30", "31/02/2560", "07/07/2590"]
        let names = ["สมชาย", "ใจดี", "Somying"]
        let result = try read("""
            รหัสโรงเรียน,เลขประจำตัวประชาชน,ชื่อ,นามสกุล,ชั้น,เพศ,วันเกิด,ยากจน
            9963020001,\(ids[0]),\(names[0]),\(names[1]),ป.1,ชาย,\(births[0]),0
            9963020002,\(ids[0]),\(names[2]),\(names[1]),ป.9,?,\(births[1]),0
            9999999999,\(ids[2]),\(names[0]),\(names[1]),ป.1,ชาย,\(births[2]),2
            9963020001,\(ids[3]),\(names[2]),\(names[1]),ป.1,ชาย,\(births[3]),0
            9963020001,\(ids[1]),\(names[0]),\(names[1]),ป.1,ชาย,01/01/2566,0

            """)
        XCTAssertGreaterThanOrEqual(result.diagnostics.count, 6)
        let texts = result.diagnostics.flatMap { [$0.message, $0.thaiMessage ?? "", $0.hint ?? "", $0.description] }
        for secret in ids + births + names + ids.map({ String($0.dropLast()) }) {
            XCTAssertFalse(texts.contains { $0.contains(secret) }, "a diagnostic shows '\(secret)'")
        }
        // Digits 6–12 of an ID (the masked part) appear nowhere either.
        for secret in ids { XCTAssertFalse(texts.contains { $0.contains(secret.dropFirst(5).prefix(7)) }) }
    }

    func testWindows874RecordsWithATitleRow() throws {
        let text = "ข้อมูลนักเรียนรายบุคคล ปีการศึกษา 2568\r\n"
            + "รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด,ยากจน,พักนอน\r\n"
            + "9963020001,\(id(21)),ป.4,หญิง,05/05/2558,ใช่,ไม่\r\n"
        let result = try read(windows874(text))
        XCTAssertEqual(result.diagnostics.map(\.code), ["CSV014", "CSV015"])
        XCTAssertEqual(result.snapshot.counts(for: "9963020001")[.p4], 1)
        XCTAssertEqual(result.poorPupils["9963020001"]?[.p4], 1)
    }

    func testBoardersInASchoolThatDoesNotBoardAreQuestioned() throws {
        let result = try read("""
            รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด,พักนอน
            9963020002,\(id(31)),ป.6,ชาย,01/01/2556,1

            """)
        XCTAssertEqual(result.diagnostics.map(\.code), ["REC016"])
        XCTAssertEqual(result.boarders["9963020002"]?[.p6], 1, "counted all the same")
    }

    func testMissingRequiredColumnAndSystematicErrorsAreSummed() throws {
        let missing = try read("รหัสโรงเรียน,ชั้น,เพศ,วันเกิด\n9963020001,ป.1,ชาย,01/01/2561\n")
        XCTAssertEqual(missing.diagnostics.errors.map(\.code), ["CSV012"])
        XCTAssertTrue(missing.diagnostics.errors.first?.message.contains("เลขประจำตัวประชาชน") ?? false)

        var text = "รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด\n"
        for index in 0..<100 { text += "9963020001,\(id(100 + index)),ป.9,ชาย,01/01/2561\n" }
        let flood = try read(text)
        XCTAssertEqual(flood.diagnostics.filter { $0.code == "REC007" }.count, 25)
        let rest = try XCTUnwrap(flood.diagnostics.first { $0.code == "REC099" })
        XCTAssertTrue(rest.message.hasPrefix("75 more REC007 problem(s)"), rest.message)
        XCTAssertTrue(flood.diagnostics.hasErrors)
    }

    func testGCodesAreAcceptedWithoutACheckDigit() throws {
        let result = try read("""
            รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด
            9963020001,G123456789012,ป.2,ชาย,01/01/2560
            9963020001,g-1234-56789-01-2,ป.2,ชาย,01/01/2560

            """)
        XCTAssertEqual(result.snapshot.totalPupils, 1)
        XCTAssertEqual(result.diagnostics.map(\.code), ["REC005"])
        XCTAssertTrue(result.diagnostics.first?.message.contains("G-1234-xxxxx-xx-2") ?? false)
    }

    /// The committed sample's pupil records give exactly its per-grade June count.
    func testSampleRecordsAgreeWithTheSamplePerGradeSnapshot() throws {
        let date = try XCTUnwrap(self.date)
        let perGrade = try SnapshotImporter().read(path: Repository.path("samples/tak2/pupils-2568-06-10.csv"),
                                                   displayName: "pupils.csv", date: date)
        let schoolList = try SchoolsImporter().read(path: Repository.path("samples/tak2/schools.csv"), displayName: "s.csv")
        let records = try PupilRecordsImporter().read(
            path: Repository.path("samples/tak2/pupils-2568-06-10-records.csv"), displayName: "records.csv", date: date,
            schools: Dictionary(uniqueKeysWithValues: schoolList.schools.map { ($0.code, $0) }))
        XCTAssertEqual(records.diagnostics.map(\.code), ["REC011"])
        XCTAssertEqual(records.snapshot.totalPupils, perGrade.snapshot.totalPupils)
        for (code, counts) in perGrade.snapshot.counts where counts.total > 0 {
            XCTAssertEqual(records.snapshot.counts(for: code), counts, code)
        }
        XCTAssertGreaterThan(records.poorPupils.values.reduce(0) { $0 + $1.total }, 1000)
        XCTAssertGreaterThan(records.boarders.values.reduce(0) { $0 + $1.total }, 100)
    }

    /// A long file reports its progress as it goes, ending with the whole file read.
    func testReportsProgressUpToTheWholeFile() throws {
        let path = Repository.path("samples/tak2/pupils-2568-06-10-records.csv")
        var reports: [ImportProgress] = []
        var importer = PupilRecordsImporter()
        importer.progressInterval = 4096
        let result = try importer.read(path: path, displayName: "records.csv", date: XCTUnwrap(date),
                                       progress: { reports.append($0) })
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertGreaterThan(reports.count, 1, "the sample has more rows than one report interval")
        XCTAssertEqual(reports.last, ImportProgress(bytesRead: size, totalBytes: size, rows: result.statistics.rows))
        XCTAssertEqual(reports.map(\.rows), reports.map(\.rows).sorted())
        XCTAssertTrue(reports.dropLast().allSatisfy { $0.bytesRead < size && $0.rows > 0 })
    }
}
