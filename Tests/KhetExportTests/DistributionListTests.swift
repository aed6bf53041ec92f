import Foundation
import KhetCalc
import KhetCore
import KhetExport
import KhetImport
import KhetTestSupport
import XCTest

/// distribution.xlsx: one row per notice written, its total and the SHA-256 of the file as
/// `sha256sum` computes it, so the office can check what it sent.
final class DistributionListTests: XCTestCase {
    private func report() throws -> AreaAllocationReport {
        let path = try XCTUnwrap(FrameworkReader.bundledPath(named: "fy2568"))
        var framework = try XCTUnwrap(FrameworkReader().read(path: path, displayName: "fy2568.xml").framework)
        framework.fiscalYear = FiscalYear(2568)
        let schools = [School(code: "2000000002", name: "โรงเรียนบ้านบี", district: "แม่ระมาด"),
                       School(code: "2000000001", name: "โรงเรียนบ้านเอ", district: "แม่สอด"),
                       School(code: "2000000009", name: "โรงเรียนร้าง", district: "ท่าสองยาง")]
        let june = try XCTUnwrap(ThaiDate(year: 2567, month: 6, day: 10))
        let snapshots = [Snapshot(date: june, counts: ["2000000001": GradeCounts([.k1: 7, .p6: 31]),
                                                       "2000000002": GradeCounts([.m1: 4])])]
        let allocation = try XCTUnwrap(FreeEducationCalculator(framework: framework))
            .allocate(schools: schools, snapshots: snapshots, fiscalYear: FiscalYear(2568))
        return AreaAllocationReport(
            area: Area(code: "6302", name: "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2", shortName: "สพป.ตาก เขต 2"),
            fiscalYear: FiscalYear(2568), framework: framework, schools: schools, snapshots: snapshots,
            allocation: allocation, diagnostics: [], batchDate: try XCTUnwrap(ThaiDate(year: 2568, month: 7, day: 15)),
            language: .thai)
    }

    func testRowsMatchTheNoticesTotalsAndDigests() throws {
        let report = try report()
        let folder = try TemporaryDirectory("khet-distribution")
        let notices = try SchoolNotices(report: report).write(into: folder.url)
        XCTAssertEqual(notices.map(\.school.code), ["2000000001", "2000000002"], "the school without pupils gets no notice")
        let url = try DistributionList(report: report, notices: notices).write(into: folder.url)
        XCTAssertEqual(url.lastPathComponent, "distribution.xlsx")

        let books = try WorkbookReader.read([url.path] + notices.map { folder.file($0.path) })
        let list = try XCTUnwrap(books.first?.sheets.first)
        XCTAssertEqual(list.title, "ทะเบียนส่ง")
        XCTAssertTrue(list.cells["A1"]?.string?.hasPrefix("ร่าง") ?? false, "a provisional framework shows here too")
        let header = 5
        XCTAssertEqual((0..<6).map { list.cells["\("ABCDEF".map(String.init)[$0])\(header)"]?.string ?? "" },
                       ["รหัสโรงเรียน", "โรงเรียน", "อำเภอ", "ไฟล์หนังสือแจ้ง", "ยอดที่แจ้ง (บาท)", "SHA-256 ของไฟล์"])
        var sum = 0
        for (offset, notice) in notices.enumerated() {
            let row = header + 1 + offset
            XCTAssertEqual(list.cells["A\(row)"]?.string, notice.school.code)
            XCTAssertEqual(list.cells["B\(row)"]?.string, notice.school.name)
            XCTAssertEqual(list.cells["C\(row)"]?.string, notice.school.district)
            XCTAssertEqual(list.cells["D\(row)"]?.string, "schools/\(notice.school.code).xlsx")
            // The total the notice itself shows (its grand total cell) is the one listed.
            let sheet = try XCTUnwrap(books[offset + 1].sheets.last, "the enclosure, after the letter")
            let totalRow = try XCTUnwrap((1...sheet.maxRow).first { sheet.cells["A\($0)"]?.string == "รวมทั้งสิ้น" })
            XCTAssertEqual(list.values["E\(row)"]?.number, sheet.values["E\(totalRow)"]?.number)
            XCTAssertEqual(list.values["E\(row)"]?.number, Double(notice.total.satang) / 100)
            sum += Int(notice.total.satang)
            let digest = try ProcessRunner.run("/usr/bin/env", ["sha256sum", folder.file(notice.path)]).standardOutput.prefix(64)
            XCTAssertEqual(list.cells["F\(row)"]?.string, String(digest))
        }
        let totalRow = header + 1 + notices.count
        XCTAssertEqual(list.cells["A\(totalRow)"]?.string, "รวมทุกฉบับ (2)")
        XCTAssertEqual(list.cells["E\(totalRow)"]?.string, "=SUM(E6:E7)")
        XCTAssertEqual(list.values["E\(totalRow)"]?.number, Double(sum) / 100)
        XCTAssertEqual(sum, Int(report.allocation.total().satang), "the notices add up to the area's allocation")

        XCTAssertEqual(list.freeze, "A6")
        XCTAssertEqual(list.autofilter, "A5:F7")
        XCTAssertEqual(list.paperSize, 9)
        XCTAssertTrue(list.fitToPage)
        XCTAssertEqual(list.printTitleRows, "$5:$5")
    }
}
