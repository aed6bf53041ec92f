import Foundation
import KhetTestSupport
import XCTest

/// The outputs as an office prints them: LibreOffice (headless) prints the sample's largest and
/// smallest notices, every sheet of an area workbook, the evaluation workbook and the
/// distribution list to PDF in one call; poppler reads the pages back. Checked: the notice is a
/// letter on its own page, then its enclosure; text prints at 90% of its size or more on notices
/// and 70% or more on sheets; every header cell's text is printed whole, on every page of its
/// sheet; no text is drawn over other text (what a cut cell looks like once printed).
final class PrintedPagesTests: XCTestCase {
    /// Everything printed once for the whole class: LibreOffice takes seconds to start.
    private struct Printed {
        let folder: TemporaryDirectory
        /// The word height of 14-point TH Sarabun New at 100%.
        let fullSize: Double
        let notices: [(name: String, workbook: WorkbookContents, pages: [PrintedPDF.Page])]
        let sheets: [(name: String, workbook: WorkbookContents, pages: [PrintedPDF.Page])]
        let smallSample: TemporaryDirectory
    }

    nonisolated(unsafe) private static var printed: Result<Printed, Error>?

    private func printedOutputs() throws -> Printed {
        if let printed = Self.printed { return try printed.get() }
        let result = Result { try Self.print() }
        Self.printed = result
        return try result.get()
    }

    private static func print() throws -> Printed {
        let sample = try Repository.sampleCopy("khet-printed")
        let output = sample.file("out")
        let run = try ProcessRunner.khet(["run", sample.file("batch.toml"), "--output", output, "--quiet"])
        guard run.status == 0 else { throw PrintedPDF.Failure(description: "khet run: \(run.standardError)") }
        // The sample's area workbook has 1,300 pages of round lines; a generated area of 10
        // schools has every sheet of it in 80.
        let small = try TemporaryDirectory("khet-printed-small")
        let generated = try ProcessRunner.khet(["sample", "--schools", "10", small.path])
        guard generated.status == 0 else { throw PrintedPDF.Failure(description: "khet sample: \(generated.standardError)") }
        let smallRun = try ProcessRunner.khet(["run", small.file("batch.toml"), "--quiet", "--notice-pdf"])
        guard smallRun.status == 0 else { throw PrintedPDF.Failure(description: "khet run --notice-pdf: \(smallRun.standardError)") }

        let notices = try FileManager.default.contentsOfDirectory(atPath: output + "/schools").map { output + "/schools/" + $0 }
        let bySize = try notices.sorted { try size($0) < size($1) }
        guard let smallest = bySize.first, let largest = bySize.last else { throw PrintedPDF.Failure(description: "no notices") }
        // The school with the most money has the widest figures (its year in bold).
        let richest = output + "/schools/" + (try richestSchool(in: output + "/allocation-lines.json")) + ".xlsx"
        let noticeFiles = [largest, smallest] + ([largest, smallest].contains(richest) ? [] : [richest])
        let sheetFiles = [small.file("out/allocation-2568.xlsx"), output + "/evaluation-2568.xlsx", output + "/distribution.xlsx"]
        let printFolder = try TemporaryDirectory("khet-printed-pdf")
        // Copies with distinct names: one soffice call writes every PDF into one folder.
        var copies: [String] = []
        for (index, file) in (noticeFiles + sheetFiles).enumerated() {
            let copy = printFolder.file("\(index)-" + URL(fileURLWithPath: file).lastPathComponent)
            try FileManager.default.copyItem(atPath: file, toPath: copy)
            copies.append(copy)
        }
        let fullSize = try PrintedPDF.convert(copies, into: printFolder)
        let books = try WorkbookReader.read(copies)
        let read = try zip(copies, books).map { copy, book in
            (name: URL(fileURLWithPath: copy).lastPathComponent, workbook: book,
             pages: try PrintedPDF.read(String(copy.dropLast("xlsx".count)) + "pdf"))
        }
        return Printed(folder: printFolder, fullSize: fullSize, notices: Array(read.prefix(noticeFiles.count)), sheets: Array(read.dropFirst(noticeFiles.count)),
                       smallSample: small)
    }

    /// The code of the school whose lines add up to the most, from a run's lines file.
    private static func richestSchool(in linesFile: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: linesFile))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        var totals: [String: Int] = [:]
        for payment in json?["payments"] as? [[String: Any]] ?? [] {
            for line in payment["lines"] as? [[String: Any]] ?? [] {
                guard let school = line["school"] as? String, let satang = line["amount_satang"] as? Int else { continue }
                totals[school, default: 0] += satang
            }
        }
        guard let richest = totals.max(by: { $0.value < $1.value })?.key else { throw PrintedPDF.Failure(description: "no lines in \(linesFile)") }
        return richest
    }

    /// Words LibreOffice printed as ### : a figure wider than its column.
    private func hashedFigures(_ page: PrintedPDF.Page) -> [String] { page.words.map(\.text).filter { $0.contains("###") } }

    private static func size(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The header row a sheet repeats on every page (`$9:$9` → 9), and its cells' texts.
    private func headers(of sheet: WorkbookContents.Sheet) -> [String] {
        guard let titles = sheet.printTitleRows, let row = Int(titles.split(separator: ":").first?.dropFirst() ?? "") else { return [] }
        return (0..<sheet.maxColumn).compactMap { column in
            let letter = column < 26 ? String(UnicodeScalar(UInt8(65 + column))) : "A" + String(UnicodeScalar(UInt8(65 + column - 26)))
            return sheet.cells["\(letter)\(row)"]?.string
        }
    }

    func testEachNoticeIsALetterOnItsOwnPageThenItsEnclosureAtFullSize() throws {
        let printed = try printedOutputs()
        for notice in printed.notices {
            let pages = notice.pages
            XCTAssertGreaterThanOrEqual(pages.count, 2, notice.name)
            let letter = try XCTUnwrap(pages.first)
            // The letter's parts, from samples/tak2/batch.toml's [letter].
            for part in ["ที่ศธ04999/ว", "สำนักงานเขตพื้นที่การศึกษา", "อำเภอแม่สอดจังหวัดตาก63110", "15กรกฎาคม2568", "เรื่อง",
                         "แจ้งการจัดสรรเงินอุดหนุนปีงบประมาณ2568", "เรียน", "ผู้อำนวยการโรงเรียน", "สิ่งที่ส่งมาด้วย",
                         "ภาคเรียนที่2/2567", "บาทถ้วน", "จึงเรียนมาเพื่อโปรดทราบ", "ขอแสดงความนับถือ", "(นายสมมติใจดี)",
                         "ผู้อำนวยการสำนักงานเขตพื้นที่การ", "กลุ่มนโยบายและแผน", "โทร.055000000"] {
                XCTAssertTrue(letter.contains(part), "\(notice.name): the letter's page lacks '\(part)'")
            }
            XCTAssertFalse(letter.contains("รายการ"), "\(notice.name): the table starts on a page of its own")
            // The letter is typed at 15 points: 15/14 of the calibration's height at 100%.
            let letterScale = try XCTUnwrap(letter.wordHeight) / (printed.fullSize * 15 / 14)
            XCTAssertGreaterThanOrEqual(letterScale, 0.9, "\(notice.name): the letter prints at \(letterScale)")
            let enclosure = pages.dropFirst()
            let titles = headers(of: notice.workbook.sheets[1])
            XCTAssertEqual(titles, ["รายการ", "ระดับ / ชั้น", "นักเรียน (คน)", "อัตรา (บาท/คน)", "จำนวนเงิน (บาท)"])
            for page in enclosure {
                let scale = try XCTUnwrap(page.height(ofWordsIn: titles), "\(notice.name) page \(page.number)") / printed.fullSize
                XCTAssertGreaterThanOrEqual(scale, 0.9, "\(notice.name) page \(page.number) prints at \(scale)")
                for title in titles {
                    XCTAssertTrue(page.showsWhole(title), "\(notice.name) page \(page.number): header '\(title)' is not whole")
                }
                XCTAssertTrue(page.contains("หน้า\(page.number)/\(pages.count)"),
                              "\(notice.name) page \(page.number) is not numbered")
                XCTAssertEqual(page.footerLeft, PrintedPDF.comparable("สิ่งที่ส่งมาด้วย"), "\(notice.name) page \(page.number)")
            }
            for page in pages {
                let overlaps = page.overlappingWords
                XCTAssertTrue(overlaps.isEmpty, "\(notice.name) page \(page.number): \(overlaps.prefix(3).map { "\($0.0.text)|\($0.1.text)" })")
            }
            XCTAssertTrue(enclosure.contains { $0.contains("รวมทั้งสิ้น") }, notice.name)
            for page in pages {
                XCTAssertEqual(hashedFigures(page), [], "\(notice.name) page \(page.number) prints a figure as ###")
            }
        }
        let largest = try XCTUnwrap(printed.notices.first)
        XCTAssertGreaterThanOrEqual(largest.pages.count, 4, "the largest school's table takes pages, not a smaller print")
    }

    func testEverySheetPrintsLegiblyWithEveryHeaderWhole() throws {
        let printed = try printedOutputs()
        for workbook in printed.sheets {
            var pagesOfSheet: [String: [PrintedPDF.Page]] = [:]
            for page in workbook.pages { pagesOfSheet[page.footerLeft, default: []].append(page) }
            for sheet in workbook.workbook.sheets {
                let name = "\(workbook.name) '\(sheet.title)'"
                let pages = pagesOfSheet[PrintedPDF.comparable(sheet.title)] ?? []
                XCTAssertFalse(pages.isEmpty, "\(name) printed no page (footers: \(pagesOfSheet.keys.sorted()))")
                let titles = headers(of: sheet)
                XCTAssertFalse(titles.isEmpty, "\(name) repeats no header row")
                for title in titles {
                    XCTAssertTrue(pages.contains { $0.showsWhole(title) }, "\(name): header '\(title)' is never printed whole")
                }
                for page in pages {
                    let where_ = "\(name) page \(page.number)"
                    if let height = page.height(ofWordsIn: titles) {
                        let scale = height / printed.fullSize
                        XCTAssertGreaterThanOrEqual(scale, 0.7, "\(where_) prints at \(scale)")
                    } else {
                        XCTFail("\(where_) shows none of the header row")
                    }
                    XCTAssertTrue(titles.contains { page.showsWhole($0) }, "\(where_) does not repeat the header row")
                    let overlaps = page.overlappingWords
                    XCTAssertTrue(overlaps.isEmpty, "\(where_): \(overlaps.prefix(3).map { "\($0.0.text)|\($0.1.text)" })")
                    XCTAssertEqual(hashedFigures(page), [], "\(where_) prints a figure as ###")
                }
            }
        }
    }

    func testKhetPrintsEveryNoticeToPDFWhenAsked() throws {
        let printed = try printedOutputs()
        let schools = printed.smallSample.file("out/schools")
        let files = try FileManager.default.contentsOfDirectory(atPath: schools).sorted()
        let workbooks = files.filter { $0.hasSuffix(".xlsx") }
        let pdfs = files.filter { $0.hasSuffix(".pdf") }
        XCTAssertFalse(workbooks.isEmpty)
        XCTAssertEqual(pdfs, workbooks.map { $0.replacingOccurrences(of: ".xlsx", with: ".pdf") })
        let first = try XCTUnwrap(PrintedPDF.read(schools + "/" + (pdfs.first ?? "")).first)
        XCTAssertTrue(first.contains("เรื่อง"), "page 1 is the letter")
        let manifest = try String(contentsOfFile: printed.smallSample.file("out/manifest.json"), encoding: .utf8)
        XCTAssertEqual(manifest.components(separatedBy: "\"notice pdf\"").count - 1, pdfs.count, "every PDF is fingerprinted")
    }

    func testAskingForPDFsWithoutLibreOfficeWritesNothingAndSaysWhatToInstall() throws {
        let folder = try Repository.sampleCopy("khet-no-soffice")
        let empty = try TemporaryDirectory("khet-empty-path")
        let result = try ProcessRunner.run(Repository.khetBinary, ["run", folder.file("batch.toml"), "--output", folder.file("out"),
                                                                   "--notice-pdf"],
                                           environment: ["PATH": empty.path, "HOME": empty.path])
        XCTAssertEqual(result.status, 69, result.standardError)
        XCTAssertTrue(result.standardError.contains("apt-get install libreoffice-calc-nogui"), result.standardError)
        XCTAssertTrue(result.standardError.contains("soffice"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")), "nothing is written")
    }
}
