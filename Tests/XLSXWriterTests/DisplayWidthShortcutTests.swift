import XCTest
@testable import XLSXWriter

/// The shortcuts that size columns without rendering give exactly what rendering gives.
final class DisplayWidthShortcutTests: XCTestCase {
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    func testNumberWidthsEqualTheRenderedText() {
        var random = Generator(state: 2568)
        var values: [Double] = [0, -0.0, 0.004, 0.005, 0.995, 0.999, 1, 9.5, 9.995, 9.999, 10, 99.995, 999.5, 999.995,
                                999_999.995, 1_000_000, 123_456_789.125, -0.001, -9.995, -1_234.5, 1e14, 9.99e14]
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double.random(in: -3...14, using: &random))
            let value = (Double.random(in: 0...1, using: &random) < 0.2 ? -1 : 1) * magnitude
            values.append(value)
            values.append((value * 100).rounded() / 100)
            values.append(value.rounded())
        }
        var checked = 0
        for format in ["#,##0.00", "#,##0", "0.00", "0"] {
            for value in values {
                guard let quick = DisplayText.quickWidth(value, numberFormat: format) else { continue }
                XCTAssertEqual(quick, DisplayText.number(value, numberFormat: format).count, "\(value) in \(format)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 200_000, "the shortcut covers nearly every value")
        XCTAssertNil(DisplayText.quickWidth(1, numberFormat: "0.0000%"), "other formats are rendered")
    }

    func testThaiAndASCIICountsEqualCharacterCounts() {
        var random = Generator(state: 7)
        let thai = (0x0E01...0x0E5B).compactMap { Unicode.Scalar($0) }
        let ascii = (0x20..<0x7F).compactMap { Unicode.Scalar($0) }
        let alphabet = thai + thai + ascii
        var samples = ["โรงเรียนบ้านดอยยอโกร", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2", "ํา", "ั", " ั", "กั้", "A\u{0E48}"]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &random)
            var text = String.UnicodeScalarView()
            for _ in 0..<length { text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)]) }
            samples.append(String(text))
        }
        for text in samples {
            XCTAssertEqual(DisplayText.quickCharacterCount(text), text.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertNil(DisplayText.quickCharacterCount("line\nbreak"), "line breaks take the general count")
        XCTAssertNil(DisplayText.quickCharacterCount("ภาษาไทย 日本"), "other scripts take the general count")
    }
}
