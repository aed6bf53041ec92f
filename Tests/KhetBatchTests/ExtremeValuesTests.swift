import Foundation
import KhetBatch
import KhetCore
import KhetTestSupport
import XCTest

/// Counts and rates at the largest values the importers accept go through every calculator and
/// every exporter without a trap; one past them is an error at its place.
final class ExtremeValuesTests: XCTestCase {
    /// A three-school area (one of them small, one boarding) whose snapshots hold `counts(school, grade)`
    /// pupils and whose framework is fy2568 with every rate replaced by `rate(index)` baht.
    private func batch(counts: (Int, Int) -> Int, rate: (Int) -> Int64) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory("khet-extreme")
        let grades = ["อ.1", "อ.2", "อ.3", "ป.1", "ป.2", "ป.3", "ป.4", "ป.5", "ป.6", "ม.1", "ม.2", "ม.3"]
        let codes = ["9999000001", "9999000002", "9999000003"]
        try folder.write("schools.csv", "รหัสโรงเรียน,ชื่อโรงเรียน,อำเภอ,พักนอน,พื้นที่พิเศษ\n"
            + codes.enumerated().map { "\($1),โรงเรียนบ้านทดสอบ \($0),เมือง,\($0 == 1 ? 1 : 0),\($0 == 2 ? 1 : 0)" }.joined(separator: "\n") + "\n")
        let table = "รหัสโรงเรียน," + grades.joined(separator: ",") + "\n" + codes.enumerated().map { school, code in
            ([code] + grades.indices.map { String(counts(school, $0)) }).joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        for name in ["june-2567.csv", "november-2567.csv", "june-2568.csv", "poor.csv", "boarders.csv"] { try folder.write(name, table) }
        var framework = try String(contentsOfFile: Repository.path("templates/frameworks/fy2568.xml"), encoding: .utf8)
        var index = 0
        while let range = framework.range(of: #"baht="[0-9.]+""#, options: .regularExpression) {
            framework.replaceSubrange(range, with: "baht=\"X\(rate(index))\"")
            index += 1
        }
        try folder.write("framework.xml", framework.replacingOccurrences(of: "baht=\"X", with: "baht=\""))
        try folder.write("batch.toml", HandMadeBatch.toml(
            fiscalYear: 2568, framework: "framework.xml", date: "2568-07-15",
            snapshots: [("2567-06-10", "june-2567.csv"), ("2567-11-10", "november-2567.csv"), ("2568-06-10", "june-2568.csv")],
            inputs: [("poor", "poor.csv"), ("boarders", "boarders.csv")]))
        return folder
    }

    private func run(_ folder: TemporaryDirectory) throws(BatchFailure) -> BatchOutcome {
        try BatchRunner(options: BatchOptions(output: folder.file("out"))).run(batch: folder.file("batch.toml"))
    }

    func testTheLargestAcceptedValuesGoThroughEveryCalculatorAndExporter() throws {
        let most = InputLimits.pupilsPerGrade
        // School 3 is small (≤ 120 pupils) so the small-school programme runs too.
        let folder = try batch(counts: { school, _ in school == 2 ? 10 : most }, rate: { _ in InputLimits.rateBaht })
        let outcome = try run(folder)
        XCTAssertEqual(outcome.noticeCount, 3)
        let summary = try XCTUnwrap(try WorkbookReader.read(folder.file("out/allocation-2568.xlsx")).sheet("สรุป"))
        let rows = (6...8).compactMap { summary.values["I\($0)"]?.number }
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(summary.values["I9"]?.number, rows.reduce(0, +))
        XCTAssertGreaterThan(rows[0], 1e12, "two hundred thousand pupils at ten million baht")
        let report = try String(contentsOfFile: folder.file("out/annual-report-2568.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("<svg"), "the report's charts were drawn")
    }

    func testRandomValuesUpToTheLimitsNeverTrap() throws {
        var seed = UInt64(2568)
        func next(_ bound: Int) -> Int {
            // A fixed sequence (splitmix64), so a failure can be replayed.
            seed &+= 0x9E37_79B9_7F4A_7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound + 1))
        }
        for round in 0..<6 {
            let counts = (0..<36).map { _ in next(3) == 0 ? next(InputLimits.pupilsPerGrade) : next(40) }
            let rates = (0..<80).map { _ in Int64(next(3) == 0 ? Int(InputLimits.rateBaht) : next(5_000)) }
            let folder = try batch(counts: { counts[$0 * 12 + $1] }, rate: { rates[$0 % rates.count] })
            do {
                let outcome = try run(folder)
                XCTAssertEqual(outcome.noticeCount, 3, "round \(round)")
            } catch {
                // A calculator may refuse a combination (a grade without a rate): never a trap.
                XCTAssertNotEqual(error.stage, .output, "round \(round): \(error.message ?? "")")
            }
        }
    }

    func testOnePastTheLimitsIsAnErrorAtItsPlace() throws {
        let folder = try batch(counts: { school, grade in school == 1 && grade == 4 ? InputLimits.pupilsPerGrade + 1 : 10 },
                               rate: { $0 == 0 ? InputLimits.rateBaht + 1 : 100 })
        do {
            _ = try run(folder)
            XCTFail("values past the limits were accepted")
        } catch {
            XCTAssertEqual(error.stage, .input)
            let codes = error.diagnostics.errors.map { "\($0.code)@\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line)" }
            XCTAssertTrue(codes.contains("PUP010@june-2568.csv:3"), "\(codes)")
            XCTAssertTrue(codes.contains { $0.hasPrefix("FWK010@framework.xml:") }, "\(codes)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")))
    }
}
