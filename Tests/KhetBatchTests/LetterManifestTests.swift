import Foundation
import KhetBatch
import KhetCore
import KhetTestSupport
import XCTest

/// The batch's `[letter]` table: every mistake in it is located at its key, like the rest of the
/// batch file, and a batch without it is still valid.
final class LetterManifestTests: XCTestCase {
    /// The sample batch with `letter` in place of its `[letter]` table: the batch file's text
    /// and what validating it says.
    private func manifestErrors(_ letter: String) throws -> (text: String, path: String, diagnostics: [Diagnostic]) {
        let folder = try Repository.sampleCopy("khet-letter")
        let path = folder.file("batch.toml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "\n[letter]"), "the sample batch has a [letter] table")
        let edited = String(text[..<start.lowerBound]) + "\n" + letter
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try BatchValidator(importOnly: true).validate(batch: path)
        withExtendedLifetime(folder) {}
        return (edited, path, report.diagnostics)
    }

    func testTheSampleLetterIsValid() throws {
        let report = try BatchValidator(importOnly: true).validate(batch: Repository.path("samples/tak2/batch.toml"))
        XCTAssertTrue(report.manifestRead)
        XCTAssertFalse(report.diagnostics.contains { $0.code.hasPrefix("BAT") }, "\(report.diagnostics)")
    }

    func testABatchWithoutALetterIsValid() throws {
        let (_, _, diagnostics) = try manifestErrors("")
        XCTAssertFalse(diagnostics.contains { $0.code.hasPrefix("BAT") }, "\(diagnostics)")
    }

    func testEveryWrongValueIsLocatedAtItsKey() throws {
        let lines = ["[letter]", "number_prefix = 4120", "date = \"2568-13-40\"", "signer_name = \"\"",
                     "letterhead = [\"a\", 2]", "signer_positon = \"ผู้อำนวยการ\""]
        let (text, path, diagnostics) = try manifestErrors(lines.joined(separator: "\n") + "\n")
        let base = try XCTUnwrap(text.components(separatedBy: "\n").firstIndex(of: "[letter]")) + 1
        func located(_ line: Int, _ words: String, code: String = "BAT002") -> Bool {
            diagnostics.contains { $0.code == code && $0.file == path && $0.line == base + line && $0.message.contains(words) }
        }
        XCTAssertTrue(located(1, "number_prefix"), "a number where text belongs: \(diagnostics)")
        XCTAssertTrue(located(2, "not a date"), "\(diagnostics)")
        XCTAssertTrue(located(3, "signer_name"), "empty text: \(diagnostics)")
        XCTAssertTrue(located(4, "letterhead"), "an array of texts: \(diagnostics)")
        XCTAssertTrue(located(5, "signer_positon", code: "BAT005"), "a misspelt key is pointed out: \(diagnostics)")
    }

    func testNoticePDFMustBeTrueOrFalse() throws {
        let folder = try Repository.sampleCopy("khet-letter-pdf")
        let path = folder.file("batch.toml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "language = \"th\"", with: "language = \"th\"\nnotice_pdf = \"yes\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let report = try BatchValidator(importOnly: true).validate(batch: path)
        XCTAssertTrue(report.diagnostics.contains { $0.code == "BAT002" && $0.line == 7 && $0.message.contains("true or false") },
                      "\(report.diagnostics)")
    }
}
