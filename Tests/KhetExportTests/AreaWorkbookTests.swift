import KhetCalc
import KhetCore
import KhetExport
import KhetImport
import KhetTestSupport
import XCTest

final class AreaWorkbookTests: XCTestCase {
    private let schools = [
        School(code: "1063000002", name: "โรงเรียนบ้านทดสอบ <สอง> & \"ก\"", district: "อุ้มผาง"),
        School(code: "1063000001", name: "โรงเรียนบ้านทดสอบหนึ่ง", district: "แม่สอด"),
    ]

    /// A two-school report; by default with the free-education programme only, so the numbers
    /// below can be worked by hand.
    private func report(framework name: String, language: Language = .thai,
                        programmes: Set<String> = ["free-education"]) throws -> AreaAllocationReport {
        let path = try XCTUnwrap(FrameworkReader.bundledPath(named: name))
        var framework = try XCTUnwrap(FrameworkReader().read(path: path, displayName: "\(name).xml").framework)
        framework.fiscalYear = FiscalYear(2568)
        framework.programmes = framework.programmes.filter { programmes.contains($0.id) }
        let snapshots = [
            Snapshot(date: try XCTUnwrap(ThaiDate(year: 2567, month: 6, day: 10)),
                     counts: ["1063000001": GradeCounts([.k3: 10, .p4: 20]), "1063000002": GradeCounts([.p1: 3])]),
            Snapshot(date: try XCTUnwrap(ThaiDate(year: 2567, month: 11, day: 10)),
                     counts: ["1063000001": GradeCounts([.k3: 10, .p4: 19]), "1063000002": GradeCounts([.p1: 3])]),
            Snapshot(date: try XCTUnwrap(ThaiDate(year: 2568, month: 6, day: 10)),
                     counts: ["1063000001": GradeCounts([.p1: 11, .p5: 19]), "1063000002": GradeCounts([.p2: 1])]),
        ]
        let allocation = AreaAllocator(framework: framework).allocate(AllocationInputs(
            fiscalYear: FiscalYear(2568), schools: schools, snapshots: snapshots,
            poorPupils: ["1063000001": GradeCounts([.p5: 19])]))
        let warning = Diagnostic(.warning, code: "CSV011", file: "schools.csv", line: 1, column: 5, message: "unknown column 'x' is ignored",
                                 thaiMessage: "ไม่รู้จักคอลัมน์ 'x' จึงข้ามไป")
        return AreaAllocationReport(
            area: Area(code: "6302", name: "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2", shortName: "สพป.ตาก เขต 2"),
            fiscalYear: FiscalYear(2568), framework: framework, schools: schools, snapshots: snapshots,
            allocation: allocation, diagnostics: [warning],
            batchDate: try XCTUnwrap(ThaiDate(year: 2568, month: 7, day: 15)), language: language)
    }

    private func write(_ report: AreaAllocationReport) throws -> (WorkbookContents, TemporaryDirectory) {
        let folder = try TemporaryDirectory()
        let url = try AreaWorkbook(report: report).write(into: folder.url)
        XCTAssertEqual(url.lastPathComponent, "allocation-2568.xlsx")
        return (try WorkbookReader.read(url.path), folder)
    }

    func testSummaryRowsFormulasAndCachedTotals() throws {
        let report = try report(framework: "fy2565")
        let (book, _) = try write(report)
        XCTAssertEqual(book.sheetNames, ["สรุป", "รายอำเภอ", "เรียนฟรี 15 ปี", "ภาค 2-2567", "ภาค 1-2568 งวด 70%",
                                         "ภาค 1-2568 ส่วนที่เหลือ", "กรอบวงเงิน", "อัตรา", "คำเตือน"])
        let summary = try XCTUnwrap(book.sheet("สรุป"))
        // No draft banner for an official framework: the header is on row 4, data from row 5.
        XCTAssertEqual(summary.cells["A4"]?.string, "รหัสโรงเรียน")
        XCTAssertEqual(summary.cells["E4"]?.string, "เรียนฟรี 15 ปี", "one column per programme, by its short name")
        XCTAssertEqual(summary.cells["A5"]?.string, "1063000001", "schools sorted by code, code kept as text")
        XCTAssertEqual(summary.cells["D5"]?.number, 30, "pupils on the latest snapshot")
        XCTAssertEqual(summary.cells["F5"]?.string, "=SUM(E5:E5)")
        let first = report.allocation.total { $0.schoolCode == "1063000001" }
        XCTAssertEqual(summary.values["F5"]?.number, Double(first.satang) / 100)
        XCTAssertEqual(summary.cells["A7"]?.string, "รวมทั้งเขตพื้นที่")
        XCTAssertEqual(summary.cells["F7"]?.string, "=SUM(F5:F6)")
        XCTAssertEqual(summary.values["F7"]?.number, Double(report.allocation.total().satang) / 100)
        XCTAssertEqual(summary.values["D7"]?.number, 31)
        let items = try XCTUnwrap(book.sheet("เรียนฟรี 15 ปี"))
        XCTAssertEqual(items.cells["E4"]?.string, "ค่าจัดการเรียนการสอน")
        XCTAssertEqual(items.cells["J5"]?.string, "=SUM(E5:I5)")
        XCTAssertEqual(items.values["J5"]?.number, Double(first.satang) / 100)
        XCTAssertEqual(items.values["J7"]?.number, summary.values["F7"]?.number)
        XCTAssertEqual(summary.cells["B6"]?.string, "โรงเรียนบ้านทดสอบ <สอง> & \"ก\"", "text is stored as text, never as markup")
        XCTAssertEqual(summary.freeze, "C5")
        XCTAssertEqual(summary.autofilter, "A4:F6")
        XCTAssertEqual(summary.paperSize, 9)
        XCTAssertEqual(summary.orientation, "landscape")
        XCTAssertTrue(summary.fitToPage)
        XCTAssertEqual(summary.fitToWidth, 1)
        XCTAssertEqual(summary.fitToHeight, 0, "one page wide, as many pages tall as needed")
        XCTAssertEqual(summary.printTitleRows, "$4:$4")
        XCTAssertEqual(summary.fonts["A5"], "TH Sarabun New")
        XCTAssertEqual(summary.numberFormats["E5"], "#,##0.00")
        XCTAssertEqual(book.definedNames["AreaTotal"], "'สรุป'!$F$7")
    }

    func testRoundSheetsShowCountTimesRateAndAddUpToTheSummary() throws {
        let report = try report(framework: "fy2565")
        let (book, _) = try write(report)
        let advance = try XCTUnwrap(book.sheet("ภาค 1-2568 งวด 70%"))
        // School 1 had 19 pupils in ป.4 on 10 November: its ป.5 tuition line in the advance.
        let rows = (5...advance.maxRow).filter { advance.cells["C\($0)"]?.string == "ค่าจัดการเรียนการสอน" && advance.cells["D\($0)"]?.string == "ป.5" }
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(advance.cells["E\(row)"]?.string, "ป.4")
        XCTAssertEqual(advance.cells["F\(row)"]?.number, 19)
        XCTAssertEqual(advance.cells["G\(row)"]?.number, 13, "70% of 19 = 13.3, rounded half up")
        XCTAssertEqual(advance.cells["H\(row)"]?.number, 950)
        XCTAssertEqual(advance.cells["I\(row)"]?.string, "=G\(row)*H\(row)")
        XCTAssertEqual(advance.values["I\(row)"]?.number, 12_350)
        XCTAssertTrue(advance.cells["J\(row)"]?.string?.contains("13.3 → 13") ?? false)

        var roundTotals = 0.0
        for name in ["ภาค 2-2567", "ภาค 1-2568 งวด 70%", "ภาค 1-2568 ส่วนที่เหลือ"] {
            let sheet = try XCTUnwrap(book.sheet(name))
            let totalRow = sheet.maxRow
            let amountColumn = name.contains("70%") ? "I" : "G"
            XCTAssertEqual(sheet.cells["A\(totalRow)"]?.string, "รวมงวดนี้")
            XCTAssertEqual(sheet.cells["\(amountColumn)\(totalRow)"]?.string, "=SUM(\(amountColumn)5:\(amountColumn)\(totalRow - 1))")
            roundTotals += try XCTUnwrap(sheet.values["\(amountColumn)\(totalRow)"]?.number)
        }
        let summary = try XCTUnwrap(book.sheet("สรุป"))
        XCTAssertEqual(summary.values["F7"]?.number, roundTotals, "the rounds add up to the fiscal-year total")
    }

    func testRatesAndDiagnosticsSheets() throws {
        let (book, _) = try write(try report(framework: "fy2565"))
        let rates = try XCTUnwrap(book.sheet("อัตรา"))
        let rateRows = rates.cells.filter { $0.key.hasPrefix("E") && $0.value.number != nil }
        XCTAssertEqual(rateRows.count, 4 * 4 + 15, "four levels for four items, fifteen grades of textbooks")
        XCTAssertTrue(rates.cells.values.contains { $0.string == "A ทางการ" })
        XCTAssertTrue(rates.cells.values.contains { $0.string?.contains("ตารางจัดสรร") ?? false }, "sources are listed")
        XCTAssertEqual(rates.printTitleRows, "$11:$11", "the rates table's own header repeats on each page")
        XCTAssertEqual(rates.cells["A11"]?.string, "รายการ")
        XCTAssertEqual(rates.cells["A12"]?.string, "ค่าจัดการเรียนการสอน", "short item names in narrow columns")
        let diagnostics = try XCTUnwrap(book.sheet("คำเตือน"))
        XCTAssertEqual(diagnostics.cells["B5"]?.string, "CSV011")
        XCTAssertEqual(diagnostics.cells["C5"]?.string, "schools.csv")
        XCTAssertEqual(diagnostics.cells["D5"]?.number, 1)
        XCTAssertEqual(diagnostics.cells["E5"]?.number, 5)
        XCTAssertTrue(diagnostics.cells["F5"]?.string?.hasPrefix("ไม่รู้จักคอลัมน์") ?? false,
                      "the Thai workbook gives the Thai message: \(diagnostics.cells["F5"]?.string ?? "")")
        let english = try XCTUnwrap(write(try report(framework: "fy2565", language: .english)).0.sheet("Diagnostics"))
        XCTAssertTrue(english.cells["F5"]?.string?.hasPrefix("unknown column") ?? false, english.cells["F5"]?.string ?? "")
    }

    func testProvisionalFrameworkPutsADraftBannerOnEverySheet() throws {
        let (book, _) = try write(try report(framework: "fy2568"))
        XCTAssertEqual(book.sheets.count, 9)
        for sheet in book.sheets {
            XCTAssertTrue(sheet.cells["A1"]?.string?.hasPrefix("ร่าง") ?? false, sheet.title)
            XCTAssertTrue(sheet.merged.contains { $0.hasPrefix("A1:") }, sheet.title)
            XCTAssertTrue(sheet.header?.contains("ร่าง") ?? false, "the printed page header says draft too: \(sheet.title)")
        }
        let official = try write(try report(framework: "fy2565")).0
        for sheet in official.sheets { XCTAssertFalse(sheet.cells["A1"]?.string?.hasPrefix("ร่าง") ?? false) }
    }

    func testEnglishLabelsOnRequest() throws {
        let (book, _) = try write(try report(framework: "fy2565", language: .english))
        XCTAssertEqual(book.sheetNames, ["Summary", "Districts", "Free education", "Term 2-2567", "Term 1-2568 advance",
                                         "Term 1-2568 balance", "Envelope", "Rates", "Diagnostics"])
        XCTAssertEqual(book.sheet("Summary")?.cells["A4"]?.string, "School code")
    }

    func testEveryProgrammeHasItsSheetAndTheEnvelopeSheetListsThem() throws {
        var report = try report(framework: "fy2565", programmes: ["free-education", "poor-basics", "small-schools"])
        let (book, _) = try write(report)
        XCTAssertEqual(book.sheetNames, ["สรุป", "รายอำเภอ", "เรียนฟรี 15 ปี", "ภาค 2-2567", "ภาค 1-2568 งวด 70%",
                                         "ภาค 1-2568 ส่วนที่เหลือ", "นักเรียนยากจน", "โรงเรียนขนาดเล็ก", "กรอบวงเงิน", "อัตรา", "คำเตือน"])
        let poor = try XCTUnwrap(book.sheet("นักเรียนยากจน"))
        // School 1: 19 poor pupils in ป.5 of 30 enrolled (11 ป.1 + 19 ป.5): cap 40% = 12.
        XCTAssertEqual(poor.cells["E5"]?.number, 19)
        XCTAssertEqual(poor.cells["F5"]?.number, 30)
        XCTAssertEqual(poor.cells["G5"]?.number, 40)
        XCTAssertEqual(poor.cells["H5"]?.number, 12)
        XCTAssertEqual(poor.cells["I5"]?.number, 1000)
        XCTAssertEqual(poor.cells["J5"]?.string, "=H5*I5")
        XCTAssertEqual(poor.values["J5"]?.number, 12_000)
        let summary = try XCTUnwrap(book.sheet("สรุป"))
        XCTAssertEqual(summary.values["F5"]?.number, 12_000)
        // Both schools have at most 120 pupils: 500 a head.
        XCTAssertEqual(summary.values["G7"]?.number, 31 * 500)
        let districts = try XCTUnwrap(book.sheet("รายอำเภอ"))
        XCTAssertEqual(districts.cells["A5"]?.string, "อุ้มผาง")
        XCTAssertEqual(districts.cells["A6"]?.string, "แม่สอด")
        XCTAssertEqual(districts.values["G7"]?.number, summary.values["H7"]?.number)

        let path = try XCTUnwrap(FrameworkReader.bundledPath(named: "fy2565"))
        var framework = try XCTUnwrap(FrameworkReader().read(path: path, displayName: "fy2565.xml").framework)
        framework.fiscalYear = FiscalYear(2568)
        framework.programmes = framework.programmes.filter { $0.id == "poor-basics" }
        framework.programmes[0].envelope = Envelope(amount: Money(baht: 9_000), source: "หนังสือจัดสรรทดสอบ")
        report.framework = framework
        report.allocation = AreaAllocator(framework: framework).allocate(AllocationInputs(
            fiscalYear: FiscalYear(2568), schools: schools, snapshots: report.snapshots,
            poorPupils: ["1063000001": GradeCounts([.p5: 19])]))
        let (scaled, _) = try write(report)
        let envelope = try XCTUnwrap(scaled.sheet("กรอบวงเงิน"))
        XCTAssertEqual(envelope.values["C5"]?.number, 12_000)
        XCTAssertEqual(envelope.values["D5"]?.number, 9_000)
        XCTAssertEqual(envelope.values["E5"]?.number, 0.75)
        XCTAssertEqual(envelope.values["F5"]?.number, 9_000)
        XCTAssertEqual(envelope.cells["G5"]?.string, "=D5-F5")
        XCTAssertEqual(envelope.values["G5"]?.number, 0)
        XCTAssertEqual(scaled.sheet("สรุป")?.values["E5"]?.number, 9_000)
    }

    func testSameReportWritesTheSameBytes() throws {
        let report = try report(framework: "fy2568")
        let one = try TemporaryDirectory()
        let two = try TemporaryDirectory()
        let first = try Data(contentsOf: AreaWorkbook(report: report).write(into: one.url))
        let second = try Data(contentsOf: AreaWorkbook(report: report).write(into: two.url))
        XCTAssertEqual(first, second)
    }
}
