import Foundation
import KhetTestSupport
import XCTest

/// Pupil records are personal data: whatever is wrong with them, no message and no output
/// quotes a name, an ID or a birth date; the column and the row are named instead.
final class PersonalDataTests: XCTestCase {
    private let givenNames = ["สมชายพิเศษ", "Wanthongxyz"]
    private let surnames = ["ใจดีมากมาย", "Srisawatqq"]

    /// The sample with its 10 June 2568 count read from records that carry names; `broken`
    /// shifts one row with an unquoted comma in a surname and types a name into a sex cell.
    private func batch(broken: Bool) throws -> (folder: TemporaryDirectory, personal: [String]) {
        let folder = try Repository.sampleCopy("khet-personal")
        let records = try String(contentsOfFile: folder.file("pupils-2568-06-10-records.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        var lines = ["ชื่อ,นามสกุล," + records[0]]
        var personal: [String] = []
        for (index, record) in records.dropFirst().enumerated() {
            let given = givenNames[index % 2] + String(index)
            let surname = surnames[index % 2] + String(index)
            lines.append("\(given),\(surname),\(record)")
            if index < 40 { personal += [given, surname] + record.split(separator: ",").dropFirst().prefix(1).map(String.init) }
        }
        personal += records.dropFirst().prefix(40).map { String($0.split(separator: ",")[4]) }  // birth dates
        if broken {
            // An unquoted comma inside a surname: every later field moves one column right.
            lines[3] = lines[3].replacingOccurrences(of: surnames[0], with: "ณ, " + surnames[0])
            // A name typed into the sex column.
            var fields = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[5] = givenNames[0] + "4"
            lines[5] = fields.joined(separator: ",")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder.file("pupils-2568-06-10-records.csv"),
                                                          atomically: true, encoding: .utf8)
        let batch = try String(contentsOfFile: folder.file("batch.toml"), encoding: .utf8)
            .replacingOccurrences(of: "[[inputs.pupils]]\ndate = \"2568-06-10\"\nfile = \"pupils-2568-06-10.csv\"",
                                  with: "[[inputs.pupil_records]]\ndate = \"2568-06-10\"\nfile = \"pupils-2568-06-10-records.csv\"")
        XCTAssertTrue(batch.contains("inputs.pupil_records]]\ndate"))
        try batch.write(toFile: folder.file("batch.toml"), atomically: true, encoding: .utf8)
        return (folder, personal)
    }

    private func assertNoPersonalData(_ text: String, _ personal: [String], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for value in personal where text.contains(value) {
            XCTFail("\(what) quotes personal data '\(value)'", file: file, line: line)
            return
        }
    }

    func testMessagesAboutBrokenRecordsNameTheColumnAndRowOnly() throws {
        let (folder, personal) = try batch(broken: true)
        for arguments in [["validate", folder.file("batch.toml")], ["run", folder.file("batch.toml"), "-o", folder.file("out")],
                          ["explain", folder.file("batch.toml"), "9963020001"]] {
            let result = try ProcessRunner.khet(arguments)
            XCTAssertEqual(result.status, 65, "\(arguments[0]): \(result.standardError)")
            assertNoPersonalData(result.standardOutput + result.standardError, personal, "khet \(arguments[0])")
            XCTAssertTrue(result.standardError.contains("pupils-2568-06-10-records.csv:4:"), result.standardError)
            XCTAssertTrue(result.standardError.contains("[CSV007]"), "the shifted row is an error")
            XCTAssertTrue(result.standardError.contains("the value is not a sex [REC008]"), result.standardError)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")))
    }

    func testNoOutputHoldsANameAnIDOrABirthDate() throws {
        let (folder, personal) = try batch(broken: false)
        let result = try ProcessRunner.khet(["run", folder.file("batch.toml"), "-o", folder.file("out")])
        XCTAssertEqual(result.status, 0, result.standardError)
        assertNoPersonalData(result.standardOutput + result.standardError, personal, "khet run")
        // Every output, the workbooks unzipped (their XML parts hold every text they show), read
        // in one pass by Python's zipfile.
        let values = folder.file("personal.txt")
        try personal.joined(separator: "\n").write(toFile: values, atomically: true, encoding: .utf8)
        let scan = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", """
            import os, sys, zipfile
            values = [v for v in open(sys.argv[2], encoding='utf-8').read().split('\\n') if v]
            files = 0
            for root, _, names in os.walk(sys.argv[1]):
                for name in names:
                    path = os.path.join(root, name)
                    files += 1
                    if name.endswith('.xlsx'):
                        z = zipfile.ZipFile(path)
                        text = ''.join(z.read(n).decode('utf-8', 'replace') for n in z.namelist())
                    else:
                        text = open(path, encoding='utf-8', errors='replace').read()
                    for value in values:
                        if value in text:
                            print(path, value)
            print(files, 'files')
            """, folder.file("out"), values])
        XCTAssertEqual(scan.status, 0, scan.standardError)
        let lines = scan.standardOutput.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "outputs hold personal data:\n\(scan.standardOutput)")
        XCTAssertTrue(lines.last?.hasSuffix(" files") ?? false, scan.standardOutput)
        XCTAssertGreaterThan(Int(lines.last?.split(separator: " ").first ?? "") ?? 0, 200)
    }
}
