import KhetCore
import XCTest

final class NationalIDTests: XCTestCase {
    func testCheckDigitAndAcceptedSpellings() throws {
        // 1×13 + 1×12 + 0 + 3×10 + 7×9 + 0 + 2×7 + 0 + 7×5 + 1×4 + 0 + 3×2 = 177; 177 mod 11 = 1; 11 − 1 = 10 → 0.
        XCTAssertEqual(NationalID.checkDigit(of: [1, 1, 0, 3, 7, 0, 2, 0, 7, 1, 0, 3]), 0)
        XCTAssertEqual(NationalID.checkDigit(of: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]), 6)
        let plain = try NationalID.parse("1103702071030").get()
        XCTAssertEqual(try NationalID.parse("1-1037-02071-03-0").get(), plain)
        XCTAssertEqual(try NationalID.parse("๑ ๑๐๓๗ ๐๒๐๗๑ ๐๓ ๐").get(), plain)
        XCTAssertEqual(plain.masked, "1-1037-xxxxx-xx-0")
        XCTAssertFalse(plain.isGCode)
    }

    func testWrongShapesAndDigitsAreTold() {
        XCTAssertEqual(NationalID.parse("1103702071039").failure, .checkDigit)
        XCTAssertEqual(NationalID.parse("110370207103").failure, .shape(digitCount: 12))
        XCTAssertEqual(NationalID.parse("").failure, .shape(digitCount: 0))
        XCTAssertEqual(NationalID.parse("1103702071030x").failure, .shape(digitCount: 13))
        XCTAssertEqual(NationalID.parse("11037020710300").failure, .shape(digitCount: 14))
        XCTAssertEqual(NationalID.parse("G12345678901").failure, .shape(digitCount: 11))
    }

    func testGCodesAndMasking() throws {
        let code = try NationalID.parse("G123456789012").get()
        XCTAssertTrue(code.isGCode)
        XCTAssertEqual(code.masked, "G-1234-xxxxx-xx-2")
        XCTAssertNotEqual(code, try NationalID.parse("0123456789016").get() as NationalID?,
                          "a G code never equals a 13-digit ID")
        XCTAssertEqual(NationalID.maskedDigits("1103702071039"), "1-1037-xxxxx-xx-9")
        XCTAssertEqual(NationalID.maskedDigits("123"), "x-xxxx-xxxxx-xx-x")
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
