import Foundation
import KhetTestSupport
import XCTest

/// `khet sample` end to end: runs the built binary and reads the files it writes, as an analyst
/// would. The generator's arithmetic is checked through its output only, so these tests keep
/// holding whatever the generator's insides become.
final class SampleGeneratorTests: XCTestCase {
    private let pupilsHeader = "รหัสโรงเรียน,อ.1,อ.2,อ.3,ป.1,ป.2,ป.3,ป.4,ป.5,ป.6,ม.1,ม.2,ม.3,รวม"
    private let schoolsHeader = "รหัสโรงเรียน,ชื่อโรงเรียน,อำเภอ,พักนอน,พื้นที่พิเศษ"
    private let expectedFiles = ["action-plan-2568.xml", "batch-xlsx.toml", "batch.toml", "boarders.csv", "poor-pupils.csv",
                                 "pupils-2567-06-10.csv", "pupils-2567-06-10.xlsx", "pupils-2567-11-10.csv",
                                 "pupils-2567-11-10.xlsx", "pupils-2568-06-10-records.csv", "pupils-2568-06-10.csv",
                                 "pupils-2568-06-10.xlsx", "schools.csv"]
    /// The fiscal year's pay batches, in their own folder.
    private let yearBatches = ["year/batch-apr.toml", "year/batch-jul.toml", "year/batch-oct.toml"]

    func testSameSeedWritesTheSameBytes() throws {
        let first = try sample(seed: 7, schools: 60)
        let second = try sample(seed: 7, schools: 60)
        XCTAssertEqual(try fileNames(in: first), (expectedFiles + ["year"]).sorted())
        XCTAssertEqual(try fileNames(in: second), (expectedFiles + ["year"]).sorted())
        XCTAssertEqual(try fileNames(in: first.appendingPathComponent("year")), yearBatches.map { String($0.dropFirst(5)) })
        for name in expectedFiles + yearBatches {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            XCTAssertEqual(a, b, "\(name) differs between two runs with the same seed")
        }
    }

    func testADifferentSeedWritesDifferentContent() throws {
        let first = try sample(seed: 7, schools: 60)
        let other = try sample(seed: 8, schools: 60)
        for name in ["schools.csv", "pupils-2568-06-10.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: other.appendingPathComponent(name))
            XCTAssertNotEqual(a, b, "\(name) is the same for seeds 7 and 8")
        }
    }

    func testFilesAreUTF8WithoutBOMAndWithLFLineEnds() throws {
        let folder = try sample(seed: 7, schools: 60)
        for name in expectedFiles + yearBatches where !name.hasSuffix(".xlsx") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            XCTAssertFalse(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) starts with a BOM")
            XCTAssertFalse(data.contains(0x0D), "\(name) has a CR")
            XCTAssertEqual(data.last, 0x0A, "\(name) does not end with a line break")
            XCTAssertNotNil(String(data: data, encoding: .utf8), "\(name) is not UTF-8")
        }
    }

    func testSchoolsFileHasSixtyUniqueTenDigitCodesInOrder() throws {
        let folder = try sample(seed: 7, schools: 60)
        let (header, rows) = try table(folder.appendingPathComponent("schools.csv"))
        XCTAssertEqual(header, schoolsHeader)
        XCTAssertEqual(rows.count, 60)
        let codes = rows.map { $0.first ?? "" }
        XCTAssertEqual(Set(codes).count, 60, "codes are not unique")
        XCTAssertEqual(codes, codes.sorted(), "rows are not sorted by code")
        XCTAssertEqual(Set(rows.map { $0.count > 1 ? $0[1] : "" }).count, 60, "names are not unique")
        for row in rows {
            XCTAssertEqual(row.count, 5, "\(row)")
            guard row.count == 5 else { continue }
            XCTAssertEqual(row[0].count, 10, "\(row[0]) is not ten characters")
            XCTAssert(row[0].unicodeScalars.allSatisfy { ("0"..."9").contains($0) }, "\(row[0]) is not all digits")
            XCTAssert(row[1].hasPrefix("โรงเรียน"), row[1])
            XCTAssert(["0", "1"].contains(row[3]) && ["0", "1"].contains(row[4]), "\(row)")
        }
    }

    func testEveryPupilsFileCoversTheSameSchoolsWithConsistentTotals() throws {
        let folder = try sample(seed: 7, schools: 60)
        let schoolCodes = try table(folder.appendingPathComponent("schools.csv")).rows.map { $0.first ?? "" }
        for name in expectedFiles where name.hasPrefix("pupils-") && name.hasSuffix(".csv") && !name.hasSuffix("-records.csv") {
            let (header, rows) = try table(folder.appendingPathComponent(name))
            XCTAssertEqual(header, pupilsHeader, name)
            XCTAssertEqual(rows.map { $0.first ?? "" }, schoolCodes, "\(name) has another school list")
            for row in rows {
                XCTAssertEqual(row.count, 14, "\(name): \(row)")
                let numbers = row.dropFirst().compactMap { Int($0) }
                XCTAssertEqual(numbers.count, 13, "\(name): \(row) has a non-number")
                XCTAssert(numbers.allSatisfy { $0 >= 0 }, "\(name): \(row) has a negative count")
                XCTAssertEqual(numbers.dropLast().reduce(0, +), numbers.last, "\(name): รวม is not the row sum in \(row)")
            }
        }
    }

    func testSnapshotsMoveLikeCohorts() throws {
        let folder = try sample(seed: 7, schools: 60)
        let june = try counts(folder.appendingPathComponent("pupils-2567-06-10.csv"))
        let november = try counts(folder.appendingPathComponent("pupils-2567-11-10.csv"))
        let nextJune = try counts(folder.appendingPathComponent("pupils-2568-06-10.csv"))
        for (code, a) in june {
            guard let b = november[code], let c = nextJune[code] else { return XCTFail("\(code) missing") }
            for grade in 0..<12 {
                // 10 June → 10 November: the same pupils, −3 % … +2 % per grade.
                XCTAssert(b[grade] >= a[grade] * 97 / 100 && b[grade] <= (a[grade] * 102 + 99) / 100,
                          "\(code) grade column \(grade): \(a[grade]) → \(b[grade])")
            }
            // 10 November → next 10 June, one grade up (ป.2 → ป.3 …: อ.3, ป.2–ป.6, ม.2, ม.3).
            for grade in [2, 4, 5, 6, 7, 8, 10, 11] {
                XCTAssert(c[grade] <= b[grade - 1] && c[grade] >= b[grade - 1] * 97 / 100,
                          "\(code) grade column \(grade): \(b[grade - 1]) → \(c[grade])")
            }
        }
    }

    func testBatchFileAndPrintedSummary() throws {
        let folder = try temporaryFolder()
        let result = try ProcessRunner.khet(["sample", "--seed", "7", "--schools", "60", folder.path])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let files = expectedFiles + yearBatches
        XCTAssertEqual(lines.count, files.count + 1, result.standardOutput)
        XCTAssertEqual(Set(lines.prefix(files.count)), Set(files.map { folder.path + "/" + $0 }))
        XCTAssert(lines.last?.contains("60") ?? false, result.standardOutput)
        let batch = try String(contentsOf: folder.appendingPathComponent("batch.toml"), encoding: .utf8)
        XCTAssert(batch.hasPrefix("# Khet batch: the synthetic sample area"), batch)
        XCTAssert(batch.contains("action_plan = \"action-plan-2568.xml\""), batch)
        for expected in ["fiscal_year = 2568\n", "framework = \"fy2568\"", "date = \"2568-07-15\"",
                         "output = \"out\"", "code = \"6302\"", "schools = \"schools.csv\"",
                         "date = \"2567-06-10\"\nfile = \"pupils-2567-06-10.csv\"",
                         "date = \"2567-11-10\"\nfile = \"pupils-2567-11-10.csv\"",
                         "date = \"2568-06-10\"\nfile = \"pupils-2568-06-10.csv\""] {
            XCTAssert(batch.contains(expected), "batch.toml lacks \(expected)")
        }
    }

    /// The pupil records of 10 June 2568 hold the per-grade file's pupils one row each, plus a few
    /// children under 4 (who are not funded); fictional IDs with correct check digits, once each.
    func testPupilRecordsMatchTheLatestSnapshot() throws {
        let folder = try sample(seed: 7, schools: 60)
        let (header, rows) = try table(folder.appendingPathComponent("pupils-2568-06-10-records.csv"))
        XCTAssertEqual(header, "รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด,ยากจน,พักนอน")
        let grades = ["อ.1", "อ.2", "อ.3", "ป.1", "ป.2", "ป.3", "ป.4", "ป.5", "ป.6", "ม.1", "ม.2", "ม.3"]
        var funded: [String: [Int]] = [:]
        var ids: Set<String> = []
        var underFour = 0
        var poor = 0
        var boarderSchools: Set<String> = []
        for row in rows {
            XCTAssertEqual(row.count, 7, "\(row)")
            guard row.count == 7, let gradeIndex = grades.firstIndex(of: row[2]) else { return XCTFail("\(row)") }
            let digits = row[1].compactMap(\.wholeNumberValue)
            XCTAssertEqual(digits.count, 13)
            let sum = zip(digits.prefix(12), (2...13).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
            XCTAssertEqual(digits.last, (11 - sum % 11) % 10, "check digit of row \(row[0]) \(row[2])")
            XCTAssertTrue(ids.insert(row[1]).inserted, "an ID appears twice")
            XCTAssertTrue(["ชาย", "หญิง"].contains(row[3]))
            let date = row[4].split(separator: "/").compactMap { Int($0) }
            XCTAssertEqual(date.count, 3)
            guard date.count == 3 else { continue }
            var age = 2568 - date[2]
            if (date[1], date[0]) > (6, 10) { age -= 1 }
            if age < 4 {
                underFour += 1
                XCTAssertEqual(row[2], "อ.1", "only อ.1 has children under 4")
                continue
            }
            XCTAssertEqual(age, 4 + gradeIndex, "age fits the grade")
            funded[row[0], default: Array(repeating: 0, count: 12)][gradeIndex] += 1
            if row[5] == "1" { poor += 1 }
            if row[6] == "1" { boarderSchools.insert(row[0]) }
        }
        let perGrade = try counts(folder.appendingPathComponent("pupils-2568-06-10.csv"))
        for (code, numbers) in perGrade {
            XCTAssertEqual(funded[code] ?? Array(repeating: 0, count: 12), Array(numbers.prefix(12)), code)
        }
        XCTAssertGreaterThan(underFour, 0, "some children under 4")
        XCTAssertLessThan(underFour, 10)
        XCTAssertGreaterThan(poor, rows.count / 20, "some poor pupils")
        let boardingSchools = Set(try table(folder.appendingPathComponent("schools.csv")).rows.filter { $0[3] == "1" }.map { $0[0] })
        XCTAssertFalse(boarderSchools.isEmpty)
        XCTAssertTrue(boarderSchools.isSubset(of: boardingSchools), "boarders only in boarding schools")
    }

    func testBatchOutputCanBeChosen() throws {
        let folder = try temporaryFolder()
        let result = try ProcessRunner.khet(["sample", "--schools", "3", "--batch-output", "../../out/x", folder.path])
        XCTAssertEqual(result.status, 0, result.standardError)
        let batch = try String(contentsOf: folder.appendingPathComponent("batch.toml"), encoding: .utf8)
        XCTAssert(batch.contains("output = \"../../out/x\""), batch)
    }

    func testZeroSchoolsIsRefusedWithAMessage() throws {
        let folder = try temporaryFolder().appendingPathComponent("never")
        let result = try ProcessRunner.khet(["sample", "--schools", "0", folder.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssert(result.standardError.contains("--schools"), "stderr: \(result.standardError)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "a refused run wrote files")
    }

    // MARK: - Helpers

    /// Runs `khet sample` into a fresh temporary folder and returns the folder.
    private func sample(seed: UInt64, schools: Int) throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("area")
        let result = try ProcessRunner.khet(["sample", "--seed", String(seed), "--schools", String(schools), folder.path])
        XCTAssertEqual(result.status, 0, "khet sample failed: \(result.standardError)")
        return folder
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("khet-sample-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    private func fileNames(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// Header line and data rows of a CSV file (RFC 4180 quoting, LF line ends).
    private func table(_ url: URL) throws -> (header: String, rows: [[String]]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard !lines.isEmpty else { return ("", []) }
        let header = lines.removeFirst()
        return (header, lines.map(fields))
    }

    /// Per school code, the thirteen numbers of a pupils file (12 grades, then รวม).
    private func counts(_ url: URL) throws -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for row in try table(url).rows {
            result[row.first ?? ""] = row.dropFirst().map { Int($0) ?? -1 }
        }
        return result
    }

    private func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var previousWasQuote = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false; previousWasQuote = true } else { current.append(character) }
            } else if character == "\"" {
                if previousWasQuote { current.append("\"") }
                quoted = true
                previousWasQuote = false
            } else if character == "," {
                fields.append(current)
                current = ""
                previousWasQuote = false
            } else {
                current.append(character)
                previousWasQuote = false
            }
        }
        fields.append(current)
        return fields
    }

}

/// The sample action plan: five strategies, forty projects, and what the evaluation needs to
/// show (lower-is-better and qualitative indicators, quarters, projects without results).
final class SampleActionPlanTests: XCTestCase {
    func testTheCommittedSampleIsWhatTheGeneratorWrites() throws {
        let folder = try TemporaryDirectory("khet-sample-regenerate")
        let result = try ProcessRunner.khet(["sample", "--batch-output", "../../out/tak2-fy2568", folder.path])
        XCTAssertEqual(result.status, 0, result.standardError)
        let committed = Repository.root.appendingPathComponent("samples/tak2")
        // Files at every depth (the fiscal year's pay batches are in year/); a ledger made by
        // playing the sample year is the analyst's, not the generator's.
        func files(in root: URL) -> [String] {
            (FileManager.default.subpaths(atPath: root.path) ?? []).filter { path in
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder)
                return !isFolder.boolValue && !path.contains("khet-ledger-")
            }.sorted()
        }
        let names = files(in: committed)
        XCTAssertEqual(files(in: folder.url), names)
        XCTAssertTrue(names.contains("year/batch-jul.toml"), "\(names)")
        for name in names {
            XCTAssertEqual(try Data(contentsOf: folder.url.appendingPathComponent(name)),
                           try Data(contentsOf: committed.appendingPathComponent(name)), "\(name) differs from the generator's output")
        }
    }

    func testTheCommittedSamplePlanHasTheIntendedMix() throws {
        let plan = try String(contentsOfFile: Repository.path("samples/tak2/action-plan-2568.xml"), encoding: .utf8)
        func count(_ text: String) -> Int { plan.components(separatedBy: text).count - 1 }
        XCTAssertEqual(count("<strategy id="), 5)
        XCTAssertEqual(count("<project code="), 40)
        XCTAssertGreaterThan(count("direction=\"lower\""), 5)
        XCTAssertGreaterThan(count("kind=\"qualitative\""), 5)
        XCTAssertGreaterThan(count("<quarter n=\"4\""), 5)
        // A project without results has a budget without spent and indicators without actual.
        let silent = plan.components(separatedBy: "<project ").dropFirst().filter { !$0.contains("spent=") && !$0.contains("actual=") }
        XCTAssertGreaterThanOrEqual(silent.count, 2)
    }
}
