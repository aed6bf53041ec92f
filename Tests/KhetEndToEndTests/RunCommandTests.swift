import Foundation
import KhetTestSupport
import XCTest

/// `khet run` and `khet validate` end to end: the built binary on the bundled sample area and on
/// broken copies of it, checking stdout, stderr, exit codes and the files written.
final class RunCommandTests: XCTestCase {
    private func sampleCopy() throws -> TemporaryDirectory { try Repository.sampleCopy("khet-e2e") }

    private func replace(_ old: String, with new: String, in file: String, of folder: TemporaryDirectory) throws {
        let path = folder.file(file)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func testRunsTheSampleAndPrintsWhereTheOutputsAre() throws {
        let folder = try sampleCopy()
        let output = folder.file("out")
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", output])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.contains("\(output)/allocation-2568.xlsx"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("\(output)/manifest.json"), result.standardOutput)
        XCTAssertTrue(result.standardError.contains("provisional"), "the draft framework is pointed out")

        let book = try WorkbookReader.read(output + "/allocation-2568.xlsx")
        XCTAssertEqual(book.sheetNames, ["สรุป", "รายอำเภอ", "เรียนฟรี 15 ปี", "ภาค 2-2567", "ภาค 1-2568 งวด 70%",
                                         "ภาค 1-2568 ส่วนที่เหลือ", "นักเรียนยากจน", "นักเรียนพักนอน", "โรงเรียนขนาดเล็ก",
                                         "กรอบวงเงิน", "อัตรา", "คำเตือน"])
        let summary = try XCTUnwrap(book.sheet("สรุป"))
        XCTAssertTrue(summary.cells["A1"]?.string?.hasPrefix("ร่าง") ?? false)
        let schoolRows = try String(contentsOfFile: folder.file("schools.csv"), encoding: .utf8)
            .split(separator: "\n").count - 1
        let totalRow = 5 + schoolRows + 1
        XCTAssertEqual(summary.cells["A\(totalRow)"]?.string, "รวมทั้งเขตพื้นที่")
        XCTAssertEqual(summary.cells["I\(totalRow)"]?.string, "=SUM(I6:I\(totalRow - 1))")
        // A missing or non-numeric cell becomes Int.min, which no real total equals.
        func satang(_ sheet: WorkbookContents.Sheet, _ cell: String) -> Int {
            sheet.values[cell]?.number.map { Int(($0 * 100).rounded()) } ?? Int.min
        }
        // Every school row's cached total equals the sum of its programmes, to the satang.
        var areaTotal = 0
        for row in 6..<totalRow {
            let programmes = ["E", "F", "G", "H"].map { satang(summary, "\($0)\(row)") }
            XCTAssertEqual(programmes.reduce(0, +), satang(summary, "I\(row)"), "row \(row)")
            areaTotal += satang(summary, "I\(row)")
        }
        XCTAssertEqual(satang(summary, "I\(totalRow)"), areaTotal)
        XCTAssertGreaterThan(satang(summary, "F\(totalRow)"), 0, "poor pupils are funded")
        XCTAssertGreaterThan(satang(summary, "G\(totalRow)"), 0, "boarders are funded")
        XCTAssertGreaterThan(satang(summary, "H\(totalRow)"), 0, "small schools are topped up")
        // The free-education rounds add up to the programme's column of the summary.
        var rounds = 0
        for (name, column) in [("ภาค 2-2567", "G"), ("ภาค 1-2568 งวด 70%", "I"), ("ภาค 1-2568 ส่วนที่เหลือ", "G")] {
            let sheet = try XCTUnwrap(book.sheet(name))
            rounds += satang(sheet, "\(column)\(sheet.maxRow)")
        }
        XCTAssertEqual(rounds, satang(summary, "E\(totalRow)"))
        // Districts add up to the same area total.
        let districts = try XCTUnwrap(book.sheet("รายอำเภอ"))
        XCTAssertEqual(districts.cells["A\(districts.maxRow)"]?.string, "รวมทั้งเขตพื้นที่")
        XCTAssertEqual(satang(districts, "H\(districts.maxRow)"), areaTotal)
        XCTAssertEqual(districts.values["B\(districts.maxRow)"]?.number, Double(schoolRows))
        // Each whole-year programme's detail sheet adds up to its summary column.
        for (name, column) in [("นักเรียนยากจน", "F"), ("นักเรียนพักนอน", "G"), ("โรงเรียนขนาดเล็ก", "H")] {
            let sheet = try XCTUnwrap(book.sheet(name))
            XCTAssertEqual(satang(sheet, "J\(sheet.maxRow)"), satang(summary, "\(column)\(totalRow)"), name)
        }
        let warnings = try XCTUnwrap(book.sheet("คำเตือน"))
        XCTAssertTrue(warnings.cells.values.contains { $0.string == "CALC013" }, "poor pupils above the cap are reported")

        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/manifest.json"))) as? [String: Any]
        let outputs = try XCTUnwrap(manifest?["outputs"] as? [[String: Any]])
        let digest = try ProcessRunner.run("/usr/bin/env", ["sha256sum", output + "/allocation-2568.xlsx"]).standardOutput.prefix(64)
        XCTAssertEqual(outputs.first?["sha256"] as? String, String(digest))
        let inputs = try XCTUnwrap(manifest?["inputs"] as? [[String: Any]])
        XCTAssertEqual(inputs.count, 10)
        XCTAssertEqual(inputs.suffix(2).compactMap { $0["role"] as? String }, ["action plan", "evaluation scales"])
        XCTAssertEqual(outputs.prefix(4).compactMap { $0["path"] as? String },
                       ["allocation-2568.xlsx", "evaluation-2568.xlsx", "annual-report-2568.html", "distribution.xlsx"])
        XCTAssertEqual(outputs.prefix(4).compactMap { $0["role"] as? String }, ["workbook", "workbook", "report", "distribution"])
        XCTAssertTrue(result.standardOutput.contains("\(output)/evaluation-2568.xlsx"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("\(output)/annual-report-2568.html"), result.standardOutput)
        XCTAssertTrue(result.standardError.contains("EVL011"), "projects without results are pointed out")
    }

    func testRunWritesANoticePerSchoolWithMoneyAndADistributionList() throws {
        let folder = try sampleCopy()
        let output = folder.file("out")
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", output])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput, """
            Wrote สพป.ตาก เขต 2, fiscal year 2568:
              \(output)/allocation-2568.xlsx
              \(output)/evaluation-2568.xlsx
              \(output)/annual-report-2568.html
              \(output)/distribution.xlsx
              \(output)/schools/ (200 notices)
              \(output)/allocation-lines.json
              \(output)/manifest.json

            """)

        // Every school on the summary sheet with money has its notice, named by its code.
        let files = try FileManager.default.contentsOfDirectory(atPath: output + "/schools").sorted()
        let books = try WorkbookReader.read([output + "/allocation-2568.xlsx", output + "/distribution.xlsx"]
                                            + files.map { output + "/schools/" + $0 })
        let summary = try XCTUnwrap(books[0].sheet("สรุป"))
        let totalRow = summary.maxRow
        let withMoney = (6..<totalRow).filter { (summary.values["I\($0)"]?.number ?? 0) != 0 }
            .compactMap { summary.cells["A\($0)"]?.string }
        XCTAssertEqual(files, withMoney.map { $0 + ".xlsx" })

        // The notices' totals add up to the area workbook's total to the satang.
        // A missing or non-numeric cell becomes Int.min, which no real total equals.
        func satang(_ value: JSONValue?) -> Int { value?.number.map { Int(($0 * 100).rounded()) } ?? Int.min }
        var noticeTotals: [String: Int] = [:]
        for (file, book) in zip(files, books.dropFirst(2)) {
            XCTAssertEqual(book.sheetNames, ["หนังสือ", "สิ่งที่ส่งมาด้วย"], file)
            let sheet = try XCTUnwrap(book.sheets.last)
            let row = try XCTUnwrap((1...sheet.maxRow).first { sheet.cells["A\($0)"]?.string == "รวมทั้งสิ้น" }, file)
            noticeTotals[file] = satang(sheet.values["E\(row)"])
            XCTAssertFalse(sheet.fitToPage, "the enclosure prints at 100%: \(file)")
        }
        XCTAssertEqual(noticeTotals.values.reduce(0, +), satang(summary.values["I\(totalRow)"]))

        // The distribution list has the same totals and the files' SHA-256.
        let list = try XCTUnwrap(books[1].sheets.first)
        let digests = try ProcessRunner.run("/usr/bin/env", ["sha256sum"] + files.map { "schools/" + $0 }, currentDirectory: output)
            .standardOutput.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1) }
        for (offset, file) in files.enumerated() {
            let row = 6 + offset
            XCTAssertEqual(list.cells["D\(row)"]?.string, "schools/" + file)
            XCTAssertEqual(satang(list.values["E\(row)"]), noticeTotals[file])
            XCTAssertEqual(list.cells["F\(row)"]?.string, digests[offset].first.map(String.init))
        }
        XCTAssertEqual(satang(list.values["E\(6 + files.count)"]), satang(summary.values["I\(totalRow)"]))

        // manifest.json lists them with their roles; a notice's digest is the file's.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/manifest.json"))) as? [String: Any]
        let outputs = try XCTUnwrap(manifest?["outputs"] as? [[String: Any]])
        XCTAssertEqual(outputs.filter { $0["role"] as? String == "notice" }.count, files.count)
        XCTAssertEqual(outputs.filter { $0["role"] as? String == "distribution" }.map { $0["path"] as? String }, ["distribution.xlsx"])
        let first = try XCTUnwrap(outputs.first { $0["path"] as? String == "schools/" + files[0] })
        XCTAssertEqual(first["sha256"] as? String, digests[0].first.map(String.init))
    }

    func testRunningTwiceGivesByteIdenticalWorkbooks() throws {
        let folder = try sampleCopy()
        for name in ["one", "two"] {
            let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", folder.file(name), "--quiet"])
            XCTAssertEqual(result.status, 0, result.standardError)
        }
        let first = try Data(contentsOf: URL(fileURLWithPath: folder.file("one/allocation-2568.xlsx")))
        let second = try Data(contentsOf: URL(fileURLWithPath: folder.file("two/allocation-2568.xlsx")))
        XCTAssertEqual(first, second)
        for name in ["distribution.xlsx", "schools/9963020001.xlsx", "schools/9963020200.xlsx",
                     "evaluation-2568.xlsx", "annual-report-2568.html"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder.file("one/" + name))),
                           try Data(contentsOf: URL(fileURLWithPath: folder.file("two/" + name))), name)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder.file("one/manifest.json"))),
                       try Data(contentsOf: URL(fileURLWithPath: folder.file("two/manifest.json"))))
    }

    func testMalformedCSVStopsTheRunAndLeavesTheOutputAlone() throws {
        let folder = try sampleCopy()
        let output = folder.file("out")
        XCTAssertEqual(try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", output]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: output + "/allocation-2568.xlsx"))

        // An unclosed quote in the third line of the June pupils file.
        let path = folder.file("pupils-2568-06-10.csv")
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: ",", with: ",\"", options: [], range: lines[2].range(of: ","))
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", output])
        XCTAssertEqual(result.status, 65)
        let errorLines = result.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        XCTAssertEqual(errorLines.count, 1, result.standardError)
        XCTAssertTrue(errorLines.first?.hasPrefix("\(folder.path)/pupils-2568-06-10.csv:3:12: error: a quoted field is never closed [CSV001]") ?? false,
                      result.standardError)
        XCTAssertTrue(result.standardError.contains("nothing written"))
        XCTAssertEqual(result.standardOutput, "")
        let after = try Data(contentsOf: URL(fileURLWithPath: output + "/allocation-2568.xlsx"))
        XCTAssertEqual(before, after, "the earlier output is untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out.khet") }
        XCTAssertEqual(leftovers, [], "no staging folder is left behind")
    }

    func testBadCountIsReportedWithItsCell() throws {
        let folder = try sampleCopy()
        let path = folder.file("pupils-2567-11-10.csv")
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[4].components(separatedBy: ",")
        cells[4] = "สิบ"
        lines[4] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let column = cells[0..<4].joined(separator: ",").count + 2
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", folder.file("out")])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.standardError.contains("pupils-2567-11-10.csv:5:\(column): error: 'สิบ' is not a pupil count for ป.1 [PUP005]"),
                      result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")), "nothing is written")
    }

    func testMalformedFrameworkIsReportedWithLineAndColumn() throws {
        let folder = try sampleCopy()
        let framework = try String(contentsOfFile: Repository.path("templates/frameworks/fy2568.xml"), encoding: .utf8)
        try framework.replacingOccurrences(of: "confidence=\"C\"", with: "confidence=\"D\"")
            .write(toFile: folder.file("my-framework.xml"), atomically: true, encoding: .utf8)
        try replace("framework = \"fy2568\"", with: "framework = \"my-framework.xml\"", in: "batch.toml", of: folder)
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", folder.file("out")])
        XCTAssertEqual(result.status, 65)
        let line = try XCTUnwrap(framework.components(separatedBy: "\n").firstIndex { $0.contains("confidence=\"C\"") }) + 1
        XCTAssertTrue(result.standardError.contains("\(folder.path)/my-framework.xml:\(line):7: error: "), result.standardError)
        XCTAssertTrue(result.standardError.contains("'D'"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")))
    }

    func testMissingInputFileExitsSixtySix() throws {
        let folder = try sampleCopy()
        try FileManager.default.removeItem(atPath: folder.file("schools.csv"))
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", folder.file("out")])
        XCTAssertEqual(result.status, 66)
        XCTAssertTrue(result.standardError.contains("\(folder.path)/schools.csv: error: file not found [FILE001]"), result.standardError)
        let missingBatch = try ProcessRunner.khet(["run", folder.file("nope.toml")])
        XCTAssertEqual(missingBatch.status, 66)
    }

    func testBadBatchFileNamesTheKey() throws {
        let folder = try sampleCopy()
        try replace("date = \"2568-07-15\"", with: "date = \"15 July\"", in: "batch.toml", of: folder)
        let result = try ProcessRunner.khet(["validate", folder.file("batch.toml")])
        XCTAssertEqual(result.status, 65)
        let text = try String(contentsOfFile: folder.file("batch.toml"), encoding: .utf8)
        let line = try XCTUnwrap(text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("date =") }) + 1
        XCTAssertTrue(result.standardError.contains("batch.toml:\(line):8: error: '15 July' is not a date [BAT002]"), result.standardError)

        try replace("date = \"15 July\"", with: "date = \"2568-07-15", in: "batch.toml", of: folder)
        let syntax = try ProcessRunner.khet(["validate", folder.file("batch.toml")])
        XCTAssertEqual(syntax.status, 65)
        XCTAssertTrue(syntax.standardError.contains("batch.toml:\(line):"), syntax.standardError)
        XCTAssertTrue(syntax.standardError.contains("not valid TOML"), syntax.standardError)
    }

    func testFrameworkOfAnotherYearIsRefused() throws {
        let folder = try sampleCopy()
        try replace("framework = \"fy2568\"", with: "framework = \"fy2565\"", in: "batch.toml", of: folder)
        let result = try ProcessRunner.khet(["validate", folder.file("batch.toml")])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.standardError.contains("the framework is for fiscal year 2565 but the batch is for 2568 [BAT004]"),
                      result.standardError)
    }

    func testValidatePrintsASummaryAndWritesNothing() throws {
        let folder = try sampleCopy()
        // A column Khet does not know, with a note on one school (and an empty field on the others).
        let schools = folder.file("schools.csv")
        var lines = try String(contentsOfFile: schools, encoding: .utf8).split(separator: "\n").map(String.init)
        let column = lines[0].unicodeScalars.count + 2
        lines = lines.enumerated().map { $0 == 0 ? $1 + ",หมายเหตุ" : $1 + ($0 == 5 ? ",ย้ายที่ตั้ง" : ",") }
        try (lines.joined(separator: "\n") + "\n").write(toFile: schools, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.khet(["validate", folder.file("batch.toml")])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardError.contains("schools.csv:1:\(column): warning: unknown column 'หมายเหตุ' is ignored [CSV011]"),
                      result.standardError)
        XCTAssertTrue(result.standardOutput.hasPrefix("0 errors, "), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("200 schools, 3 pupil snapshots"), result.standardOutput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: Repository.path("out/never")))
    }

    func testWithoutTheJuneCountOnlyTheEarlierRoundsAreWritten() throws {
        let folder = try sampleCopy()
        try replace("""

            [[inputs.pupils]]
            date = "2568-06-10"
            file = "pupils-2568-06-10.csv"
            """, with: "", in: "batch.toml", of: folder)
        let output = folder.file("out")
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", output])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardError.contains("warning: Term 1/2568, balance is not computed"), result.standardError)
        let book = try WorkbookReader.read(output + "/allocation-2568.xlsx")
        XCTAssertEqual(book.sheetNames, ["สรุป", "รายอำเภอ", "เรียนฟรี 15 ปี", "ภาค 2-2567", "ภาค 1-2568 งวด 70%",
                                         "นักเรียนยากจน", "นักเรียนพักนอน", "โรงเรียนขนาดเล็ก", "กรอบวงเงิน", "อัตรา", "คำเตือน"])
        XCTAssertTrue(book.sheet("คำเตือน")?.cells.values.contains { $0.string == "CALC001" } ?? false)
    }

    func testRefusesToReplaceAFolderKhetDidNotWrite() throws {
        let folder = try sampleCopy()
        let precious = try folder.write("documents/letter.txt", "keep me")
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "--output", folder.file("documents")])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains("already holds files that Khet did not write"), result.standardError)
        XCTAssertEqual(try String(contentsOfFile: precious, encoding: .utf8), "keep me")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.file("documents")), ["letter.txt"])
    }

    func testValidateAlsoRunsTheCalculation() throws {
        let folder = try sampleCopy()
        try replace("""

            [[inputs.pupils]]
            date = "2567-06-10"
            file = "pupils-2567-06-10.csv"
            """, with: "", in: "batch.toml", of: folder)
        try replace("language = \"th\"", with: "langauge = \"th\"", in: "batch.toml", of: folder)
        let result = try ProcessRunner.khet(["validate", folder.file("batch.toml")])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardError.contains("warning: Term 2/2567 is not computed: the batch has no snapshot of 10 June 2567 BE [CALC001]"),
                      result.standardError)
        XCTAssertTrue(result.standardError.contains("warning: unknown key 'langauge' is ignored [BAT005]"), result.standardError)
    }

    func testHelpAndVersion() throws {
        let version = try ProcessRunner.khet(["--version"])
        XCTAssertEqual(version.status, 0)
        // The version, then the data folder in use: the build folder's copy of templates/.
        XCTAssertEqual(version.standardOutput,
                       "0.1.0\ndata: " + URL(fileURLWithPath: Repository.khetBinary).resolvingSymlinksInPath().deletingLastPathComponent()
                           .appendingPathComponent("Khet_KhetTemplates.resources").path + "\n")
        let help = try ProcessRunner.khet(["--help"])
        XCTAssertEqual(help.status, 0)
        for command in ["run", "validate", "sample"] { XCTAssertTrue(help.standardOutput.contains(command)) }
        let unknown = try ProcessRunner.khet(["frobnicate"])
        XCTAssertEqual(unknown.status, 64)
    }
}
