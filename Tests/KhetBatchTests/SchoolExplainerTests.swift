import Foundation
import KhetBatch
import KhetCore
import KhetTestSupport
import XCTest

/// `khet explain` in-process: a school's lines, and an unknown code with its likely schools.
final class SchoolExplainerTests: XCTestCase {
    private func schoolRows(_ folder: TemporaryDirectory) throws -> [[String]] {
        try String(contentsOfFile: folder.file("schools.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.components(separatedBy: ",") }
    }

    func testAKnownSchoolIsExplainedInTheLanguageAskedFor() throws {
        let folder = try Repository.sampleCopy("khet-explainer")
        let school = try XCTUnwrap(try schoolRows(folder).first)
        let thai = try SchoolExplainer().explain(batch: folder.file("batch.toml"), school: school[0])
        XCTAssertTrue(thai.lines.prefix(3).contains { $0.contains(school[0]) && $0.contains(school[1]) }, "\(thai.lines.prefix(3))")
        XCTAssertTrue(thai.lines.contains { $0.contains("ป.1") }, "Thai grade names")
        XCTAssertFalse(thai.diagnostics.hasErrors)
        let english = try SchoolExplainer(language: .english).explain(batch: folder.file("batch.toml"), school: school[0])
        XCTAssertTrue(english.lines.contains { $0.contains("P1") }, "Latin grade names")
        XCTAssertFalse(english.lines.contains { $0.contains("ป.1") })
    }

    func testAnUnknownCodeGivesTheClosestSchools() throws {
        let folder = try Repository.sampleCopy("khet-explainer-typo")
        let school = try XCTUnwrap(try schoolRows(folder).dropFirst(10).first)
        var typo = Array(school[0])
        typo[7] = typo[7] == "9" ? "8" : "9"
        XCTAssertThrowsError(try SchoolExplainer().explain(batch: folder.file("batch.toml"), school: String(typo))) { error in
            guard let unknown = error as? SchoolExplainer.UnknownSchool else { return XCTFail("\(error)") }
            XCTAssertEqual(unknown.typed, String(typo))
            XCTAssertEqual(unknown.schoolsFile, folder.file("schools.csv"))
            XCTAssertTrue(unknown.suggestions.contains { $0.code == school[0] }, "\(unknown.suggestions.map(\.code))")
            XCTAssertLessThanOrEqual(unknown.suggestions.count, 5)
        }
    }

    func testInputErrorsAreABatchFailure() throws {
        let folder = try Repository.sampleCopy("khet-explainer-bad")
        try FileManager.default.removeItem(atPath: folder.file("schools.csv"))
        XCTAssertThrowsError(try SchoolExplainer().explain(batch: folder.file("batch.toml"), school: "9963020001")) { error in
            guard let failure = error as? BatchFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.stage, .input)
            XCTAssertTrue(failure.isMissingInput)
        }
    }
}
