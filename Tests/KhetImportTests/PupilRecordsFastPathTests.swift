import Foundation
import KhetCore
@_spi(Testing) import KhetImport
import XCTest

/// The byte-level reader of pupil records (`PupilRecordScanner`) against the generic one on many
/// generated files, tame and nasty: the same counts, statistics and diagnostics, word for word.
final class PupilRecordsFastPathTests: XCTestCase {
    private let date = ThaiDate(year: 2568, month: 6, day: 10)
    private let schools: [String: School] = [
        "9963020001": School(code: "9963020001", name: "A", district: "X", isBoarding: true),
        "9963020002": School(code: "9963020002", name: "B", district: "X"),
        "9963020003": School(code: "9963020003", name: "C", district: "X"),
    ]

    func testFastAndGenericReadersAgreeOnGeneratedFiles() throws {
        var filesWithRows = 0
        for seed in 1...400 {
            var generator = PupilFileGenerator(seed: UInt64(seed))
            let bytes = generator.file()
            let useSchools = seed % 5 != 0
            let (fast, _) = try compare(bytes, schools: useSchools ? schools : nil, name: "seed \(seed)")
            // A control character in a cell (the generator's \u{0B} and \u{0C} codes) stops the file at it.
            if fast.contains(where: { $0.code.hasPrefix("REC") || $0.code == "CSV007" || $0.code == "CSV005" }) { filesWithRows += 1 }
        }
        // Most generated files have a usable header and rows with something to say about them.
        XCTAssertGreaterThan(filesWithRows, 300)
    }

    func testNastyRowsGiveTheGenericDiagnostics() throws {
        let header = "รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด,ยากจน,พักนอน"
        let rows = [
            "9963020001,\(PupilFileGenerator.id(1)),ป.1,ชาย,01/02/2561,1,0",
            "",
            ",,,,,,",
            "  ,\t, ",
            "9963020001,\(PupilFileGenerator.id(2)),ป.1",
            "9963020001,\(PupilFileGenerator.id(3)),ป.1,ชาย,01/02/2561,1,0,extra,fields",
            "9963020001,\(PupilFileGenerator.id(1)),ป.2,หญิง,01/02/2561,0,0",
            "9963020002,\(PupilFileGenerator.id(1)),ป.2,หญิง,01/02/2561,0,0",
            "9963020002,1-9900-00000-04-3,ป.2,หญิง,๐๑/๐๒/๒๕๖๑,0,0",
            "9963020002,19900000000 42,P2, F ,2018-02-01, 1 , ",
            "9963020002,1990000000041,ป.2,หญิง,01/02/2561,0,0",
            "9963020002,199000000004,ป.2,หญิง,01/02/2561,0,0",
            "9963020002,G12345678901,ป.2,หญิง,01/02/2561,0,0",
            "9963020009,\(PupilFileGenerator.id(5)),ป.2,หญิง,01/02/2561,0,0",
            "\u{00A0}9963020002\u{00A0},\(PupilFileGenerator.id(6)),ป.2,หญิง,01/02/2561,0,0",
            "9963020002,\(PupilFileGenerator.id(7)),ป.9,หญิง,01/02/2569,2,ใช่",
            "9963020002,\(PupilFileGenerator.id(8)),ป.1/2,x,31/02/2561,0,0",
            "9963020002,\(PupilFileGenerator.id(9)),ป.1,ชาย,01/02/2566,1,1",
        ]
        for lineEnd in ["\n", "\r\n"] {
            for bom in [false, true] {
                let text = ([header] + rows).joined(separator: lineEnd) + lineEnd
                let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
                let (fast, _) = try compare(bytes, schools: schools, name: "nasty \(lineEnd.count) \(bom)")
                XCTAssertTrue(fast.contains { $0.code == "REC006" }, "a pupil in two schools is pointed out")
                XCTAssertTrue(fast.contains { $0.code == "REC005" }, "a pupil twice in a school is pointed out")
            }
        }
    }

    /// A quote, a lone CR or bytes that are not UTF-8 send the whole file to the generic reader.
    func testFilesTheFastPathLeavesAloneReadTheSame() throws {
        let header = "code,national_id,grade,sex,birth_date\n"
        let row = "9963020001,\(PupilFileGenerator.id(1)),ป.1,ชาย,01/02/2561\n"
        try compare(Array((header + row + "9963020001,\"\(PupilFileGenerator.id(2))\",ป.1,ชาย,01/02/2561\n").utf8),
                    schools: schools, name: "quoted")
        try compare(Array((header + row + "9963020001,\(PupilFileGenerator.id(2)),ป.1\r,ชาย,01/02/2561\n").utf8),
                    schools: schools, name: "lone CR")
        try compare(Array((header + row).utf8) + [0x39, 0x39, 0xE0, 0x2C, 0x0A], schools: schools, name: "broken UTF-8")
        try compare(Array((header + row).utf8) + [0x39, 0x39, 0xA1, 0xB2, 0x2C, 0x0A], schools: schools, name: "TIS-620")
    }

    /// Duplicates across the 4 MB blocks the fast path reads, and rows cut by a block's end.
    func testLargeFileAcrossBlocks() throws {
        var text = "code;national_id;grade;sex;birth_date;poor;boarder\r\n"
        for number in 0..<120_000 {
            let school = number % 3 == 0 ? "9963020001" : "9963020002"
            text += "\(school);\(PupilFileGenerator.id(number % 110_000));ม.\(number % 6 + 1);2;05/05/2555;\(number % 2);0\r\n"
        }
        let (fast, _) = try compare(Array(text.utf8), schools: schools, name: "large")
        XCTAssertTrue(fast.contains { $0.code == "REC099" }, "\(fast.prefix(3))")
    }

    @discardableResult
    private func compare(_ bytes: [UInt8], schools: [String: School]?, name: String) throws -> ([Diagnostic], [Diagnostic]) {
        let date = try XCTUnwrap(date)
        var generic = PupilRecordsImporter()
        generic.usesFastPath = false
        var smallBlocks = PupilRecordsImporter()
        // Blocks of a few rows: rows cut at block ends, each block parsed in two halves on two threads.
        smallBlocks.fastPathBlockSize = 700
        let smallOutcome = Result(catching: { try smallBlocks.read(from: CSVReader(bytes: bytes, displayName: "r.csv"),
                                                                   date: date, schools: schools) })
        let fastOutcome = Result(catching: { try PupilRecordsImporter().read(from: CSVReader(bytes: bytes, displayName: "r.csv"),
                                                                    date: date, schools: schools) })
        switch (fastOutcome, smallOutcome) {
        case (.success(let fast), .success(let small)):
            XCTAssertEqual(fast.statistics, small.statistics, name)
            XCTAssertEqual(fast.snapshot.counts, small.snapshot.counts, name)
            XCTAssertEqual(fast.diagnostics, small.diagnostics, name)
        case (.failure(let fast), .failure(let small)):
            XCTAssertEqual((fast as? ImportError)?.diagnostic, (small as? ImportError)?.diagnostic, name)
        default:
            XCTFail("\(name): small blocks and large blocks disagree")
        }
        let genericOutcome = Result(catching: { try generic.read(from: CSVReader(bytes: bytes, displayName: "r.csv"),
                                                       date: date, schools: schools) })
        switch (fastOutcome, genericOutcome) {
        case (.success(let fast), .success(let slow)):
            XCTAssertEqual(fast.statistics, slow.statistics, name)
            XCTAssertEqual(fast.snapshot.counts, slow.snapshot.counts, name)
            XCTAssertEqual(fast.poorPupils, slow.poorPupils, name)
            XCTAssertEqual(fast.boarders, slow.boarders, name)
            XCTAssertEqual(fast.diagnostics, slow.diagnostics, name)
            return (fast.diagnostics, slow.diagnostics)
        case (.failure(let fast), .failure(let slow)):
            XCTAssertEqual((fast as? ImportError)?.diagnostic, (slow as? ImportError)?.diagnostic, name)
            return ([(fast as? ImportError)?.diagnostic].compactMap { $0 }, [(slow as? ImportError)?.diagnostic].compactMap { $0 })
        default:
            XCTFail("\(name): one reader failed and the other did not: \(fastOutcome) \(genericOutcome)")
            return ([], [])
        }
    }
}

/// Pupil-record files from a seed: mostly well-formed rows, with a share of every kind of
/// trouble the importer meets (blank lines, missing and extra fields, bad IDs, duplicates, Thai
/// digits, spaces, odd grades and flags), in comma, semicolon or tab files, LF or CRLF, with
/// or without a byte-order mark; now and then a quote or a stray byte.
struct PupilFileGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    private mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    private static let thaiNames = ["code": "รหัสโรงเรียน", "id": "เลขประจำตัวประชาชน", "grade": "ชั้น", "sex": "เพศ",
                                    "birth_date": "วันเกิด", "poor": "ยากจน", "boarder": "พักนอน", "name": "ชื่อ"]

    static func id(_ number: Int) -> String {
        let body = "199" + String(repeating: "0", count: 9 - String(number).count) + String(number)
        let digits = body.compactMap(\.wholeNumberValue)
        let sum = zip(digits, (2...13).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        return body + String((11 - sum % 11) % 10)
    }

    mutating func file() -> [UInt8] {
        let separator = pick([",", ",", ",", ";", "\t"])
        let lineEnd = pick(["\n", "\r\n"])
        var columns = ["code", "id", "grade", "sex", "birth_date"]
        if chance(80) { columns.append("poor") }
        if chance(60) { columns.append("boarder") }
        if chance(30) { columns.insert("name", at: below(columns.count + 1)) }
        if chance(30) { columns.shuffle(using: &self) }
        var lines: [String] = []
        if chance(10) { lines.append("รายงานจำนวนนักเรียน") }
        let thaiHeader = chance(50)
        lines.append(columns.map { thaiHeader ? PupilFileGenerator.thaiNames[$0] ?? $0 : $0 == "id" ? "national_id" : $0 }
            .joined(separator: separator))
        let rows = below(300)
        var usedIDs: [Int] = []
        for _ in 0..<rows {
            if chance(3) { lines.append(pick(["", separator + separator, " ", "\u{00A0}"])); continue }
            var fields = columns.map { value(for: $0, usedIDs: &usedIDs) }
            if chance(3) { fields.removeLast(below(fields.count)) }
            if chance(3) { fields.append("extra") }
            lines.append(fields.joined(separator: separator))
        }
        var text = lines.joined(separator: lineEnd)
        if chance(70) { text += lineEnd }
        var bytes = Array(text.utf8)
        if chance(20) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        if chance(3), !bytes.isEmpty { bytes.insert(pick([0x22, 0x0D, 0xE0, 0xA1, 0xFF]), at: below(bytes.count)) }
        return bytes
    }

    private mutating func value(for column: String, usedIDs: inout [Int]) -> String {
        let common = chance(85)
        switch column {
        case "code":
            if common { return pick(["9963020001", "9963020002", "9963020003"]) }
            return pick(["", " 9963020001 ", "9963020009", "\u{00A0}9963020002", "99630200\u{0E51}", "\t9963020001", "\u{0B}9963020001", "9963020001\u{0C}",
                         "9963 020001", " \u{0301}9963020001"])
        case "id":
            var number = below(100_000)
            if !usedIDs.isEmpty && chance(8) { number = pick(usedIDs) }
            usedIDs.append(number)
            let id = PupilFileGenerator.id(number)
            if common { return id }
            let digits = Array(id).map { String($0) }
            let dashed: String = [digits[0], digits[1..<5].joined(), digits[5..<10].joined(), digits[10..<12].joined(),
                                  digits[12]].joined(separator: "-")
            let withoutCheck = String(id.dropLast())
            let thai = String(id.map { $0 == "9" ? "๙" : $0 })
            let spaced = String(id.prefix(6)) + " " + String(id.dropFirst(6))
            let nonBreaking = String(id.prefix(4)) + "\u{00A0}" + String(id.dropFirst(4))
            let choices: [String] = ["", "abc", withoutCheck, withoutCheck + "0", withoutCheck + "1", dashed,
                                     " " + id + " ", "G" + String(id.dropFirst()), thai, id + "1", spaced, nonBreaking]
            return pick(choices)
        case "grade":
            if common { return pick(["อ.1", "อ.2", "อ.3", "ป.1", "ป.3", "ป.6", "ม.1", "ม.3", "ม.6"]) }
            return pick(["", "P1", "p2", "K3", "M6", "ป.7", "อ.4", "ป.0", "ป1", "ป.1/2", "ประถมศึกษาปีที่ 1", " ม.2 ",
                         "ป.๑", "X1", "m7", "KG1"])
        case "sex":
            if common { return pick(["ชาย", "หญิง"]) }
            return pick(["", "1", "2", "M", "f", "ช", "ญ", "เด็กชาย", "x", " ชาย ", "Male"])
        case "birth_date":
            let year = 2555 + below(12)
            let text = String(format: "%02d/%02d/%04d", 1 + below(31), 1 + below(12), year)
            if common { return text }
            return pick(["", "31/02/2560", "2018-05-01", "๐๑/๐๕/๒๕๖๑", "1/5/2561", " 01/05/2561 ", "01/05/2018",
                         "01/05/0999", "ab/cd/efgh", "01-05-2561", "11/06/2568", "10/06/2568"])
        case "poor", "boarder":
            if common { return pick(["0", "1", ""]) }
            return pick(["ใช่", "ไม่", "2", " 1 ", "yes", "-", "๑"])
        default:
            return pick(["สมชาย ใจดี", "", "Somchai"])
        }
    }
}

extension PupilFileGenerator: RandomNumberGenerator {}
