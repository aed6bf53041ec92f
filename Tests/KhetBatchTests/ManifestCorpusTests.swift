import Foundation
import KhetBatch
import KhetTestSupport
import XCTest

/// The TOML fuzz target's seeds, and every crash it ever found, read as batch files: each gives
/// diagnostics or a manifest, never a trap; the broken ones are located.
final class ManifestCorpusTests: XCTestCase {
    func testEverySeedIsReadOrLocated() throws {
        let folder = Repository.path("Fuzz/corpus/toml")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 6)
        for name in names {
            let report = try BatchValidator(importOnly: true).validate(batch: folder + "/" + name)
            if name.hasPrefix("crlf-bad-date") {
                XCTAssertTrue(report.diagnostics.contains { $0.code == "BAT002" && $0.line == 4 && $0.column == 8 }, "\(report.diagnostics)")
            }
            if name.hasPrefix("unclosed-string") || name.hasPrefix("table-twice") || name.hasPrefix("crash-") {
                let error = try XCTUnwrap(report.diagnostics.errors.first, name)
                XCTAssertEqual(error.code, "BAT001", name)
                XCTAssertGreaterThan(error.line, name.hasPrefix("crash-") ? 0 : 1, name)
            }
        }
    }
}
