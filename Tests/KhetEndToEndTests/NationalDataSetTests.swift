import Foundation
import KhetTestSupport
import XCTest

/// `khet sample --national` and `khet run` on the national data set it writes: one run over
/// three small areas, checked against the national summary, against ordinary single-area
/// batches built from the same rows, and for the same bytes whatever the thread count.
final class NationalDataSetTests: XCTestCase {
    private func nationalSample(_ folder: TemporaryDirectory, name: String = "country", seed: Int = 2568) throws -> String {
        let path = folder.file(name)
        let result = try ProcessRunner.khet(["sample", "--national", "--areas", "3", "--schools", "90", "--seed", "\(seed)", path])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.contains("National sample: 3 areas, 90 schools, "), result.standardOutput)
        return path
    }

    private func satang(_ value: JSONValue?) -> Int { value?.number.map { Int(($0 * 100).rounded()) } ?? Int.min }

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testTheSampleIsANationalDataSetAndTheSameSeedWritesTheSameBytes() throws {
        let folder = try TemporaryDirectory("khet-national-sample")
        let first = try nationalSample(folder, name: "a")
        let second = try nationalSample(folder, name: "b")
        let names = ["areas.csv", "batch.toml", "pupils-2567-06-10.csv", "pupils-2567-11-10.csv",
                     "pupils-2568-06-10-records.csv", "schools.csv"]
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: first).sorted(), names)
        for name in names {
            XCTAssertEqual(FileManager.default.contents(atPath: first + "/" + name),
                           FileManager.default.contents(atPath: second + "/" + name), name)
        }
        let areas = try lines(first + "/areas.csv")
        XCTAssertEqual(areas.first, "รหัสเขต,ชื่อเขต,ชื่อย่อ")
        XCTAssertEqual(areas.count, 4)
        let schools = try lines(first + "/schools.csv")
        XCTAssertEqual(schools.first, "รหัสโรงเรียน,ชื่อโรงเรียน,รหัสเขต,อำเภอ,พักนอน,พื้นที่พิเศษ")
        let areaCodes = Set(areas.dropFirst().map { String($0.prefix(4)) })
        for row in schools.dropFirst() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertTrue(fields[0].hasPrefix("99") && fields[0].count == 10, row)
            XCTAssertTrue(areaCodes.contains(String(fields[2])), row)
        }
        let records = try lines(first + "/pupils-2568-06-10-records.csv")
        XCTAssertEqual(records.first, "รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด,ยากจน,พักนอน")
        XCTAssertEqual(Set(records.dropFirst().map { $0.split(separator: ",")[1] }).count, records.count - 1, "IDs are unique")
        let other = try nationalSample(folder, name: "c", seed: 7)
        XCTAssertNotEqual(FileManager.default.contents(atPath: other + "/schools.csv"),
                          FileManager.default.contents(atPath: first + "/schools.csv"))
    }

    func testAreaWorkbooksAddUpToTheSummaryAndMatchSingleAreaBatches() throws {
        let folder = try TemporaryDirectory("khet-national-run")
        let country = try nationalSample(folder)
        let result = try ProcessRunner.khet(["run", country + "/batch.toml", "--quiet"])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.hasPrefix("Wrote 3 areas, fiscal year 2568:"), result.standardOutput)
        let codes = try lines(country + "/areas.csv").dropFirst().map { String($0.prefix(4)) }
        let books = try WorkbookReader.read([country + "/out/national-summary-2568.xlsx"]
                                            + codes.map { country + "/out/areas/\($0)/allocation-2568.xlsx" })
        let summary = try XCTUnwrap(books[0].sheets.first)
        XCTAssertEqual(summary.cells["A5"]?.string, "รหัสเขต")
        var national = Array(repeating: 0, count: 5)
        var areaTotals: [String: Int] = [:]
        for (offset, code) in codes.enumerated() {
            let row = 6 + offset
            XCTAssertEqual(summary.cells["A\(row)"]?.string, code)
            let area = try XCTUnwrap(books[offset + 1].sheet("สรุป"))
            for (index, column) in ["E", "F", "G", "H", "I"].enumerated() {
                let value = satang(summary.values["\(column)\(row)"])
                XCTAssertEqual(value, satang(area.values["\(column)\(area.maxRow)"]), "\(code) \(column)")
                national[index] += value
            }
            areaTotals[code] = satang(summary.values["I\(row)"])
            XCTAssertGreaterThan(areaTotals[code] ?? 0, 0)
        }
        for (index, column) in ["E", "F", "G", "H", "I"].enumerated() {
            XCTAssertEqual(satang(summary.values["\(column)9"]), national[index], column)
        }
        XCTAssertEqual(summary.values["C9"]?.number, 90)
        // A national run shows the rounds as one row per school, adding up to the free-education total.
        for (offset, code) in codes.enumerated() {
            let book = books[offset + 1]
            XCTAssertFalse(book.sheetNames.contains("ภาค 2-2567"), "no line sheets by default: \(book.sheetNames)")
            let rounds = try XCTUnwrap(book.sheet("เรียนฟรี 15 ปี รายงวด"), "\(book.sheetNames)")
            XCTAssertEqual(rounds.cells["E5"]?.string, "ภาค 2-2567")
            XCTAssertEqual(rounds.cells["F5"]?.string, "ภาค 1-2568 งวด 70%")
            XCTAssertEqual(rounds.cells["G5"]?.string, "ภาค 1-2568 ส่วนที่เหลือ")
            let roundsTotal = ["E", "F", "G"].reduce(0) { $0 + satang(rounds.values["\($1)\(rounds.maxRow)"]) }
            XCTAssertEqual(roundsTotal, satang(rounds.values["H\(rounds.maxRow)"]), code)
            let summarySheet = try XCTUnwrap(book.sheet("สรุป"))
            XCTAssertEqual(roundsTotal, satang(summarySheet.values["E\(summarySheet.maxRow)"]), "\(code): rounds = free education")
        }
        let manifest = try String(contentsOfFile: country + "/out/manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"areas/\(codes[0])/allocation-2568.xlsx\""), manifest)
        XCTAssertTrue(manifest.contains("pupils-2568-06-10-records.csv\""), manifest)

        // The same rows as an ordinary batch of one area give the same money.
        let code = codes[1]
        let single = try singleAreaBatch(from: country, code: code, into: folder.file("single"))
        let run = try ProcessRunner.khet(["run", single, "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let book = try WorkbookReader.read(folder.file("single/out/allocation-2568.xlsx"))
        let sheet = try XCTUnwrap(book.sheet("สรุป"))
        XCTAssertEqual(satang(sheet.values["I\(sheet.maxRow)"]), areaTotals[code])
    }

    /// `--round-lines` writes the line sheets of every round, as an area's own run does, with the
    /// same money.
    func testRoundLinesOnRequest() throws {
        let folder = try TemporaryDirectory("khet-national-lines")
        let country = try nationalSample(folder)
        let result = try ProcessRunner.khet(["run", country + "/batch.toml", "--quiet", "--round-lines"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let code = try XCTUnwrap(try lines(country + "/areas.csv").dropFirst().first.map { String($0.prefix(4)) })
        let book = try WorkbookReader.read(country + "/out/areas/\(code)/allocation-2568.xlsx")
        XCTAssertNil(book.sheet("เรียนฟรี 15 ปี รายงวด"))
        var rounds = 0
        for name in ["ภาค 2-2567", "ภาค 1-2568 งวด 70%", "ภาค 1-2568 ส่วนที่เหลือ"] {
            let sheet = try XCTUnwrap(book.sheet(name), "\(book.sheetNames)")
            XCTAssertGreaterThan(sheet.maxRow, 100, "one row per line: \(name)")
            let amountColumn = name.contains("70%") ? "I" : "G"
            rounds += satang(sheet.values["\(amountColumn)\(sheet.maxRow)"])
        }
        let summary = try XCTUnwrap(book.sheet("สรุป"))
        XCTAssertEqual(rounds, satang(summary.values["E\(summary.maxRow)"]))
    }

    /// An ordinary batch (with `[area]`) of one area's rows of every national file.
    private func singleAreaBatch(from country: String, code: String, into target: String) throws -> String {
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let schools = try lines(country + "/schools.csv")
        let mine = Set(schools.dropFirst().filter { $0.split(separator: ",")[2] == code }.map { String($0.prefix(10)) })
        for name in ["schools.csv", "pupils-2567-06-10.csv", "pupils-2567-11-10.csv", "pupils-2568-06-10-records.csv"] {
            let rows = try lines(country + "/" + name)
            let kept = [rows[0]] + rows.dropFirst().filter { mine.contains(String($0.prefix(10))) }
            try (kept.joined(separator: "\n") + "\n").write(toFile: target + "/" + name, atomically: true, encoding: .utf8)
        }
        let area = try XCTUnwrap(try lines(country + "/areas.csv").first { $0.hasPrefix(code + ",") }).split(separator: ",")
        let batch = try String(contentsOfFile: country + "/batch.toml", encoding: .utf8)
            .replacingOccurrences(of: "[inputs]\n", with: "[area]\ncode = \"\(code)\"\nname = \"\(area[1])\"\nshort_name = \"\(area[2])\"\n\n[inputs]\n")
            .split(separator: "\n").filter { !$0.hasPrefix("areas =") }.joined(separator: "\n")
        try (batch + "\n").write(toFile: target + "/batch.toml", atomically: true, encoding: .utf8)
        return target + "/batch.toml"
    }

    func testOneOrTwoThreadsWriteTheSameBytes() throws {
        let folder = try TemporaryDirectory("khet-national-jobs")
        let country = try nationalSample(folder)
        for jobs in ["1", "2"] {
            let result = try ProcessRunner.khet(["run", country + "/batch.toml", "--quiet", "--jobs", jobs,
                                                 "--output", folder.file("out\(jobs)")])
            XCTAssertEqual(result.status, 0, result.standardError)
        }
        let codes = try lines(country + "/areas.csv").dropFirst().map { String($0.prefix(4)) }
        for name in ["national-summary-2568.xlsx", "manifest.json"] + codes.map({ "areas/\($0)/allocation-2568.xlsx" }) {
            let one = FileManager.default.contents(atPath: folder.file("out1/" + name))
            XCTAssertNotNil(one, name)
            XCTAssertEqual(one, FileManager.default.contents(atPath: folder.file("out2/" + name)), name)
        }
    }

    func testAnUnknownAreaCodeIsAnErrorAtItsCellAndNothingIsWritten() throws {
        let folder = try TemporaryDirectory("khet-national-bad")
        let country = try nationalSample(folder)
        var schools = try lines(country + "/schools.csv")
        // Line 3 of the file: the second school, its area code in the third column.
        var fields = schools[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[2] = "9999"
        schools[2] = fields.joined(separator: ",")
        // Columns count Unicode scalars (Thai vowel marks included).
        let column = fields[0].unicodeScalars.count + fields[1].unicodeScalars.count + 3
        fields = schools[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let blankColumn = fields[0].unicodeScalars.count + fields[1].unicodeScalars.count + 3
        fields[2] = ""
        schools[3] = fields.joined(separator: ",")
        try (schools.joined(separator: "\n") + "\n").write(toFile: country + "/schools.csv", atomically: true, encoding: .utf8)
        let result = try ProcessRunner.khet(["run", country + "/batch.toml"])
        XCTAssertEqual(result.status, 65, result.standardError)
        XCTAssertTrue(result.standardError.contains("schools.csv:3:\(column): error: area code '9999' of school"), result.standardError)
        XCTAssertTrue(result.standardError.contains("schools.csv:4:\(blankColumn): error: the area code of school"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: country + "/out"), "nothing is written")
        let validate = try ProcessRunner.khet(["validate", country + "/batch.toml"])
        XCTAssertEqual(validate.status, 65)
        XCTAssertTrue(validate.standardOutput.contains("area code '9999'") || validate.standardError.contains("area code '9999'"))
    }

    func testProgressShowsOnATerminalOnly() throws {
        let folder = try TemporaryDirectory("khet-national-progress")
        let country = try nationalSample(folder)
        let khet = Repository.khetBinary
        func underTerminal(_ arguments: String) throws -> String {
            let result = try ProcessRunner.run("/usr/bin/script", ["-qec", "\(khet) run \(country)/batch.toml \(arguments)", "/dev/null"])
            XCTAssertEqual(result.status, 0, result.standardOutput)
            return result.standardOutput
        }
        let shown = try underTerminal("--output \(folder.file("a"))")
        XCTAssertTrue(shown.contains("\rimport "), shown)
        XCTAssertTrue(shown.contains("pupils-2568-06-10-records.csv"), shown)
        XCTAssertTrue(shown.contains("\r\u{1B}[K"), "the line is cleared at the end")
        // A terminal turns line ends into CR LF, so look for the line's own marks.
        let quiet = try underTerminal("--quiet --output \(folder.file("b"))")
        XCTAssertFalse(quiet.contains("\u{1B}[K"), quiet)
        XCTAssertFalse(quiet.contains("import "), quiet)
        let piped = try ProcessRunner.khet(["run", country + "/batch.toml", "--output", folder.file("c")])
        XCTAssertEqual(piped.status, 0)
        XCTAssertFalse(piped.standardError.contains("\r"), piped.standardError)
        XCTAssertFalse(piped.standardError.contains("import "), piped.standardError)
    }

    func testTimingsPrintAStageTable() throws {
        let folder = try TemporaryDirectory("khet-national-timings")
        let country = try nationalSample(folder)
        let result = try ProcessRunner.khet(["run", country + "/batch.toml", "--quiet", "--timings"])
        XCTAssertEqual(result.status, 0, result.standardError)
        for stage in ["import", "calculate", "area workbooks", "summary"] {
            XCTAssertTrue(result.standardError.contains("\n\(stage) "), result.standardError)
        }
    }
}
