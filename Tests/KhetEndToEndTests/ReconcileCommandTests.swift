import Foundation
import KhetTestSupport
import XCTest

/// `khet reconcile` through the built binary: exit 2 while OBEC's list differs, 0 once it
/// carries Khet's own figures (taken from the reconciliation.xlsx `khet run` wrote, read back
/// with openpyxl), 65 for a list Khet cannot read.
final class ReconcileCommandTests: XCTestCase {
    /// The items paid in a whole term (textbooks and uniforms are paid in term 1 only).
    private let items = ["ค่าจัดการเรียนการสอน", "ค่าอุปกรณ์การเรียน", "ค่ากิจกรรมพัฒนาคุณภาพผู้เรียน"]
    private var header: String { (["รหัสโรงเรียน"] + items).joined(separator: ",") }

    private func withList(_ rows: [String]) throws -> TemporaryDirectory {
        let folder = try Repository.sampleCopy("khet-e2e-reconcile")
        try ("บัญชีจัดสรร ปีงบประมาณ 2568\n" + ([header] + rows).joined(separator: "\n") + "\n")
            .write(toFile: folder.file("obec.csv"), atomically: true, encoding: .utf8)
        let batch = try String(contentsOfFile: folder.file("batch.toml"), encoding: .utf8)
        try (batch + "\n[[inputs.obec_lists]]\nprogramme = \"free-education\"\nround = \"2/2567\"\nfile = \"obec.csv\"\n")
            .write(toFile: folder.file("batch.toml"), atomically: true, encoding: .utf8)
        return folder
    }

    func testExitStatusTellsWhetherTheListAgrees() throws {
        let differing = try withList([#"9963020001,"1,000.00",0,0"#])
        let first = try ProcessRunner.khet(["reconcile", differing.file("batch.toml")])
        XCTAssertEqual(first.status, 2, first.standardError)
        XCTAssertTrue(first.standardOutput.contains("Free education, Term 2/2567: OBEC 1,000.00"), first.standardOutput)
        XCTAssertTrue(first.standardOutput.contains("in Khet's figures only"), first.standardOutput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: differing.file("out")), "reconcile writes nothing")

        // Khet's own figures, from the sheet khet run writes, make a list that agrees.
        let run = try ProcessRunner.khet(["run", differing.file("batch.toml"), "--output", differing.file("out")])
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.contains("OBEC's allocation lists against Khet's figures:"), run.standardOutput)
        let sheet = try XCTUnwrap(try WorkbookReader.read(differing.file("out/reconciliation.xlsx")).sheets.first)
        let headerRow = try XCTUnwrap((1...sheet.maxRow).first { sheet.cells["A\($0)"]?.string == "รหัสโรงเรียน" })
        var amounts: [String: [String: Double]] = [:]
        for row in (headerRow + 1)...sheet.maxRow {
            guard let code = sheet.cells["A\(row)"]?.string, code.count == 10, let item = sheet.cells["C\(row)"]?.string,
                  let khet = sheet.values["E\(row)"]?.number else { continue }
            amounts[code, default: [:]][item] = khet
        }
        XCTAssertEqual(amounts.count, 200)
        let rows = amounts.keys.sorted().map { code in
            let row = amounts[code] ?? [:]
            let values = items.map { name in row.first { $0.key.hasPrefix(name) }?.value ?? 0 }
            return ([code] + values.map { String(format: "\"%.2f\"", $0) }).joined(separator: ",")
        }
        let agreeing = try withList(rows)
        let second = try ProcessRunner.khet(["reconcile", agreeing.file("batch.toml")])
        XCTAssertEqual(second.status, 0, second.standardOutput + second.standardError)
        XCTAssertTrue(second.standardOutput.contains("agrees for every school"), second.standardOutput)
    }

    func testAnUnreadableListIsExit65AtItsCell() throws {
        let folder = try withList([#"9963020001,ห้าร้อย,0,0"#])
        let result = try ProcessRunner.khet(["reconcile", folder.file("batch.toml")])
        XCTAssertEqual(result.status, 65, result.standardError)
        XCTAssertTrue(result.standardError.contains("obec.csv:3:12: error: 'ห้าร้อย' is not an amount in baht [ALS005]"), result.standardError)
    }
}
