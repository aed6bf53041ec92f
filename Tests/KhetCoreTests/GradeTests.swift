import KhetCore
import XCTest

final class GradeTests: XCTestCase {
    func testReadsThaiAndLatinCodesAsPeopleWriteThem() {
        for code in ["ป.1", "ป1", "ป. 1", "P1", "p.1", "p1", "ป.๑"] {
            XCTAssertEqual(Grade(code: code), .p1, code)
        }
        XCTAssertEqual(Grade(code: "อ.3"), .k3)
        XCTAssertEqual(Grade(code: "K2"), .k2)
        XCTAssertEqual(Grade(code: "ม.4"), .m4)
        XCTAssertEqual(Grade(code: "M6"), .m6)
    }

    func testRejectsWhatIsNotAGrade() {
        for code in ["ป.7", "อ.4", "ม.0", "X1", "", "ป.", "1ป", "ป.12", "รวม"] {
            XCTAssertNil(Grade(code: code), code)
        }
    }

    func testLevelsAndCodes() {
        XCTAssertEqual(Grade.k1.level, .preprimary)
        XCTAssertEqual(Grade.p6.level, .primary)
        XCTAssertEqual(Grade.m3.level, .lowerSecondary)
        XCTAssertEqual(Grade.m4.level, .upperSecondary)
        XCTAssertEqual(Grade.m4.thaiCode, "ม.4")
        XCTAssertEqual(Grade.m4.latinCode, "M4")
        XCTAssertEqual(Level.primary.grades, [.p1, .p2, .p3, .p4, .p5, .p6])
    }

    func testAdvancingOneGradeKeepsEntryGradesOnTheirOwnCount() {
        XCTAssertEqual(Grade.p3.advancedFrom, .p2)
        XCTAssertEqual(Grade.k2.advancedFrom, .k1)
        XCTAssertEqual(Grade.m2.advancedFrom, .m1)
        for entry in [Grade.k1, .p1, .m1, .m4] {
            XCTAssertTrue(entry.isEntryGrade)
            XCTAssertEqual(entry.advancedFrom, entry)
        }
        XCTAssertFalse(Grade.p2.isEntryGrade)
    }

    func testGradeCountsTotalsByLevel() {
        let counts = GradeCounts([.k2: 10, .k3: 12, .p1: 20, .m1: 5])
        XCTAssertEqual(counts.total, 47)
        XCTAssertEqual(counts.total(of: .preprimary), 22)
        XCTAssertEqual(counts.taughtGrades, [.k2, .k3, .p1, .m1])
    }

    /// Found by the pupil-record fuzzer: a grade cell with a long run of digits overflowed Int
    /// and crashed (Fuzz/corpus/records/crash-grade-digit-overflow.csv).
    func testALongNumberIsNotAGradeAndDoesNotOverflow() {
        XCTAssertNil(Grade(code: "ป." + String(repeating: "9", count: 40)))
        XCTAssertNil(Grade(code: "M" + String(repeating: "๙", count: 25)))
        XCTAssertNil(Grade(code: "P001"))
        XCTAssertEqual(Grade(code: "P01"), .p1)
    }
}
