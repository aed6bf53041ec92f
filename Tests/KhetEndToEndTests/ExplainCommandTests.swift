import Foundation
import KhetTestSupport
import XCTest

/// `khet explain` end to end: the built binary on a copy of the sample area, checked against
/// numbers the test reads from the sample's CSVs, framework and workbook itself, and on a small
/// hand-made batch whose whole explanation is written out below.
final class ExplainCommandTests: XCTestCase {
    private func sampleCopy() throws -> TemporaryDirectory { try Repository.sampleCopy("khet-explain") }

    /// The rows of a simple CSV (the sample's files have no quoted fields).
    private func csvRows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8)
            .split(whereSeparator: \.isNewline).map { $0.components(separatedBy: ",") }
    }

    /// `57000` baht as `57,000.00`, written here rather than taken from Money.
    private func baht(_ whole: Int) -> String {
        let digits = String(whole)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped + ".00"
    }

    /// The annual tuition rate of a level in a bundled framework file.
    private func tuitionRate(level: String, framework: String) throws -> Int {
        let xml = try String(contentsOfFile: Repository.path("templates/frameworks/\(framework).xml"), encoding: .utf8)
        let item = try XCTUnwrap(xml.range(of: "<item id=\"tuition\""))
        let rest = xml[item.upperBound...]
        let end = try XCTUnwrap(rest.range(of: "</item>"))
        let rate = try XCTUnwrap(rest[..<end.lowerBound].range(of: "level=\"\(level)\" baht=\""))
        return try XCTUnwrap(Int(rest[rate.upperBound...].prefix { $0.isNumber }))
    }

    /// The lines of `output` after the first line equal to `heading`, up to the next line as
    /// little or less indented.
    private func section(_ lines: [String], after heading: String) throws -> [String] {
        let start = try XCTUnwrap(lines.firstIndex(of: heading), "no heading '\(heading)'")
        let indent = heading.prefix { $0 == " " }.count
        return Array(lines[(start + 1)...].prefix { $0.prefix { $0 == " " }.count > indent })
    }

    func testTuitionLineShowsCountTimesRateFromTheSampleFiles() throws {
        let folder = try sampleCopy()
        let schools = try csvRows(folder.file("schools.csv"))
        let code = schools[1][0]
        let pupils = try csvRows(folder.file("pupils-2567-06-10.csv"))
        let column = try XCTUnwrap(pupils[0].firstIndex(of: "ป.1"))
        let row = try XCTUnwrap(pupils.first { $0[0] == code })
        let count = try XCTUnwrap(Int(row[column]))
        // Term 2 pays the later half of the annual rate: the odd baht goes to term 2.
        let annual = try tuitionRate(level: "pri", framework: "fy2568")
        let rate = annual - annual / 2

        let result = try ProcessRunner.khet(["explain", folder.file("batch.toml"), code])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.components(separatedBy: "\n")
        let term = try section(lines, after: "  ภาคเรียนที่ 2/2567: นับ ณ 10 มิ.ย. 2567")
        let tuition = try section(term, after: "    ค่าจัดการเรียนการสอน (เงินอุดหนุนรายหัว)")
        let line = try XCTUnwrap(tuition.first { $0.hasPrefix("      ป.1 ") }, tuition.joined(separator: "\n"))
        let words = line.split(separator: " ").map(String.init)
        XCTAssertEqual(words, ["ป.1", "\(count)", "×", baht(rate), "=", baht(count * rate)], line)
        XCTAssertTrue(lines.contains("โรงเรียน    \(code) \(schools[1][1])"), result.standardOutput)
        XCTAssertTrue(lines.first?.hasPrefix("ร่าง") ?? false, "the provisional framework is pointed out")
    }

    func testFiscalYearTotalEqualsTheWorkbookToTheSatang() throws {
        let folder = try sampleCopy()
        let run = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", folder.file("out"), "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let summary = try XCTUnwrap(WorkbookReader.read(folder.file("out/allocation-2568.xlsx")).sheet("สรุป"))
        let header = try XCTUnwrap(summary.cells.first { $0.value.string == "รวมทั้งปีงบประมาณ" }?.key)
        let totalColumn = String(header.prefix { $0.isLetter })
        let headerRow = try XCTUnwrap(Int(header.drop { $0.isLetter }))

        for row in [headerRow + 1, headerRow + 57, headerRow + 200] {
            let code = try XCTUnwrap(summary.cells["A\(row)"]?.string)
            let expected = Int(((summary.values["\(totalColumn)\(row)"]?.number ?? -1) * 100).rounded())
            let result = try ProcessRunner.khet(["explain", folder.file("batch.toml"), code])
            XCTAssertEqual(result.status, 0, result.standardError)
            let lines = result.standardOutput.components(separatedBy: "\n")
            let totalLine = try XCTUnwrap(lines.first { $0.hasPrefix("รวมทั้งปีงบประมาณ 2568 ") })
            let printed = try XCTUnwrap(totalLine.split(separator: " ").last)
            XCTAssertEqual(Int(printed.filter { $0 != "," && $0 != "." }), expected, "school \(code): \(totalLine)")
            let index = try XCTUnwrap(lines.firstIndex(of: totalLine))
            XCTAssertTrue(lines[index + 1].hasPrefix("(") && lines[index + 1].hasSuffix("บาทถ้วน)"), "the total in Thai words")
        }
    }

    func testEnglishGivesEnglishLabelsAndLatinGrades() throws {
        let folder = try sampleCopy()
        let code = try csvRows(folder.file("schools.csv"))[1][0]
        let result = try ProcessRunner.khet(["explain", folder.file("batch.toml"), code, "--lang", "en"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let output = result.standardOutput
        for label in ["DRAFT", "School ", "District ", "Fiscal year ", "Free 15-year education",
                      "  Term 2/2567: counted on 10 June 2567 BE", "    Tuition subsidy (per head)", "Tuition subsidy total",
                      "less the advance already paid", "Programme total", "Fiscal year 2568 total"] {
            XCTAssertTrue(output.contains(label), "missing '\(label)' in\n\(output)")
        }
        XCTAssertNotNil(output.range(of: #"\n      P1 +\d+ × +950\.00 += +[\d,]+\.00\n"#, options: .regularExpression))
        XCTAssertNotNil(output.range(of: #"\n      P3 +70% × \d+ \(P2, 10 Nov 2567 BE\) = [\d.]+( → \d+)? × +950\.00 = +[\d,]+\.00\n"#,
                                     options: .regularExpression), output)
        XCTAssertNil(output.range(of: "ป.1"), "grades are in Latin codes")
        XCTAssertNil(output.range(of: "บาทถ้วน"), "no Thai words for the total in English")
    }

    func testUnknownCodeListsACloseMatch() throws {
        let folder = try sampleCopy()
        let schools = try csvRows(folder.file("schools.csv")).dropFirst()
        let codes = Set(schools.map { $0[0] })
        let school = try XCTUnwrap(schools.dropFirst(41).first)
        // One digit wrong, making a code that no school has.
        var typo = Array(school[0])
        typo[7] = typo[7] == "9" ? "8" : "9"
        let typed = String(typo)
        XCTAssertFalse(codes.contains(typed))

        let result = try ProcessRunner.khet(["explain", folder.file("batch.toml"), typed])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.standardOutput, "")
        XCTAssertTrue(result.standardError.contains("khet: no school '\(typed)' in \(folder.path)/schools.csv\n"), result.standardError)
        let suggestions = try XCTUnwrap(result.standardError.components(separatedBy: "\n").first { $0.hasPrefix("did you mean: ") })
        XCTAssertTrue(suggestions.contains("\(school[0]) \(school[1])"), suggestions)
        XCTAssertLessThanOrEqual(suggestions.components(separatedBy: ", ").count, 5)
    }

    func testNameFragmentFindsTheSchool() throws {
        let folder = try sampleCopy()
        let school = try XCTUnwrap(try csvRows(folder.file("schools.csv")).dropFirst(3).first)
        let fragment = String(school[1].dropFirst("โรงเรียน".count))
        let result = try ProcessRunner.khet(["explain", folder.file("batch.toml"), fragment])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.standardError.contains("khet: no school '\(fragment)' in "), result.standardError)
        XCTAssertTrue(result.standardError.contains("did you mean: ") && result.standardError.contains("\(school[0]) \(school[1])"),
                      result.standardError)
    }

    func testInputErrorsExitSixtyFiveWithTheirPlace() throws {
        let folder = try sampleCopy()
        let path = folder.file("pupils-2567-11-10.csv")
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[4].components(separatedBy: ",")
        cells[4] = "สิบ"
        lines[4] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let column = cells[0..<4].joined(separator: ",").count + 2

        let result = try ProcessRunner.khet(["explain", folder.file("batch.toml"), cells[0]])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.standardOutput, "")
        XCTAssertTrue(result.standardError.contains("\(path):5:\(column): error: 'สิบ' is not a pupil count for ป.1 [PUP005]"),
                      result.standardError)

        try FileManager.default.removeItem(atPath: folder.file("schools.csv"))
        let missing = try ProcessRunner.khet(["explain", folder.file("batch.toml"), cells[0]])
        XCTAssertEqual(missing.status, 66)
        XCTAssertTrue(missing.standardError.contains("\(folder.path)/schools.csv: error: file not found [FILE001]"), missing.standardError)
    }

    // MARK: - A hand-made batch

    /// Fiscal year 2565 with the official classic rates (fy2565). School 1111111111 has 5 pupils
    /// in ป.5 on 10 June and 10 November 2564, then 2 in อ.1 and 3 in ป.6 on 10 June 2565, so the
    /// advance funds ป.6 on 70% × 5 = 3.5 → 4 pupils and textbooks' balance would be negative.
    /// School 2222222222 has no pupils at all.
    private func handMadeBatch() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory("khet-explain-hand")
        try folder.write("batch.toml", HandMadeBatch.toml(fiscalYear: 2565, framework: "fy2565", date: "2565-07-15",
                                                           snapshots: HandMadeBatch.snapshots2565))
        try folder.write("schools.csv", "รหัสโรงเรียน,ชื่อโรงเรียน,อำเภอ\n1111111111,โรงเรียนบ้านทดสอบ,เมือง\n2222222222,โรงเรียนบ้านว่าง,เมือง\n")
        try folder.write("june-2564.csv", "รหัสโรงเรียน,ป.5\n1111111111,5\n")
        try folder.write("november-2564.csv", "รหัสโรงเรียน,ป.5\n1111111111,5\n")
        try folder.write("june-2565.csv", "รหัสโรงเรียน,อ.1,ป.6\n1111111111,2,3\n")
        return folder
    }

    func testHandMadeBatchIsExplainedLineByLine() throws {
        let folder = try handMadeBatch()
        let result = try ProcessRunner.khet(["explain", folder.file("batch.toml"), "1111111111"])
        XCTAssertEqual(result.status, 0, result.standardError)
        // Rates of fy2565 per pupil: tuition 1,700/1,900 a year, half each term; supplies 100/195 and
        // activities 215/240 a term; uniforms 300/360 and textbooks (อ.1 200, ป.6 859) in term 1.
        // Term 2/2564: 4,750 + 975 + 1,200 = 6,925. Advance: 3,800 + 3,436 + 780 + 1,440 + 960 = 10,416.
        // Balance: 750 + 0 (−459 not recovered) + 5 + 240 + 190 = 1,185: 18,526 in all.
        // The school is small (5 pupils): fy2565's example top-up of 500 a head adds 2,500. Year: 21,026.
        let expected = """
            โรงเรียน    1111111111 โรงเรียนบ้านทดสอบ
            อำเภอ       เมือง
            นักเรียน     5 คน (10 มิ.ย. 2565)
            ปีงบประมาณ  2565
            กรอบอัตรา   กรอบอัตราเงินอุดหนุนโครงการสนับสนุนค่าใช้จ่ายฯ ปีงบประมาณ 2565 (อัตราเดิม)

            โครงการสนับสนุนค่าใช้จ่ายในการจัดการศึกษาตั้งแต่ระดับอนุบาลจนจบการศึกษาขั้นพื้นฐาน
              ภาคเรียนที่ 2/2564: นับ ณ 10 มิ.ย. 2564
                ค่าจัดการเรียนการสอน (เงินอุดหนุนรายหัว)
                  ป.5   5 × 950.00                                     =  4,750.00
                รวมค่าจัดการเรียนการสอน                                      4,750.00
                ค่าอุปกรณ์การเรียน
                  ป.5   5 × 195.00                                     =    975.00
                รวมค่าอุปกรณ์การเรียน                                           975.00
                ค่ากิจกรรมพัฒนาคุณภาพผู้เรียน
                  ป.5   5 × 240.00                                     =  1,200.00
                รวมค่ากิจกรรมพัฒนาคุณภาพผู้เรียน                                 1,200.00
              รวมภาคเรียนที่ 2/2564                                          6,925.00
              ภาคเรียนที่ 1/2565 งวดที่ 1 (ร้อยละ 70): นับ ณ 10 พ.ย. 2564 เลื่อนชั้น ปัดครึ่งขึ้นรายชั้น
                ค่าจัดการเรียนการสอน (เงินอุดหนุนรายหัว)
                  ป.6   70% × 5 (ป.5, 10 พ.ย. 2564) = 3.5 → 4 × 950.00 =  3,800.00
                รวมค่าจัดการเรียนการสอน                                      3,800.00
                ค่าหนังสือเรียน
                  ป.6   70% × 5 (ป.5, 10 พ.ย. 2564) = 3.5 → 4 × 859.00 =  3,436.00
                รวมค่าหนังสือเรียน                                            3,436.00
                ค่าอุปกรณ์การเรียน
                  ป.6   70% × 5 (ป.5, 10 พ.ย. 2564) = 3.5 → 4 × 195.00 =    780.00
                รวมค่าอุปกรณ์การเรียน                                           780.00
                ค่าเครื่องแบบนักเรียน
                  ป.6   70% × 5 (ป.5, 10 พ.ย. 2564) = 3.5 → 4 × 360.00 =  1,440.00
                รวมค่าเครื่องแบบนักเรียน                                       1,440.00
                ค่ากิจกรรมพัฒนาคุณภาพผู้เรียน
                  ป.6   70% × 5 (ป.5, 10 พ.ย. 2564) = 3.5 → 4 × 240.00 =    960.00
                รวมค่ากิจกรรมพัฒนาคุณภาพผู้เรียน                                   960.00
              รวมภาคเรียนที่ 1/2565 งวดที่ 1 (ร้อยละ 70)                       10,416.00
              ภาคเรียนที่ 1/2565 งวดที่ 2 (ส่วนที่เหลือ): นับ ณ 10 มิ.ย. 2565
                ค่าจัดการเรียนการสอน (เงินอุดหนุนรายหัว)
                  อ.1   2 × 850.00                                     =  1,700.00
                  ป.6   3 × 950.00                                     =  2,850.00
                  หักเงินงวดที่ 1 ที่จ่ายแล้ว                                    -3,800.00
                รวมค่าจัดการเรียนการสอน                                        750.00
                ค่าหนังสือเรียน
                  อ.1   2 × 200.00                                     =    400.00
                  ป.6   3 × 859.00                                     =  2,577.00
                  หักเงินงวดที่ 1 ที่จ่ายแล้ว                                    -3,436.00
                  ไม่เรียกคืนส่วนที่จ่ายเกิน (ยอดงวดที่ 2 ไม่ติดลบ)                     459.00
                รวมค่าหนังสือเรียน                                                0.00
                ค่าอุปกรณ์การเรียน
                  อ.1   2 × 100.00                                     =    200.00
                  ป.6   3 × 195.00                                     =    585.00
                  หักเงินงวดที่ 1 ที่จ่ายแล้ว                                      -780.00
                รวมค่าอุปกรณ์การเรียน                                             5.00
                ค่าเครื่องแบบนักเรียน
                  อ.1   2 × 300.00                                     =    600.00
                  ป.6   3 × 360.00                                     =  1,080.00
                  หักเงินงวดที่ 1 ที่จ่ายแล้ว                                    -1,440.00
                รวมค่าเครื่องแบบนักเรียน                                         240.00
                ค่ากิจกรรมพัฒนาคุณภาพผู้เรียน
                  อ.1   2 × 215.00                                     =    430.00
                  ป.6   3 × 240.00                                     =    720.00
                  หักเงินงวดที่ 1 ที่จ่ายแล้ว                                      -960.00
                รวมค่ากิจกรรมพัฒนาคุณภาพผู้เรียน                                   190.00
              รวมภาคเรียนที่ 1/2565 งวดที่ 2 (ส่วนที่เหลือ)                        1,185.00
            รวมทั้งโครงการ                                                 18,526.00

            เงินเพิ่มสำหรับโรงเรียนขนาดเล็ก (อัตราตัวอย่าง)
              ทั้งปีงบประมาณ 2565
                เงินเพิ่มรายหัวโรงเรียนขนาดเล็ก
                  ก่อนประถมศึกษา   2 × 500.00                            =  1,000.00
                  ประถมศึกษา      3 × 500.00                            =  1,500.00
                รวมเงินเพิ่มรายหัวโรงเรียนขนาดเล็ก                              2,500.00
            รวมทั้งโครงการ                                                  2,500.00

            รวมทั้งปีงบประมาณ 2565                                          21,026.00
            (สองหมื่นหนึ่งพันยี่สิบหกบาทถ้วน)

            """
        XCTAssertEqual(result.standardOutput, expected)
        // Amounts end in one column counted in grapheme clusters, whatever the Thai marks above and below.
        let amountLines = expected.components(separatedBy: "\n").filter { $0.hasSuffix(".00") }
        XCTAssertEqual(Set(amountLines.map(\.count)).count, 1, "amounts are right-aligned")
    }

    func testSchoolWithoutMoneyPrintsItsHeaderAndNoAllocation() throws {
        let folder = try handMadeBatch()
        let thai = try ProcessRunner.khet(["explain", folder.file("batch.toml"), "2222222222"])
        XCTAssertEqual(thai.status, 0, thai.standardError)
        XCTAssertEqual(thai.standardOutput, """
            โรงเรียน    2222222222 โรงเรียนบ้านว่าง
            อำเภอ       เมือง
            นักเรียน     0 คน (10 มิ.ย. 2565)
            ปีงบประมาณ  2565
            กรอบอัตรา   กรอบอัตราเงินอุดหนุนโครงการสนับสนุนค่าใช้จ่ายฯ ปีงบประมาณ 2565 (อัตราเดิม)

            ไม่ได้รับจัดสรร

            """)
        XCTAssertTrue(thai.standardError.contains("warning: 1 school(s) of the schools file have no row"), "warnings go to standard error")
        let english = try ProcessRunner.khet(["explain", folder.file("batch.toml"), "2222222222", "--lang", "en"])
        XCTAssertEqual(english.status, 0)
        XCTAssertTrue(english.standardOutput.hasPrefix("School       2222222222 โรงเรียนบ้านว่าง\nDistrict     เมือง\nPupils       0 (10 June 2565 BE)\n"),
                      english.standardOutput)
        XCTAssertTrue(english.standardOutput.hasSuffix("\nno allocation\n"), english.standardOutput)
    }
}
