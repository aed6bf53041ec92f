import Foundation
import KhetTestSupport
import XCTest

/// `khet diff` as an analyst uses it on the sample area: two runs of April's transfer either side
/// of a corrected November count, then the ledger against the confirmed April run and against
/// July's run, which corrects April's small-school top-up. The workbook is read back with openpyxl.
final class DiffCommandTests: XCTestCase {
    private static let school = "9963020006"
    private static let sheet = "รายการที่ต่างกัน"

    private func khet(_ arguments: [String], in folder: TemporaryDirectory) throws -> ProcessOutput {
        try ProcessRunner.khet(arguments, currentDirectory: folder.path)
    }

    /// Each school's money in a lines.json, in satang.
    private func total(ofTransfer folder: String) throws -> Int64 {
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/lines.json"))) as? [String: Any])
        let payments = json["payments"] as? [[String: Any]] ?? []
        return payments.flatMap { $0["lines"] as? [[String: Any]] ?? [] }.map { ($0["amount_satang"] as? NSNumber)?.int64Value ?? 0 }.reduce(0, +)
    }

    /// The workbook's differing lines: (school, cause, A, B, difference as cached, difference's formula).
    private func rows(of workbook: String) throws -> [(school: String, cause: String, a: Double, b: Double, difference: Double, formula: String)] {
        let sheet = try XCTUnwrap(try WorkbookReader.read(workbook).sheet(Self.sheet))
        let header = try XCTUnwrap((1...sheet.maxRow).first { sheet.cells["A\($0)"]?.string == "รหัสโรงเรียน" })
        return ((header + 1)...max(header + 1, sheet.maxRow)).compactMap { row in
            guard let school = sheet.cells["A\(row)"]?.string, school.hasPrefix("99") else { return nil }
            return (school, sheet.cells["K\(row)"]?.string ?? "", sheet.cells["H\(row)"]?.number ?? .nan, sheet.cells["I\(row)"]?.number ?? .nan,
                    sheet.values["J\(row)"]?.number ?? .nan, sheet.cells["J\(row)"]?.string ?? "")
        }
    }

    func testTwoRunsAndTheLedgerAreComparedLineByLineWithTheirCause() throws {
        let folder = try Repository.sampleCopy("khet-diff")
        let snapshots = [SamplePayBatch.june2567, SamplePayBatch.november2567]
        _ = try folder.write("april.toml", SamplePayBatch.toml(date: "2568-04-20", snapshots: snapshots, rounds: ["1/2568-advance", "year"]))
        _ = try folder.write("april-2.toml", SamplePayBatch.toml(date: "2568-04-21", snapshots: snapshots, rounds: ["1/2568-advance", "year"]))
        let aprilA = "out/tak2-fy2568_1-2568-advance+year_2568-04-20", aprilB = "out/tak2-fy2568_1-2568-advance+year_2568-04-21"
        XCTAssertEqual(try khet(["run", "april.toml", "-q"], in: folder).status, 0)
        // DMC corrects one school's 10 November count, and April is run again the next day.
        try SamplePayBatch.correctCount(in: folder.file("pupils-2567-11-10.csv"), school: Self.school, column: 4, by: 3)
        XCTAssertEqual(try khet(["run", "april-2.toml", "-q"], in: folder).status, 0)
        let runs = try [aprilA, aprilB].map { try FolderContents.read(folder.file($0)) }

        let diff = try khet(["diff", aprilA, aprilB, "--limit", "5"], in: folder)
        XCTAssertEqual(diff.status, 2, "something differs: \(diff.standardError)")
        XCTAssertTrue(diff.standardOutput.contains("inputs that differ: batch (changed), pupils 2567-11-10 (changed)"), diff.standardOutput)
        XCTAssertTrue(diff.standardOutput.contains("pupil count"), diff.standardOutput)
        let workbook = folder.file("out/diff_tak2-fy2568_1-2568-advance+year_2568-04-20_tak2-fy2568_1-2568-advance+year_2568-04-21.xlsx")
        XCTAssertTrue(diff.standardOutput.contains("workbook: \(workbook)"), diff.standardOutput)
        let lines = try rows(of: workbook)
        XCTAssertFalse(lines.isEmpty)
        XCTAssertEqual(Set(lines.map(\.school)), [Self.school], "only the corrected school differs")
        XCTAssertEqual(Set(lines.map(\.cause)), ["จำนวนนักเรียน"], "each line differs by its count")
        for line in lines {
            XCTAssertEqual(line.difference, line.b - line.a, accuracy: 0.001)
            XCTAssertTrue(line.formula.hasPrefix("=I") && line.formula.contains("-H"), line.formula)
        }
        let change = try total(ofTransfer: folder.file(aprilB)) - total(ofTransfer: folder.file(aprilA))
        XCTAssertEqual(Int64((lines.map(\.difference).reduce(0, +) * 100).rounded()), change, "the lines account for the whole change, to the satang")
        // Asked again, the earlier workbook stays and the new one takes the next name.
        XCTAssertEqual(try khet(["diff", aprilA, aprilB, "--limit", "0"], in: folder).status, 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: workbook.replacingOccurrences(of: ".xlsx", with: "-2.xlsx")))
        XCTAssertEqual(try [aprilA, aprilB].map { try FolderContents.read(folder.file($0)) }, runs, "the runs' folders are as they were")

        // April's first run is confirmed: the ledger and the run read the same.
        XCTAssertEqual(try khet(["confirm", "april.toml", "--by", "analyst"], in: folder).status, 0)
        let ledger = "khet-ledger-6302-2568.sqlite"
        let same = try khet(["diff", ledger, aprilA, "--workbook", folder.file("same.xlsx")], in: folder)
        XCTAssertEqual(same.status, 0, same.standardOutput + same.standardError)
        XCTAssertTrue(same.standardOutput.contains("no line differs"), same.standardOutput)
        XCTAssertEqual(try rows(of: folder.file("same.xlsx")).count, 0)

        // July, on the corrected count, pays the balance and corrects April's small-school top-up.
        _ = try folder.write("july.toml", SamplePayBatch.toml(
            date: "2568-07-15", snapshots: snapshots + [SamplePayBatch.june2568], rounds: ["1/2568-balance"],
            extra: "correction = \"10 November count of \(Self.school) corrected\""))
        XCTAssertEqual(try khet(["run", "july.toml", "-q"], in: folder).status, 0)
        let july = "out/tak2-fy2568_1-2568-balance_2568-07-15"
        let against = try khet(["diff", ledger, july, "--workbook", folder.file("july.xlsx")], in: folder)
        XCTAssertEqual(against.status, 2)
        XCTAssertTrue(against.standardOutput.contains("pupils 2567-11-10 (changed)"), against.standardOutput)
        let corrections = try rows(of: folder.file("july.xlsx")).filter { $0.cause == "ปรับปรุงยอด" }
        XCTAssertEqual(corrections.map(\.school), [Self.school])
        XCTAssertEqual(corrections.first?.a, 28_000, "what the ledger says was paid")
        XCTAssertEqual(corrections.first?.b, 29_500, "with July's correction")
    }

    /// Two plan runs, before and after a count changes: only that school's lines differ, by count;
    /// the same run compared with itself differs nowhere.
    func testTwoPlanRunsDifferOnlyWhereTheDataChanged() throws {
        let folder = try Repository.sampleCopy("khet-diff-plan")
        XCTAssertEqual(try khet(["run", "batch.toml", "-o", "plan-1", "-q"], in: folder).status, 0)
        try SamplePayBatch.correctCount(in: folder.file("pupils-2568-06-10.csv"), school: "9963020020", column: 6, by: 1)
        XCTAssertEqual(try khet(["run", "batch.toml", "-o", "plan-2", "-q"], in: folder).status, 0)
        let same = try khet(["diff", "plan-1", "plan-1", "--workbook", folder.file("same.xlsx")], in: folder)
        XCTAssertEqual(same.status, 0, same.standardError)
        let diff = try khet(["diff", "plan-1", "plan-2"], in: folder)
        XCTAssertEqual(diff.status, 2, diff.standardError)
        XCTAssertTrue(diff.standardOutput.contains("A: plan-1 (plan run of 2568-07-15)"), diff.standardOutput)
        let lines = try rows(of: folder.file("diff_plan-1_plan-2.xlsx"))
        XCTAssertEqual(Set(lines.map(\.school)), ["9963020020"])
        XCTAssertEqual(Set(lines.map(\.cause)), ["จำนวนนักเรียน"])
        XCTAssertTrue(lines.allSatisfy { $0.b > $0.a }, "one more pupil is more money on every line")
    }

    /// What khet diff cannot compare is refused with a short message naming it, and nothing is
    /// written: a folder no run wrote, a path that is not there, a file that is no ledger, a damaged
    /// ledger or another area's, a workbook over an existing file or inside a run's folder.
    func testWhatCannotBeComparedIsRefusedAndNothingIsWritten() throws {
        let folder = try Repository.sampleCopy("khet-diff-bad")
        _ = try folder.write("october.toml", SamplePayBatch.toml(date: "2567-10-20", snapshots: [SamplePayBatch.june2567], rounds: ["2/2567"]))
        XCTAssertEqual(try khet(["run", "october.toml", "-q"], in: folder).status, 0)
        let october = "out/tak2-fy2568_2-2567_2567-10-20"
        try Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: folder.file("damaged.sqlite")))
        let other = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", """
            import sqlite3; db = sqlite3.connect('\(folder.file("other.sqlite"))')
            db.execute('CREATE TABLE ledger (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
            db.executemany('INSERT INTO ledger VALUES (?, ?)', [('format', 'khet-ledger'), ('schema', '1'), ('area', '9999'), ('fiscal_year', '2568')])
            db.commit()
            """])
        XCTAssertEqual(other.status, 0, other.standardError)
        try Data("the office's own notes".utf8).write(to: URL(fileURLWithPath: folder.file("notes.xlsx")))
        let before = try FolderContents.read(folder.path)
        let cases: [(arguments: [String], status: Int32, says: String)] = [
            (["schools.csv", october], 65, "schools.csv is not a Khet ledger"),
            (["out", october], 65, "out is not a Khet run's folder"),
            (["missing", october], 65, "missing does not exist"),
            (["damaged.sqlite", october], 65, "damaged.sqlite is not a Khet ledger or is damaged"),
            (["other.sqlite", october], 65, "is the ledger of area 9999, not 6302"),
            ([october, october, "--workbook", "notes.xlsx"], 1, "exists already and is never overwritten"),
            ([october, october, "--workbook", october + "/diff.xlsx"], 1, "is a Khet run's folder"),
        ]
        for (arguments, status, says) in cases {
            let result = try khet(["diff"] + arguments, in: folder)
            XCTAssertEqual(result.status, status, "\(arguments): \(result.standardError)")
            XCTAssertTrue(result.standardError.contains(says), "\(arguments): \(result.standardError)")
            XCTAssertTrue(result.standardError.split(separator: "\n").allSatisfy { $0.count < 300 }, result.standardError)
        }
        XCTAssertEqual(try FolderContents.read(folder.path), before, "nothing was written or changed")
    }
}
