import KhetCore
import KhetExport
import XCTest

/// `khet diff`'s comparison on hand-made lines: each cause is told apart, an item with a
/// correction on either side is compared as one sum, and only the lines that differ are rows.
final class TransferComparisonTests: XCTestCase {
    private func line(_ school: String = "9963020001", programme: String = "free-education", round: String = "1/2568-balance",
                      item: String = "tuition", grade: String? = "ป.1", pupils: Int? = 10, rate: Int64? = 950_00,
                      amount: Int64? = nil, basis: String = "perPupil") -> TransferComparison.Line {
        TransferComparison.Line(programme: programme, round: round, line: TransferRecord.Line(
            school: school, item: item, grade: grade, level: nil, pupils: pupils, rateSatang: rate,
            amountSatang: amount ?? Int64(pupils ?? 0) * (rate ?? 0), basis: basis))
    }

    private func compare(_ before: [TransferComparison.Line], _ after: [TransferComparison.Line],
                         inputs: ([String: String], [String: String]) = ([:], [:])) -> TransferComparison {
        TransferComparison(before: .init(path: "a", description: "A", lines: before, inputs: inputs.0),
                           after: .init(path: "b", description: "B", lines: after, inputs: inputs.1))
    }

    func testEachCauseIsToldApart() {
        let same = line("9963020009")
        let before = [same, line("9963020001"), line("9963020002"), line("9963020003", amount: 9_000_00),
                      line("9963020004", item: "top-up", grade: nil, pupils: nil, rate: nil, amount: -1_000_00, basis: "envelopeScaling"),
                      line("9963020005")]
        let after = [same, line("9963020001", pupils: 13), line("9963020002", rate: 1_000_00), line("9963020003", amount: 9_100_00),
                     line("9963020004", item: "top-up", grade: nil, pupils: nil, rate: nil, amount: -1_200_00, basis: "envelopeScaling"),
                     line("9963020006")]
        let comparison = compare(before, after)
        XCTAssertEqual(comparison.rows.map(\.key.school), ["9963020001", "9963020002", "9963020003", "9963020004", "9963020005", "9963020006"])
        XCTAssertEqual(comparison.rows.map(\.cause), [.count, .rate, .amount, .envelope, .gone, .new])
        XCTAssertEqual(comparison.rows.map(\.difference.satang), [2_850_00, 500_00, 100_00, -200_00, -9_500_00, 9_500_00])
        XCTAssertEqual(comparison.rows[0].before?.pupils, 10)
        XCTAssertEqual(comparison.rows[0].after?.pupils, 13)
        XCTAssertEqual(comparison.afterTotal - comparison.beforeTotal, comparison.rows.map(\.difference).sum())
        XCTAssertEqual(comparison.byCause.map(\.cause), [.count, .rate, .envelope, .amount, .new, .gone])
        XCTAssertEqual(comparison.schools, 6)
    }

    /// The ledger paid a top-up of 28,000; the run corrects it by 1,500: one row, 28,000 → 29,500.
    func testACorrectionReadsAgainstWhatWasPaid() {
        let paid = line("9963020006", programme: "small-schools", round: "year", item: "top-up", grade: nil, pupils: 40, rate: 700_00)
        let correction = line("9963020006", programme: "small-schools", round: "year", item: "top-up", grade: nil, pupils: nil,
                              rate: nil, amount: 1_500_00, basis: "correction")
        let comparison = compare([paid], [paid, correction])
        XCTAssertEqual(comparison.rows.count, 1)
        let row = comparison.rows[0]
        XCTAssertEqual(row.cause, .correction)
        XCTAssertEqual(row.before?.amount, Money(satang: 28_000_00))
        XCTAssertEqual(row.after?.amount, Money(satang: 29_500_00))
        XCTAssertEqual(row.before?.pupils, 40, "the pupils are those of the line corrected")
        XCTAssertEqual(row.after?.pupils, 40)
    }

    func testTheSameLinesAreNoRowAndChangedInputsAreNamed() {
        let lines = [line(), line("9963020002", grade: "ป.2")]
        let comparison = compare(lines, lines.reversed(), inputs: (["schools": "aa", "pupils 2567-11-10": "bb"],
                                                                  ["schools": "aa", "pupils 2567-11-10": "cc", "pupils 2568-06-10": "dd"]))
        XCTAssertTrue(comparison.isSame)
        XCTAssertEqual(comparison.changedInputs.map(\.role), ["pupils 2567-11-10", "pupils 2568-06-10"])
        XCTAssertEqual(comparison.changedInputs.map(\.change), [.changed, .onlyInB])
    }

    /// Rows run by school, then programme, round, item and grade in school order (อ.1 before ป.1).
    func testRowsAreInSchoolAndGradeOrder() {
        let after = [line(grade: "ป.1"), line(grade: "อ.2"), line(grade: "อ.1"), line("9963020000", grade: "ม.1")]
        XCTAssertEqual(compare([], after).rows.map { "\($0.key.school) \($0.key.grade ?? "")" },
                       ["9963020000 ม.1", "9963020001 อ.1", "9963020001 อ.2", "9963020001 ป.1"])
    }
}
