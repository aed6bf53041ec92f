import KhetCore
import XCTest

final class MoneyTests: XCTestCase {
    func testFormatsWithThousandsSeparatorsAndSatang() {
        XCTAssertEqual(Money(satang: 123_456_750).formatted, "1,234,567.50")
        XCTAssertEqual(Money(baht: 0).formatted, "0.00")
        XCTAssertEqual(Money(satang: 5).formatted, "0.05")
        XCTAssertEqual(Money(baht: 999).formatted, "999.00")
        XCTAssertEqual(Money(baht: 1000).formatted, "1,000.00")
        XCTAssertEqual(Money(satang: -150_000).formatted, "-1,500.00")
    }

    func testParsesExactAmountsOnly() {
        XCTAssertEqual(Money(parsing: "1700"), Money(baht: 1700))
        XCTAssertEqual(Money(parsing: "1,700.00"), Money(baht: 1700))
        XCTAssertEqual(Money(parsing: "850.5"), Money(satang: 85_050))
        XCTAssertEqual(Money(parsing: "-12.25"), Money(satang: -1225))
        for bad in ["", "1.234", "abc", "1.2.3", "12a", ".5", "1e3"] {
            XCTAssertNil(Money(parsing: bad), bad)
        }
    }

    func testArithmeticIsExact() {
        let rate = Money(satang: 95_000)
        XCTAssertEqual(rate * 616, Money(baht: 585_200))
        XCTAssertEqual([Money(satang: 1), Money(satang: 2), Money(satang: 3)].sum(), Money(satang: 6))
        XCTAssertEqual(Money(baht: 10) - Money(baht: 15), Money(baht: -5))
    }

    func testOddAnnualAmountPutsTheExtraBahtInTheLaterTerm() {
        XCTAssertEqual(Money(baht: 1700).splitOverTwoTerms.first, Money(baht: 850))
        XCTAssertEqual(Money(baht: 1700).splitOverTwoTerms.second, Money(baht: 850))
        XCTAssertEqual(Money(baht: 1701).splitOverTwoTerms.first, Money(baht: 850))
        XCTAssertEqual(Money(baht: 1701).splitOverTwoTerms.second, Money(baht: 851))
        let split = Money(satang: 170_150).splitOverTwoTerms
        XCTAssertEqual(split.first + split.second, Money(satang: 170_150))
    }

    func testThaiWordsMatchBahtText() {
        XCTAssertEqual(Money(baht: 1).thaiWords, "หนึ่งบาทถ้วน")
        XCTAssertEqual(Money(baht: 11).thaiWords, "สิบเอ็ดบาทถ้วน")
        XCTAssertEqual(Money(baht: 21).thaiWords, "ยี่สิบเอ็ดบาทถ้วน")
        XCTAssertEqual(Money(baht: 101).thaiWords, "หนึ่งร้อยเอ็ดบาทถ้วน")
        XCTAssertEqual(Money(baht: 1_200_000).thaiWords, "หนึ่งล้านสองแสนบาทถ้วน")
        XCTAssertEqual(Money(baht: 1_000_001).thaiWords, "หนึ่งล้านเอ็ดบาทถ้วน")
        XCTAssertEqual(Money(baht: 11_000_000).thaiWords, "สิบเอ็ดล้านบาทถ้วน")
        XCTAssertEqual(Money(baht: 627_700).thaiWords, "หกแสนสองหมื่นเจ็ดพันเจ็ดร้อยบาทถ้วน")
        XCTAssertEqual(Money(satang: 123_450).thaiWords, "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์")
        XCTAssertEqual(Money(satang: 50).thaiWords, "ห้าสิบสตางค์")
        XCTAssertEqual(Money.zero.thaiWords, "ศูนย์บาทถ้วน")
        XCTAssertEqual(Money(satang: 2_100_000_025).thaiWords, "ยี่สิบเอ็ดล้านบาทยี่สิบห้าสตางค์")
    }
}
