import XCTest
@testable import XLSXWriter

/// The fast width counts must equal the slow, obviously right ones exactly: a count that is off
/// by one changes a fitted column width, and so the bytes of a workbook.
final class WidthCountTests: XCTestCase {
    /// Every number format Khet's workbooks use, the ones the width tests use, and odd cases.
    private static let knownFormats: [String?] = [
        nil, "", "General", "GENERAL", "@", "#,##0.00", "#,##0", "0.0000%", "0.00", "0", "0.0%",
        "#.00", "#,##0.00;(#,##0.00)", "#,##0;-#,##0;\"-\"", "#,##0,\"K\"", "0\" บาท\"",
        "[$฿-41E]#,##0.00", "#,##0.00_);(#,##0.00)", "[Red]#,##0;[Blue]-#,##0", "dd/mm/yyyy",
        "#", "#,###", "0.0#", "?0.00", "#,##0,,", "\"N/A\"", "0 \"ก้\"", "0 @", "*-#,##0",
        "\\$0.00", "0.000000000000000000", "#,##0.0000000000000", "0;;", ";;;", "0 \"เดือน\"",
        "0.00 \"\\u{0301}\"", "\"\r\n\"0",
    ]

    private static let knownValues: [Double] = [
        0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.005, 0.015, 0.045, 9.5, 99.5, 999.995,
        9.999, 99.9999, 0.99999, 0.0001, 1e-9, 1e-12, 123.456, 1234.5, 1_234_567.5, 2_469_135,
        999_999.5, 1e11, 1e11 + 0.5, 99_999_999_999.9, 1e14, 999_999_999_999_999, 1e15, 1e16,
        1e20, 1e300, -1e300, 12_345_678.905, 0.3, 1.0 / 3.0, 2.0 / 3.0, 0.07, 0.0695, 7_500,
        -7_500.25, 150_000, 4_999.995, 0.994999, 0.995, 0.9949999999, 1_000_000, 1_048_575,
    ]

    func testNumberWidthPlansCountLikeTheRendererForKhetsFormats() {
        var generator = SplitMix64(seed: 42)
        var values = Self.knownValues
        for _ in 0..<400 { values.append(Self.randomValue(&generator)) }
        for format in Self.knownFormats {
            let plan = NumberWidthPlan(numberFormat: format)
            for value in values + values.map(-) {
                XCTAssertEqual(plan.characterCount(value), DisplayText.number(value, numberFormat: format).count,
                               "\(value) in \(format ?? "nil")")
            }
        }
    }

    func testKhetsFormatsAreCountedWithoutRendering() {
        let cases: [(String?, Double, Int)] = [
            ("#,##0.00", 1_234_567.5, 12), ("#,##0.00", -1234.5, 9), ("#,##0", 2_469_135, 9),
            ("0.0000%", 0.123456, 8), ("0.00", 87.654, 5), (nil, 42, 2), (nil, -1_000_000, 8),
            ("#,##0;-#,##0;\"-\"", 0, 1), ("[$฿-41E]#,##0.00", 5, 5), ("0\" บาท\"", 70, 6),
        ]
        for (format, value, expected) in cases {
            XCTAssertEqual(NumberWidthPlan(numberFormat: format).plannedCount(value), expected, "\(value) in \(format ?? "nil")")
        }
        // Left to the renderer: General fractions, "@", ties, huge values.
        XCTAssertNil(NumberWidthPlan(numberFormat: nil).plannedCount(0.5))
        XCTAssertNil(NumberWidthPlan(numberFormat: "0 @").plannedCount(1))
        XCTAssertNil(NumberWidthPlan(numberFormat: "0").plannedCount(2.5))
        XCTAssertNil(NumberWidthPlan(numberFormat: "#,##0").plannedCount(1e16))
    }

    func testNumberWidthPlansCountLikeTheRendererForRandomFormats() {
        var generator = SplitMix64(seed: 7)
        let prefixes = ["", "\"฿\"", "[$฿-41E]", "\"บาท \"", "_(", "\\-", "*x", "[Red]", "\"ก้\"", "€", "\"e\u{301}\""]
        let runs = ["0", "#", "#,##0", "#,##0.00", "0.0", "#.00", "0.0000", "#,##0,", "#,##0,,", "?0.0#",
                    "00000", "#,##0.000,", ".", ",", "0,0.0,0", "#,#", "0.", "##.##%"]
        let suffixes = ["", "%", "\" บาท\"", "_)", "\"K\"", " ", "\"ก้\"", " 0", "\"%\"", "\\%", "@", "ำ"]
        var formats: [String] = []
        for _ in 0..<300 {
            let sectionCount = Int(generator.next() % 4) + 1
            let sections = (0..<sectionCount).map { _ in
                prefixes[Int(generator.next() % UInt64(prefixes.count))]
                    + runs[Int(generator.next() % UInt64(runs.count))]
                    + suffixes[Int(generator.next() % UInt64(suffixes.count))]
            }
            formats.append(sections.joined(separator: ";"))
        }
        var values = Self.knownValues
        for _ in 0..<60 { values.append(Self.randomValue(&generator)) }
        for format in formats {
            let plan = NumberWidthPlan(numberFormat: format)
            for value in values + values.map(-) {
                XCTAssertEqual(plan.characterCount(value), DisplayText.number(value, numberFormat: format).count,
                               "\(value) in \(format)")
            }
        }
    }

    func testThaiMarksAreExactlyTheScalarsThatJoinTheCharacterBefore() {
        for value in UInt32(0x0E00)...0x0E7F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for base in ["ก", "a", " ", "1"] {
                let joined = (base + String(Character(scalar))).count == 1
                XCTAssertEqual(TextWidth.isThaiMark(value), joined, "U+\(String(value, radix: 16)) after \(base)")
            }
            XCTAssertEqual((String(Character(scalar)) + "ก").count, 2, "U+\(String(value, radix: 16)) before ก")
        }
    }

    func testPunctuationCountedDirectlyNeverJoinsItsNeighbours() {
        let candidates = (UInt32(0x80)...0x2FF).map { $0 } + (UInt32(0x2000)...0x206F).map { $0 }
        let accepted = candidates.filter(TextWidth.standsAlone)
        XCTAssertTrue(accepted.contains(0x2022) && accepted.contains(0x2014) && accepted.contains(0xD7))
        for value in accepted {
            guard let scalar = Unicode.Scalar(value) else { return XCTFail("U+\(String(value, radix: 16))") }
            let text = String(Character(scalar))
            for neighbour in ["ก", "a", " ", "\n", "•", "เ"] {
                XCTAssertEqual((text + neighbour).count, 2, "U+\(String(value, radix: 16)) before \(neighbour)")
                XCTAssertEqual((neighbour + text).count, 2, "U+\(String(value, radix: 16)) after \(neighbour)")
            }
            XCTAssertEqual((text + "\u{0E49}").count, 1, "a Thai mark joins U+\(String(value, radix: 16))")
        }
    }

    func testTextCountsEqualGraphemeClusterCounts() {
        let fixed = [
            "", "abc", "ค่าจัดการเรียนการสอน", "น้ำใจที่ดีมากๆ", "กำ\nที่นี่นะ", "\u{0E49}ก", "\u{0E33}",
            "โรงเรียนบ้านแม่ระมาด (ป.1-6)", "a\tb", "x\r\ny", "e\u{301}", "🇹🇭", "ก\u{301}", "ไ", "เก",
        ]
        var generator = SplitMix64(seed: 2568)
        let alphabet: [Unicode.Scalar] = (UInt32(0x0E00)...0x0E7F).compactMap(Unicode.Scalar.init)
            + (UInt32(0x20)...0x7E).compactMap(Unicode.Scalar.init)
            + ["\n", "\n", "\t", "\r", "\u{7F}", "é", "\u{301}", "\u{200D}", "👍", "\u{1F1F9}", "\u{2028}", "\u{85}",
               "•", "—", "–", "×", "\u{AD}", "\u{200B}", "‼", "\u{FE0F}", "\u{202E}", "\u{2060}", "\u{A0}", "…",
               "\u{0E49}", "\u{0E33}", "\u{0E31}"]
        var texts = fixed
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 12)
            var text = String.UnicodeScalarView()
            for _ in 0..<length {
                // Mostly Thai and ASCII, as Khet writes; sometimes anything from the alphabet.
                let pool = generator.next() % 8 == 0 ? alphabet.count : 128 + 95
                text.append(alphabet[Int(generator.next() % UInt64(pool))])
            }
            texts.append(String(text))
        }
        for text in texts {
            XCTAssertEqual(DisplayText.characterCount(text), DisplayText.clusterCount(text), text.debugDescription)
            XCTAssertEqual(TextWidth.clusterCount(text), text.count, text.debugDescription)
            if let fast = TextWidth.counts(text) {
                XCTAssertEqual(fast.clusters, text.count, text.debugDescription)
                XCTAssertEqual(fast.longestLine, DisplayText.clusterCount(text), text.debugDescription)
            }
        }
        XCTAssertEqual(TextWidth.counts("น้ำใจที่ดีมากๆ")?.clusters, 9)
        XCTAssertEqual(TextWidth.counts("• ค่า—\n\u{0E49}ab")?.clusters, 9)
        XCTAssertEqual(TextWidth.counts("• ค่า—\n\u{0E49}ab")?.longestLine, 5)
        XCTAssertNil(TextWidth.counts("a\r\nb"), "carriage returns take the general count")
        XCTAssertNil(TextWidth.counts("👍"), "emoji take the general count")
    }

    func testA1NamesMatchTheSpelledOutRule() {
        func reference(_ column: Int) -> String {
            var remaining = column + 1
            var letters = ""
            while remaining > 0 {
                letters = String(Character(Unicode.Scalar(UInt8(65 + (remaining - 1) % 26)))) + letters
                remaining = (remaining - 1) / 26
            }
            return letters
        }
        for column in [0, 1, 25, 26, 27, 51, 52, 701, 702, 703, 18_277, 18_278, 16_383, 1_000_000] {
            XCTAssertEqual(CellReference.columnName(column), reference(column))
            for row in [0, 8, 9, 99, 1_048_575] {
                XCTAssertEqual(CellReference.a1(row: row, column: column), reference(column) + String(row + 1))
                XCTAssertEqual(CellReference.a1(row: row, column: column, absolute: true),
                               "$" + reference(column) + "$" + String(row + 1))
            }
        }
        XCTAssertEqual(CellReference.a1(row: -1, column: 0), "")
        XCTAssertEqual(CellReference.columnName(-3), "")
    }

    func testFixedDecimalDoublesEqualParsingTheirText() {
        var generator = SplitMix64(seed: 99)
        var decimals: [FixedDecimal] = [
            FixedDecimal(units: 0, scale: 2), FixedDecimal(units: 1, scale: 1), FixedDecimal(units: -1, scale: 1),
            FixedDecimal(units: 123_456_789, scale: 2), FixedDecimal(units: 1 << 53, scale: 22),
            FixedDecimal(units: (1 << 53) + 1, scale: 3), FixedDecimal(units: .max, scale: 2),
            FixedDecimal(units: .min, scale: 0), FixedDecimal(units: 7, scale: -22), FixedDecimal(units: 7, scale: 23),
            FixedDecimal(units: 5, scale: -300), FixedDecimal(units: 3, scale: 400),
        ]
        for _ in 0..<20_000 {
            let magnitude = generator.next() >> (generator.next() % 64)
            let units = Int64(bitPattern: magnitude) &* (generator.next() % 2 == 0 ? 1 : -1)
            decimals.append(FixedDecimal(units: units, scale: Int(generator.next() % 50) - 25))
        }
        for decimal in decimals {
            let parsed = Double(decimal.description) ?? .nan
            XCTAssertEqual(decimal.doubleValue.bitPattern, parsed.bitPattern, decimal.description)
        }
    }

    private static func randomValue(_ generator: inout SplitMix64) -> Double {
        let cents = Double(generator.next() % 2_000_000_000) / 100
        switch generator.next() % 5 {
        case 0: return cents
        case 1: return Double(generator.next() % 100_000)
        case 2: return Double(generator.next() % 1_000_000) / 1_000_000
        case 3: return Double(generator.next() % 10_000) / 8  // exact halves, quarters, eighths
        default: return Double(bitPattern: 0x3F00_0000_0000_0000 | (generator.next() >> 12)) * 1e6
        }
    }
}

/// A small seeded generator, so every run tests the same values.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
