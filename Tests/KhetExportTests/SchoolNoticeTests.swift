import Foundation
import KhetCalc
import KhetCore
import KhetExport
import KhetImport
import KhetTestSupport
import XCTest

/// The school notices, read back with openpyxl. The first school's notice is worked out by hand
/// from the classic FY2565 rates (domain §4.1), row by row.
final class SchoolNoticeTests: XCTestCase {
    private let schools = [
        School(code: "1063000002", name: "โรงเรียนบ้านสอง", district: "อุ้มผาง"),
        School(code: "1063000001", name: "โรงเรียนบ้านหนึ่ง", district: "แม่สอด"),
        School(code: "1063000003", name: "โรงเรียนบ้านว่าง", district: "พบพระ"),
    ]

    private func date(_ year: Int, _ month: Int, _ day: Int) throws -> ThaiDate {
        try XCTUnwrap(ThaiDate(year: year, month: month, day: day))
    }

    private func framework(_ name: String) throws -> Framework {
        let path = try XCTUnwrap(FrameworkReader.bundledPath(named: name))
        var framework = try XCTUnwrap(FrameworkReader().read(path: path, displayName: "\(name).xml").framework)
        framework.fiscalYear = FiscalYear(2568)
        return framework
    }

    /// School 1: pre-primary and primary pupils in every round. School 2: a handful of pupils.
    /// School 3: no pupils at all, so no money and no notice.
    private func report(framework name: String = "fy2565", language: Language = .thai) throws -> AreaAllocationReport {
        let framework = try framework(name)
        let snapshots = [
            Snapshot(date: try date(2567, 6, 10), counts: ["1063000001": GradeCounts([.k2: 5, .p1: 10, .p2: 12]),
                                                         "1063000002": GradeCounts([.p1: 3])]),
            Snapshot(date: try date(2567, 11, 10), counts: ["1063000001": GradeCounts([.k2: 5, .p1: 10, .p2: 12]),
                                                          "1063000002": GradeCounts([.p1: 3])]),
            Snapshot(date: try date(2568, 6, 10), counts: ["1063000001": GradeCounts([.k3: 5, .p1: 9, .p2: 10, .p3: 12]),
                                                         "1063000002": GradeCounts([.p2: 1])]),
        ]
        let allocation = try XCTUnwrap(FreeEducationCalculator(framework: framework))
            .allocate(schools: schools, snapshots: snapshots, fiscalYear: FiscalYear(2568))
        return AreaAllocationReport(
            area: Area(code: "6302", name: "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2", shortName: "สพป.ตาก เขต 2"),
            fiscalYear: FiscalYear(2568), framework: framework, schools: schools, snapshots: snapshots,
            allocation: allocation, diagnostics: [], batchDate: try date(2568, 7, 15), language: language)
    }

    private func writeNotices(_ report: AreaAllocationReport) throws -> ([NoticeRecord], TemporaryDirectory) {
        let folder = try TemporaryDirectory("khet-notices")
        return (try SchoolNotices(report: report).write(into: folder.url), folder)
    }

    private func notice(_ code: String, in folder: TemporaryDirectory) throws -> WorkbookContents.Sheet {
        try book(code, in: folder).sheets[1]
    }

    /// A notice: the letter, then its enclosure.
    private func book(_ code: String, in folder: TemporaryDirectory) throws -> WorkbookContents {
        let book = try WorkbookReader.read(folder.file("schools/\(code).xlsx"))
        XCTAssertEqual(book.sheetNames.count, 2)
        return book
    }

    /// The letter's text, cell by cell from the top, as one would read it.
    private func letterText(_ sheet: WorkbookContents.Sheet) -> [String] {
        (1...max(sheet.maxRow, 1)).flatMap { row in
            ["A", "B", "C", "D", "E", "F"].compactMap { sheet.cells["\($0)\(row)"]?.string }
        }
    }

    func testHandWorkedNoticeShowsEveryRowFormulaAndTotal() throws {
        let (records, folder) = try writeNotices(try report())
        let sheet = try notice("1063000001", in: folder)
        XCTAssertEqual(sheet.title, "สิ่งที่ส่งมาด้วย")
        XCTAssertEqual(sheet.cells["A1"]?.string, "รายละเอียดการจัดสรรเงินอุดหนุน ปีงบประมาณ 2568")
        XCTAssertEqual(sheet.cells["A2"]?.string, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2")
        XCTAssertEqual(sheet.cells["B4"]?.string, "โรงเรียนบ้านหนึ่ง")
        XCTAssertEqual(sheet.cells["B5"]?.string, "1063000001", "the code is text, leading digits kept")
        XCTAssertEqual(sheet.cells["D5"]?.string, "แม่สอด")
        XCTAssertEqual(sheet.cells["B6"]?.string, "2568")
        XCTAssertEqual(sheet.cells["D6"]?.string, "15 กรกฎาคม 2568", "the batch date, in BE")
        XCTAssertEqual(sheet.cells["B7"]?.string,
                       "ภาคเรียนที่ 2/2567; ภาคเรียนที่ 1/2568 งวดที่ 1 (ร้อยละ 70); ภาคเรียนที่ 1/2568 งวดที่ 2 (ส่วนที่เหลือ)")
        XCTAssertEqual(sheet.cells["A9"]?.string, "รายการ")
        XCTAssertEqual(sheet.printTitleRows, "$9:$9")

        let programme = "โครงการสนับสนุนค่าใช้จ่ายในการจัดการศึกษาตั้งแต่ระดับอนุบาลจนจบการศึกษาขั้นพื้นฐาน"
        let less = "หักเงินงวดที่ 1 ที่จ่ายแล้ว"
        // (row, item, level or grade, pupils, rate, amount): pupils × rate rows; pupils nil for
        // rows explained in words, whose text sits in column B.
        typealias Expected = (Int, String, String, Int?, Int?, Int)
        let tuition = "ค่าจัดการเรียนการสอน", books = "ค่าหนังสือเรียน", supplies = "ค่าอุปกรณ์การเรียน"
        let uniforms = "ค่าเครื่องแบบนักเรียน", activities = "ค่ากิจกรรมพัฒนาคุณภาพผู้เรียน"
        let pre = "ก่อนประถมศึกษา", pri = "ประถมศึกษา"
        let expected: [Expected] = [
            // Term 2/2567 on the 10 June 2567 count: K2 5, P1 10, P2 12. No textbooks or uniforms in term 2.
            (12, tuition, pre, 5, 850, 4_250), (13, tuition, pri, 22, 950, 20_900),
            (14, supplies, pre, 5, 100, 500), (15, supplies, pri, 22, 195, 4_290),
            (16, activities, pre, 5, 215, 1_075), (17, activities, pri, 22, 240, 5_280),
            // Advance on 10 November 2567 advanced one grade, 70% rounded half up per grade:
            // K3 ← K2 5 → 4; P1 (entry) 10 → 7; P2 ← P1 10 → 7; P3 ← P2 12 → 8.4 → 8. Primary 7+7+8 = 22.
            (21, tuition, pre, 4, 850, 3_400), (22, tuition, pri, 22, 950, 20_900),
            (23, books, "อ.3", 4, 200, 800), (24, books, "ป.1", 7, 656, 4_592),
            (25, books, "ป.2", 7, 650, 4_550), (26, books, "ป.3", 8, 653, 5_224),
            (27, supplies, pre, 4, 100, 400), (28, supplies, pri, 22, 195, 4_290),
            (29, uniforms, pre, 4, 300, 1_200), (30, uniforms, pri, 22, 360, 7_920),
            (31, activities, pre, 4, 215, 860), (32, activities, pri, 22, 240, 5_280),
            // Balance on 10 June 2568: K3 5, P1 9, P2 10, P3 12 (primary 31), less each item's advance.
            (36, tuition, pre, 5, 850, 4_250), (37, tuition, pri, 31, 950, 29_450), (38, tuition, less, nil, nil, -24_300),
            (39, books, "อ.3", 5, 200, 1_000), (40, books, "ป.1", 9, 656, 5_904),
            (41, books, "ป.2", 10, 650, 6_500), (42, books, "ป.3", 12, 653, 7_836), (43, books, less, nil, nil, -15_166),
            (44, supplies, pre, 5, 100, 500), (45, supplies, pri, 31, 195, 6_045), (46, supplies, less, nil, nil, -4_690),
            (47, uniforms, pre, 5, 300, 1_500), (48, uniforms, pri, 31, 360, 11_160), (49, uniforms, less, nil, nil, -9_120),
            (50, activities, pre, 5, 215, 1_075), (51, activities, pri, 31, 240, 7_440), (52, activities, less, nil, nil, -6_140),
        ]
        for (row, item, target, pupils, rate, amount) in expected {
            XCTAssertEqual(sheet.cells["A\(row)"]?.string, item, "row \(row)")
            XCTAssertEqual(sheet.cells["B\(row)"]?.string, target, "row \(row)")
            if let pupils, let rate {
                XCTAssertEqual(sheet.cells["C\(row)"]?.number, Double(pupils), "row \(row)")
                XCTAssertEqual(sheet.cells["D\(row)"]?.number, Double(rate), "row \(row)")
                XCTAssertEqual(sheet.cells["E\(row)"]?.string, "=C\(row)*D\(row)", "row \(row)")
            } else {
                XCTAssertTrue(sheet.merged.contains("B\(row):D\(row)"), "row \(row): the words span level to rate")
                XCTAssertNil(sheet.cells["C\(row)"], "row \(row)")
                XCTAssertEqual(sheet.cells["E\(row)"]?.number, Double(amount), "row \(row): a plain amount")
            }
            XCTAssertEqual(sheet.values["E\(row)"]?.number, Double(amount), "row \(row)")
        }
        XCTAssertEqual(sheet.numberFormats["E12"], "#,##0.00")
        XCTAssertEqual(sheet.fonts["E12"], "TH Sarabun New")

        // Round headings, the programme under each, subtotals as SUM formulas with their values.
        for (heading, title, subtotalRow, sum, value) in [
            (10, "ภาคเรียนที่ 2/2567", 18, "=SUM(E11:E17)", 36_295),
            (19, "ภาคเรียนที่ 1/2568 งวดที่ 1 (ร้อยละ 70)", 33, "=SUM(E20:E32)", 59_416),
            (34, "ภาคเรียนที่ 1/2568 งวดที่ 2 (ส่วนที่เหลือ)", 53, "=SUM(E35:E52)", 23_244),
        ] {
            XCTAssertEqual(sheet.cells["A\(heading)"]?.string, title)
            XCTAssertEqual(sheet.cells["A\(heading + 1)"]?.string, programme)
            XCTAssertEqual(sheet.cells["A\(subtotalRow)"]?.string, "รวม" + title)
            XCTAssertEqual(sheet.cells["E\(subtotalRow)"]?.string, sum)
            XCTAssertEqual(sheet.values["E\(subtotalRow)"]?.number, Double(value))
        }
        XCTAssertEqual(sheet.cells["A54"]?.string, "รวมทั้งสิ้น")
        XCTAssertEqual(sheet.cells["E54"]?.string, "=SUM(E18,E33,E53)")
        XCTAssertEqual(sheet.values["E54"]?.number, 118_955)
        XCTAssertEqual(sheet.cells["A55"]?.string, "ตัวอักษร")
        XCTAssertEqual(sheet.cells["B55"]?.string, "หนึ่งแสนหนึ่งหมื่นแปดพันเก้าร้อยห้าสิบห้าบาทถ้วน")

        // Where the rates come from: the framework, then each distinct citation of the rates used.
        XCTAssertEqual(sheet.cells["A57"]?.string, "ที่มาของอัตราที่ใช้")
        let framework = try framework("fy2565")
        XCTAssertEqual(sheet.cells["A58"]?.string, "กรอบอัตรา: \(framework.title)")
        XCTAssertEqual(sheet.cells["A59"]?.string, "ที่มา: \(framework.source)")
        let citations = (60...sheet.maxRow).compactMap { sheet.cells["A\($0)"]?.string }
        XCTAssertTrue(citations.allSatisfy { $0.hasPrefix("• ") })
        XCTAssertEqual(citations.count, Set(citations).count, "each source once")
        let usedRates = [framework.programmes[0].items[0].rate(for: .p1), framework.programmes[0].items[1].rate(for: .k3)]
        for rate in usedRates {
            XCTAssertTrue(citations.contains("• " + (rate?.source ?? "?")), "cites \(rate?.source ?? "?")")
        }
        let unused = try XCTUnwrap(framework.programmes[0].items[0].rate(for: .m1)?.source)
        XCTAssertFalse(citations.contains("• " + unused), "a rate that no row uses is not cited")

        let record = try XCTUnwrap(records.first { $0.school.code == "1063000001" })
        XCTAssertEqual(record.total, Money(baht: 118_955))
        XCTAssertEqual(record.path, "schools/1063000001.xlsx")
    }

    func testAggregationKeepsOneRowPerLevelAndRateAndOnePerGradeForGradeRates() throws {
        let (_, folder) = try writeNotices(try report())
        let sheet = try notice("1063000001", in: folder)
        func rows(_ item: String, from first: Int, to last: Int) -> [String] {
            (first...last).filter { sheet.cells["A\($0)"]?.string == item && sheet.cells["C\($0)"] != nil }
                .compactMap { sheet.cells["B\($0)"]?.string }
        }
        // Three primary grades at the primary rate: one row; textbooks, with a rate per grade, one row each.
        XCTAssertEqual(rows("ค่าจัดการเรียนการสอน", from: 34, to: 53), ["ก่อนประถมศึกษา", "ประถมศึกษา"])
        XCTAssertEqual(rows("ค่าหนังสือเรียน", from: 34, to: 53), ["อ.3", "ป.1", "ป.2", "ป.3"])
        XCTAssertEqual(rows("ค่าหนังสือเรียน", from: 10, to: 18), [], "no textbooks in term 2")
    }

    func testProgrammesTheNoticeHasNeverSeenAppearAsTheyAre() throws {
        // A second programme, with bases the free-education calculator never makes: the notice
        // shows it without knowing anything about it.
        var framework = try framework("fy2565")
        let poor = Programme(id: "poor-pupils", thaiName: "ปัจจัยพื้นฐานนักเรียนยากจน", englishName: "Basic needs for poor pupils",
                             items: [FundingItem(id: "basics", thaiName: "ค่าปัจจัยพื้นฐาน (นักเรียนยากจน)", englishName: "Basics",
                                                 unit: .perYear, paidIn: .term1,
                                                 rates: [Rate(target: .level(.primary), amount: Money(baht: 1_000),
                                                              source: "หลักเกณฑ์ 2557", confidence: .a)]),
                                     FundingItem(id: "small-school", thaiName: "เงินเพิ่มโรงเรียนขนาดเล็ก", englishName: "Small school",
                                                 unit: .perYear, paidIn: .term1, rates: [])])
        framework.programmes.append(poor)
        var base = try report()
        base.framework = framework
        let year = PaymentRound.wholeYear(of: FiscalYear(2568))
        base.allocation.lines += [
            AllocationLine(schoolCode: "1063000003", programmeID: "poor-pupils", itemID: "basics", round: year, grade: .p1,
                           basis: .capped(eligible: 30, enrolment: 60, capPercent: 40, funded: 24, rate: Money(baht: 1_000))),
            AllocationLine(schoolCode: "1063000003", programmeID: "poor-pupils", itemID: "basics", round: year, grade: .p4,
                           basis: .capped(eligible: 2, enrolment: 60, capPercent: 40, funded: 2, rate: Money(baht: 1_000))),
            AllocationLine(schoolCode: "1063000003", programmeID: "poor-pupils", itemID: "small-school", round: year, grade: nil,
                           basis: .perSchool(amount: Money(baht: 5_000))),
        ]
        let (records, folder) = try writeNotices(base)
        XCTAssertEqual(records.map(\.school.code), ["1063000001", "1063000002", "1063000003"])
        let sheet = try notice("1063000003", in: folder)
        XCTAssertEqual(sheet.cells["A10"]?.string, "ทั้งปีงบประมาณ 2568")
        XCTAssertEqual(sheet.cells["A11"]?.string, "ปัจจัยพื้นฐานนักเรียนยากจน")
        XCTAssertEqual(sheet.cells["A12"]?.string, "ค่าปัจจัยพื้นฐาน", "the short item name")
        XCTAssertEqual(sheet.cells["B12"]?.string, "ประถมศึกษา")
        XCTAssertEqual(sheet.cells["C12"]?.number, 26, "two primary lines at one rate: one row")
        XCTAssertEqual(sheet.values["E12"]?.number, 26_000)
        XCTAssertEqual(sheet.cells["A13"]?.string, "เงินเพิ่มโรงเรียนขนาดเล็ก")
        XCTAssertEqual(sheet.cells["B13"]?.string, "อัตราต่อโรงเรียน")
        XCTAssertEqual(sheet.cells["E13"]?.number, 5_000)
        XCTAssertEqual(sheet.values["E15"]?.number, 31_000)
        XCTAssertEqual(sheet.cells["B16"]?.string, "สามหมื่นหนึ่งพันบาทถ้วน")
        XCTAssertTrue(sheet.cells.values.contains { $0.string == "• หลักเกณฑ์ 2557" })
    }

    func testTheEnclosurePrintsAtFullSizeOnAsManyNumberedPagesAsItNeeds() throws {
        let (_, folder) = try writeNotices(try report())
        let sheet = try notice("1063000001", in: folder)
        XCTAssertEqual(sheet.paperSize, 9)
        XCTAssertEqual(sheet.orientation, "portrait")
        XCTAssertFalse(sheet.fitToPage, "never shrunk to fit: a long table takes more pages")
        XCTAssertEqual(sheet.scale ?? 100, 100)
        XCTAssertEqual(sheet.printTitleRows, "$9:$9", "the header row on every page")
        XCTAssertEqual(sheet.footerRight, "หน้า &P / &N")
        let letter = try book("1063000001", in: folder).sheets[0]
        XCTAssertEqual(letter.title, "หนังสือ")
        XCTAssertEqual(letter.orientation, "portrait")
        XCTAssertFalse(letter.fitToPage)
        XCTAssertEqual(letter.scale ?? 100, 100)
    }

    func testTheLetterHasEveryPartOfAThaiOfficialLetter() throws {
        var report = try report()
        report.letter = NoticeLetter(numberPrefix: "ศธ 04120/ว", number: "715", date: try date(2568, 7, 20),
                                     signerName: "นางสาวตัวอย่าง ทดสอบ", signerPosition: "ผู้อำนวยการสำนักงานเขต",
                                     letterhead: ["สำนักงานเขต", "อำเภอแม่สอด จังหวัดตาก 63110"], contact: ["กลุ่มนโยบายและแผน"])
        let (records, folder) = try writeNotices(report)
        let text = letterText(try book("1063000001", in: folder).sheets[0])
        let total = try XCTUnwrap(records.first).total
        for part in ["ที่ ศธ 04120/ว 715", "สำนักงานเขต", "อำเภอแม่สอด จังหวัดตาก 63110", "20 กรกฎาคม 2568", "เรื่อง",
                     "แจ้งการจัดสรรเงินอุดหนุน ปีงบประมาณ 2568", "เรียน", "ผู้อำนวยการโรงเรียนบ้านหนึ่ง", "สิ่งที่ส่งมาด้วย",
                     "ขอแสดงความนับถือ", "(นางสาวตัวอย่าง ทดสอบ)", "ผู้อำนวยการสำนักงานเขต", "กลุ่มนโยบายและแผน"] {
            XCTAssertTrue(text.contains(part), "the letter lacks '\(part)': \(text)")
        }
        let body = text.joined(separator: "\n")
        for words in ["ภาคเรียนที่ 2/2567", "10 มิ.ย. 2567", "10 พ.ย. 2567", "10 มิ.ย. 2568", "เรียนฟรี 15 ปี",
                      total.formatted + " บาท", "(" + total.thaiWords + ")"] {
            XCTAssertTrue(body.contains(words), "the body does not say '\(words)'")
        }
    }

    func testALetterTheBatchSaysNothingAboutGetsItsPartsFromTheArea() throws {
        let (_, folder) = try writeNotices(try report())
        let text = letterText(try book("1063000001", in: folder).sheets[0])
        XCTAssertTrue(text.contains("ที่ ……………"), "a gap for the registry's number: \(text)")
        XCTAssertTrue(text.contains("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2"), "the area as letterhead")
        XCTAssertTrue(text.contains("15 กรกฎาคม 2568"), "the batch date")
        XCTAssertTrue(text.contains("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2"), "the area's director signs")
        XCTAssertTrue(text.contains("(................................)"), "a gap for the name")
    }

    func testOnlySchoolsWithMoneyGetANoticeNamedByTheirCode() throws {
        let (records, folder) = try writeNotices(try report())
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("schools")).sorted()
        XCTAssertEqual(files, ["1063000001.xlsx", "1063000002.xlsx"], "the school without pupils gets none")
        XCTAssertEqual(records.map(\.path), ["schools/1063000001.xlsx", "schools/1063000002.xlsx"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["schools"])
    }

    func testACodeThatIsNotDigitsNeverBecomesAFileName() throws {
        var report = try report()
        report.schools[0].code = "../../etc/1063000001"
        for index in report.allocation.lines.indices where report.allocation.lines[index].schoolCode == "1063000001" {
            report.allocation.lines[index].schoolCode = "../../etc/1063000001"
        }
        let folder = try TemporaryDirectory("khet-notices")
        XCTAssertThrowsError(try SchoolNotices(report: report).write(into: folder.url)) { error in
            XCTAssertTrue("\(error)".contains("not made of digits"), "\(error)")
        }
    }

    func testProvisionalFrameworkPutsTheDraftBannerOnTheNotice() throws {
        let (_, folder) = try writeNotices(try report(framework: "fy2568"))
        let sheet = try notice("1063000001", in: folder)
        XCTAssertTrue(sheet.cells["A1"]?.string?.hasPrefix("ร่าง") ?? false)
        XCTAssertTrue(sheet.merged.contains("A1:E1"))
        XCTAssertTrue(sheet.header?.contains("ร่าง") ?? false, "the printed page says draft too")
        XCTAssertEqual(sheet.cells["A2"]?.string, "รายละเอียดการจัดสรรเงินอุดหนุน ปีงบประมาณ 2568")
        XCTAssertFalse(sheet.fitToPage)
        let letter = try book("1063000001", in: folder).sheets[0]
        XCTAssertEqual(letter.cells["A1"]?.string, "ร่าง – ห้ามใช้แจ้งจัดสรรจริง", "the letter says draft too")
        let official = try notice("1063000001", in: try writeNotices(try report()).1)
        XCTAssertFalse(official.cells["A1"]?.string?.hasPrefix("ร่าง") ?? true)
    }

    func testEnglishLabelsKeepTheThaiWords() throws {
        let (_, folder) = try writeNotices(try report(language: .english))
        let sheet = try notice("1063000001", in: folder)
        XCTAssertEqual(sheet.title, "Enclosure")
        XCTAssertEqual(sheet.cells["A1"]?.string, "Allocation details, fiscal year 2568")
        XCTAssertEqual(sheet.cells["D6"]?.string, "15 July 2568 BE")
        XCTAssertEqual(sheet.cells["A10"]?.string, "Term 2/2567")
        XCTAssertEqual(sheet.cells["B13"]?.string, "Primary")
        XCTAssertEqual(sheet.cells["B24"]?.string, "P1")
        XCTAssertEqual(sheet.cells["A54"]?.string, "Grand total")
        XCTAssertEqual(sheet.cells["B55"]?.string, "หนึ่งแสนหนึ่งหมื่นแปดพันเก้าร้อยห้าสิบห้าบาทถ้วน")
    }

    func testSameReportWritesTheSameBytes() throws {
        let report = try report(framework: "fy2568")
        let (first, one) = try writeNotices(report)
        let (second, two) = try writeNotices(report)
        XCTAssertEqual(first, second)
        for record in first {
            XCTAssertEqual(try Data(contentsOf: one.url.appendingPathComponent(record.path)),
                           try Data(contentsOf: two.url.appendingPathComponent(record.path)), record.path)
        }
        let book = try WorkbookReader.read(one.file("schools/1063000001.xlsx"))
        XCTAssertEqual(book.created?.hasPrefix("2025-07-15"), true, "created on the batch date: \(book.created ?? "nil")")
    }
}
