import Foundation
import KhetTestSupport
import XCTest

/// Careless and hostile input through the binary, each case on a copy of the sample whose
/// previous output is in place: exit 65, the error at its file:line:column, nothing written
/// (the earlier output byte for byte), nothing of the inputs touched, every message short.
final class HostileInputTests: XCTestCase {
    private func contents(of folder: String) throws -> [String: Data] { try FolderContents.read(folder) }

    /// Edits `file` of the sample's line `line` (0 is the header) with `edit`.
    private func editLine(_ file: String, _ line: Int, in folder: TemporaryDirectory, _ edit: (inout [UInt8]) -> Void) throws {
        let path = folder.file(file)
        var lines = try Data(contentsOf: URL(fileURLWithPath: path)).split(separator: 0x0A, omittingEmptySubsequences: false).map { [UInt8]($0) }
        edit(&lines[line])
        try Data(lines.joined(separator: [0x0A])).write(to: URL(fileURLWithPath: path))
    }

    private func replacing(_ old: String, _ new: String, in bytes: inout [UInt8]) {
        bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
    }

    /// Runs the sample broken by `breakIt` and checks what every case must: the exit, the
    /// located error `expected` (a fragment of `file:line:column: error: … [CODE]`), and that
    /// the earlier output and the inputs are as they were.
    private func check(_ name: String, expected: String, also: [String] = [], file: StaticString = #filePath, line: UInt = #line,
                       _ breakIt: (TemporaryDirectory) throws -> Void) throws {
        let folder = try Repository.sampleCopy("khet-hostile")
        let output = folder.file("out")
        let first = try ProcessRunner.khet(["run", folder.file("batch.toml"), "-o", output, "-q"])
        XCTAssertEqual(first.status, 0, first.standardError, file: file, line: line)
        let earlier = try contents(of: output)
        try breakIt(folder)
        let inputs = try contents(of: folder.path).filter { !$0.key.hasPrefix("out/") }
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "-o", output])
        XCTAssertEqual(result.status, 65, "\(name): \(result.standardError.prefix(500))", file: file, line: line)
        XCTAssertTrue(result.standardError.contains(folder.path + "/" + expected) || result.standardError.contains(expected),
                      "\(name): no '\(expected)' in\n\(result.standardError.prefix(2000))", file: file, line: line)
        for fragment in also {
            XCTAssertTrue(result.standardError.contains(fragment), "\(name): no '\(fragment)'", file: file, line: line)
        }
        XCTAssertEqual(result.standardOutput, "", name, file: file, line: line)
        for message in result.standardError.split(separator: "\n") {
            XCTAssertLessThan(message.count, 1_000, "\(name): a message of \(message.count) characters", file: file, line: line)
        }
        XCTAssertEqual(try contents(of: output), earlier, "\(name): the earlier output changed", file: file, line: line)
        XCTAssertEqual(try contents(of: folder.path).filter { !$0.key.hasPrefix("out/") }, inputs,
                       "\(name): an input changed", file: file, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".khet-") }, [],
                       name, file: file, line: line)
    }

    func testControlCharactersAndNULInATextFieldAreErrorsAtTheirCell() throws {
        try check("control character", expected: "schools.csv:2:12: error: the field holds a control character (U+0001) [CSV005]") {
            try editLine("schools.csv", 1, in: $0) { self.replacing("โรงเรียน", "โรงเรียน\u{01}", in: &$0) }
        }
        try check("NUL", expected: "schools.csv:3:12: error: the field holds a control character (NUL) [CSV005]") {
            try editLine("schools.csv", 2, in: $0) { self.replacing("โรงเรียน", "โรง\u{00}เรียน", in: &$0) }
        }
    }

    func testTextNoCellCanHoldAndOverlongCodesAreErrorsAtImport() throws {
        try check("40,000-character name", expected: "schools.csv:2:12: error: the field is longer than 32767 characters") {
            try editLine("schools.csv", 1, in: $0) { bytes in
                var fields = bytes.split(separator: 0x2C, omittingEmptySubsequences: false).map { [UInt8]($0) }
                fields[1] = Array(String(repeating: "ก", count: 40_000).utf8)
                bytes = Array(fields.joined(separator: [0x2C]))
            }
        }
        try check("40-digit code", expected: "schools.csv:2:1: error: school code has 40 digits; a school code has at most 10 [SCH008]") {
            try editLine("schools.csv", 1, in: $0) { bytes in bytes = Array(String(repeating: "1", count: 40).utf8) + bytes.drop { $0 != 0x2C } }
        }
        // A 300,000-character junk value in a code cell is quoted short, whatever it is.
        try check("junk line", expected: "schools.csv:202:1: error:", also: ["[CSV006]"]) { folder in
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.file("schools.csv")))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((String(repeating: "x", count: 300_000) + ",y\n").utf8))
            try handle.close()
        }
    }

    func testRowsOfTheWrongWidthAreErrorsNeverReadShifted() throws {
        try check("too few fields", expected: "pupils-2567-11-10.csv:4:", also: ["[CSV007]"]) { folder in
            try editLine("pupils-2567-11-10.csv", 3, in: folder) { bytes in
                bytes = Array(bytes.split(separator: 0x2C, omittingEmptySubsequences: false).prefix(5).joined(separator: [0x2C]))
            }
        }
        try check("too many fields", expected: "[CSV007]") { folder in
            try editLine("pupils-2567-11-10.csv", 3, in: folder) { $0 += Array(",7".utf8) }
        }
    }

    func testNumbersPastWhatASchoolOrARateCanBeAreErrors() throws {
        try check("999,999,999 pupils", expected: "pupils-2568-06-10.csv:2:", also: ["[PUP010]"]) { folder in
            try editLine("pupils-2568-06-10.csv", 1, in: folder) { bytes in
                var fields = bytes.split(separator: 0x2C, omittingEmptySubsequences: false).map { [UInt8]($0) }
                fields[4] = Array("999999999".utf8)
                bytes = Array(fields.joined(separator: [0x2C]))
            }
        }
        try check("a rate of 999,999,999,999 baht", expected: "framework.xml:", also: ["[FWK010]"]) { folder in
            let framework = try String(contentsOfFile: Repository.path("templates/frameworks/fy2568.xml"), encoding: .utf8)
            try framework.replacingOccurrences(of: "baht=\"1700\"", with: "baht=\"999999999999\"")
                .write(toFile: folder.file("framework.xml"), atomically: true, encoding: .utf8)
            let batch = try String(contentsOfFile: folder.file("batch.toml"), encoding: .utf8)
                .replacingOccurrences(of: "framework = \"fy2568\"", with: "framework = \"framework.xml\"")
            try batch.write(toFile: folder.file("batch.toml"), atomically: true, encoding: .utf8)
        }
    }

    func testPositionsAreExactWhateverTheEncodingAndLineEnds() throws {
        try check("invalid UTF-8 on line 5", expected: "schools.csv:5:12: error: bytes FF FE") {
            try editLine("schools.csv", 4, in: $0) { bytes in
                let start = bytes.firstIndex(of: 0x2C).map { $0 + 1 } ?? 0
                bytes.insert(contentsOf: [0xFF, 0xFE], at: start)
            }
        }
        try check("a bad date in a CRLF batch file", expected: "batch.toml:4:8: error: '2568-13-15' is not a date [BAT002]") { folder in
            let batch = try String(contentsOfFile: folder.file("batch.toml"), encoding: .utf8)
                .replacingOccurrences(of: "2568-07-15", with: "2568-13-15").replacingOccurrences(of: "\n", with: "\r\n")
            try batch.write(toFile: folder.file("batch.toml"), atomically: true, encoding: .utf8)
        }
        try check("a mistyped grade column", expected: "pupils-2567-06-10.csv:1:", also: ["[PUP011]", "did you mean ป."]) { folder in
            try editLine("pupils-2567-06-10.csv", 0, in: folder) { self.replacing("ป.6", "ป.7", in: &$0) }
        }
    }
}
