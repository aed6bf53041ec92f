import KhetCore
import XCTest

final class CalendarTests: XCTestCase {
    func testFiscalYearPaysTermTwoOfThePreviousYearThenTermOne() {
        let year = FiscalYear(2568)
        XCTAssertEqual(year.terms, [Term(academicYear: 2567, number: 2), Term(academicYear: 2568, number: 1)])
        XCTAssertEqual(year.startDate, ThaiDate(year: 2567, month: 10, day: 1))
        XCTAssertEqual(year.endDate, ThaiDate(year: 2568, month: 9, day: 30))
    }

    func testSnapshotDatesOfATerm() {
        let term = Term(academicYear: 2568, number: 1)
        XCTAssertEqual(term.juneSnapshotDate, ThaiDate(year: 2568, month: 6, day: 10))
        XCTAssertEqual(term.previousNovemberSnapshotDate, ThaiDate(year: 2567, month: 11, day: 10))
        XCTAssertEqual(term.description, "1/2568")
    }

    func testParsesAndFormatsBuddhistEraDates() throws {
        let date = try XCTUnwrap(ThaiDate(parsing: "2568-06-10"))
        XCTAssertEqual(date.thaiLong, "10 มิถุนายน 2568")
        XCTAssertEqual(date.thaiShort, "10 มิ.ย. 2568")
        XCTAssertEqual(ThaiDate(parsing: "10/06/2568"), date)
        XCTAssertEqual(ThaiDate(parsing: "2025-06-10"), date, "a CE year is converted")
        XCTAssertNil(ThaiDate(parsing: "2568-02-30"))
        XCTAssertNil(ThaiDate(parsing: "10-06"))
        XCTAssertNotNil(ThaiDate(year: 2567, month: 2, day: 29), "2024 CE is a leap year")
        XCTAssertNil(ThaiDate(year: 2568, month: 2, day: 29))
    }

    func testUnixTimeOfADate() throws {
        XCTAssertEqual(try XCTUnwrap(ThaiDate(year: 2513, month: 1, day: 1)).unixTime, 0)
        XCTAssertEqual(try XCTUnwrap(ThaiDate(year: 2568, month: 7, day: 15)).unixTime, 1_752_537_600)
    }

    func testAgeOnADate() throws {
        let snapshot = try XCTUnwrap(ThaiDate(year: 2568, month: 6, day: 10))
        XCTAssertEqual(snapshot.age(bornOn: try XCTUnwrap(ThaiDate(year: 2564, month: 6, day: 10))), 4)
        XCTAssertEqual(snapshot.age(bornOn: try XCTUnwrap(ThaiDate(year: 2564, month: 6, day: 11))), 3)
    }

    func testCountRoundingOfTheAdvanceShare() {
        XCTAssertEqual(CountRounding.halfUp.apply(count: 37, percent: 70), 26) // 25.9
        XCTAssertEqual(CountRounding.halfUp.apply(count: 5, percent: 70), 4)   // 3.5
        XCTAssertEqual(CountRounding.down.apply(count: 5, percent: 70), 3)
        XCTAssertEqual(CountRounding.up.apply(count: 1, percent: 70), 1)
        XCTAssertEqual(CountRounding.halfUp.apply(count: 0, percent: 70), 0)
    }

    func testDiagnosticReadsLikeACompilerMessage() {
        let diagnostic = Diagnostic(.error, code: "CSV001", file: "schools.csv", line: 3, column: 7,
                                    message: "a quoted field is never closed")
        XCTAssertEqual(diagnostic.description, "schools.csv:3:7: error: a quoted field is never closed [CSV001]")
    }
}
