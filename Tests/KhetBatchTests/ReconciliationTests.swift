import Foundation
@testable import KhetBatch
import KhetCalc
import KhetCore
import KhetTestSupport
import XCTest

/// OBEC's allocation list for the sample area's 70% advance of free education, written the way
/// OBEC sends it (title rows, one column per item, thousands separators, a totals row), against
/// Khet's own figures: equal lists reconcile to zero, planted differences get their cause, bad
/// lists are errors at their cell and nothing is written.
final class ReconciliationTests: XCTestCase {
    private let items = ["tuition", "textbooks", "supplies", "uniforms", "activities"]
    private let itemNames = ["ค่าจัดการเรียนการสอน", "ค่าหนังสือเรียน", "ค่าอุปกรณ์การเรียน", "ค่าเครื่องแบบนักเรียน", "ค่ากิจกรรมพัฒนาคุณภาพผู้เรียน"]

    /// The sample with an OBEC list entry; `amounts` give the list's rows (school → item → amount).
    private func sample(list amounts: [String: [String: Money]], title: String = "บัญชีจัดสรรงบประมาณ ปีงบประมาณ 2568 สพป.ตาก เขต 2",
                        extraRows: [String] = [], notices: String? = nil) throws -> TemporaryDirectory {
        let folder = try Repository.sampleCopy("khet-reconcile")
        var lines = [title, ",,,,,,", "รหัสโรงเรียน,ชื่อโรงเรียน," + itemNames.joined(separator: ",") + ",รวม"]
        var totals = [Money](repeating: .zero, count: items.count)
        for (code, row) in amounts.sorted(by: { $0.key < $1.key }) {
            let values = items.map { row[$0] ?? .zero }
            for (index, value) in values.enumerated() { totals[index] += value }
            lines.append(([code, "โรงเรียน"] + values.map { "\"\($0.formatted)\"" } + ["\"\(values.sum().formatted)\""]).joined(separator: ","))
        }
        lines += extraRows
        lines.append((["", "รวมทั้งสิ้น"] + totals.map { "\"\($0.formatted)\"" } + ["\"\(totals.sum().formatted)\""]).joined(separator: ","))
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder.file("obec-advance.csv"), atomically: true, encoding: .utf8)
        let batch = try String(contentsOfFile: folder.file("batch.toml"), encoding: .utf8)
        try (batch + "\n[[inputs.obec_lists]]\nprogramme = \"free-education\"\nround = \"1/2568-advance\"\nfile = \"obec-advance.csv\"\n"
             + (notices.map { "notices = \"\($0)\"\n" } ?? ""))
            .write(toFile: folder.file("batch.toml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Khet's own advance per school and item, computed as the batch computes it.
    private func khetAdvance(snapshotFrom other: String? = nil) throws -> (amounts: [String: [String: Money]], round: PaymentRound) {
        let folder = try Repository.sampleCopy("khet-reconcile-khet")
        let manifest = try XCTUnwrap(BatchManifestReader().read(path: folder.file("batch.toml")).manifest)
        var data = BatchData.importing(manifest)
        if let other {
            let date = try XCTUnwrap(ThaiDate(year: 2567, month: 11, day: 10))
            let index = try XCTUnwrap(data.snapshots.firstIndex { $0.date == date })
            let source = try XCTUnwrap(data.snapshots.first { $0.date.isoBE == other })
            data.snapshots[index] = Snapshot(date: date, counts: source.counts)
        }
        let calculation = try AreaBatchRunner(data: data).calculate()
        let round = try XCTUnwrap(calculation.allocation.rounds(of: "free-education").first { $0.kind == .advance })
        let reconciler = Reconciler(programmeID: "free-education", round: round, columns: items, totalColumn: "programme-total")
        return (reconciler.amounts(in: calculation.allocation).mapValues { $0.filter { $0.key != "programme-total" } }, round)
    }

    private func run(_ folder: TemporaryDirectory) throws(BatchFailure) -> BatchOutcome {
        var options = BatchOptions()
        options.output = folder.file("out")
        return try BatchRunner(options: options).run(batch: folder.file("batch.toml"))
    }

    func testAListEqualToKhetsFiguresReconcilesToZeroAndIsWrittenAsASheet() throws {
        let (amounts, _) = try khetAdvance()
        XCTAssertEqual(amounts.count, 200)
        let folder = try sample(list: amounts)
        let outcome = try run(folder)
        let reconciliation = try XCTUnwrap(outcome.reconciliations.first)
        XCTAssertTrue(reconciliation.agrees, "\(reconciliation.differences.prefix(3))")
        XCTAssertEqual(reconciliation.listedTotal, reconciliation.computedTotal)
        XCTAssertGreaterThan(reconciliation.listedTotal, .zero)
        XCTAssertTrue(outcome.reconciliationTable.first?.contains("agrees for every school") ?? false, "\(outcome.reconciliationTable)")

        let book = try WorkbookReader.read(folder.file("out/reconciliation.xlsx"))
        let sheet = try XCTUnwrap(book.sheets.first)
        XCTAssertNotNil(sheet.autofilter, "the sheet is filterable")
        let header = try XCTUnwrap((1...sheet.maxRow).first { sheet.cells["A\($0)"]?.string == "รหัสโรงเรียน" })
        XCTAssertEqual(sheet.cells["F\(header)"]?.string, "ผลต่าง (บาท)")
        let rows = (header + 1)...(header + 200 * items.count)
        XCTAssertTrue(rows.allSatisfy { sheet.values["F\($0)"]?.number == 0 }, "every difference is zero")
        XCTAssertEqual(sheet.cells["F\(header + 1)"]?.string, "=D\(header + 1)-E\(header + 1)", "the difference is a formula")
        let arithmetic = try XCTUnwrap(sheet.cells["H\(header + 1)"]?.string)
        XCTAssertTrue(arithmetic.contains(" × ") && arithmetic.hasSuffix("(นับ ณ 10 พ.ย. 2567)"), arithmetic)
        let manifest = try String(contentsOfFile: folder.file("out/manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("OBEC list free-education 1/2568-advance"), "the list is fingerprinted")
    }

    func testPlantedDifferencesGetTheirLikelyCause() throws {
        let khet = try khetAdvance().amounts
        let onJune = try khetAdvance(snapshotFrom: "2567-06-10").amounts
        let codes = khet.keys.sorted()
        // A school missing, a school's amounts on the June count, a typed-over amount.
        var planted = khet
        planted[codes[0]] = nil
        let differing = try XCTUnwrap(codes.dropFirst(2).first { onJune[$0] != khet[$0] })
        planted[differing] = onJune[differing]
        var typo = try XCTUnwrap(khet[codes[3]])
        typo["supplies"] = (typo["supplies"] ?? .zero) + Money(satang: 12_345)
        planted[codes[3]] = typo
        let folder = try sample(list: planted)
        let reconciliation = try XCTUnwrap(try run(folder).reconciliations.first)
        let causes = Dictionary(grouping: reconciliation.differences, by: \.schoolCode).mapValues { Set($0.map(\.cause)) }
        XCTAssertEqual(causes[codes[0]], [.onlyInKhet])
        XCTAssertEqual(causes[differing], [.otherSnapshot(try XCTUnwrap(ThaiDate(year: 2567, month: 6, day: 10)))])
        XCTAssertEqual(causes[codes[3]], [.unexplained])
        XCTAssertEqual(Set(causes.keys), [codes[0], differing, codes[3]], "no other school differs")
        XCTAssertFalse(reconciliation.agrees)
    }

    func testADifferenceOfOnePupilsRateIsNamed() throws {
        let (amounts, code, rate) = try onePupilsTuitionMore()
        let folder = try sample(list: amounts)
        let reconciliation = try XCTUnwrap(try run(folder).reconciliations.first)
        XCTAssertEqual(reconciliation.differences.count, 1)
        let line = try XCTUnwrap(reconciliation.differences.first)
        guard case .pupils(let count, _, let found) = line.cause else { return XCTFail("\(line.cause)") }
        XCTAssertEqual(count, 1)
        XCTAssertEqual(found, rate)
    }

    func testAnAdvanceWithoutTheMoveUpAGradeIsNamed() throws {
        var amounts = try khetAdvance().amounts
        let folder = try Repository.sampleCopy("khet-reconcile-grades")
        let manifest = try XCTUnwrap(BatchManifestReader().read(path: folder.file("batch.toml")).manifest)
        let data = BatchData.importing(manifest)
        let framework = try XCTUnwrap(data.framework)
        let programme = try XCTUnwrap(framework.programmes.first { $0.id == "free-education" })
        let november = try XCTUnwrap(data.snapshots.first { $0.date.isoBE == "2567-11-10" })
        // Each grade on its own November count, as OBEC would if it did not move pupils up.
        let code = try XCTUnwrap(amounts.keys.sorted().dropFirst(5).first)
        var row: [String: Money] = [:]
        for item in programme.items {
            row[item.id] = Grade.allCases.compactMap { grade -> Money? in
                let funded = framework.advance.rounding.apply(count: november.counts(for: code)[grade], percent: framework.advance.percent)
                return item.perPupilAmount(for: grade, termNumber: 1).map { $0 * funded }
            }.sum()
        }
        XCTAssertNotEqual(row, amounts[code], "the move up a grade changes the school's money")
        amounts[code] = row
        let reconciliation = try XCTUnwrap(try run(try sample(list: amounts)).reconciliations.first)
        XCTAssertEqual(Set(reconciliation.differences.map(\.schoolCode)), [code])
        XCTAssertTrue(reconciliation.differences.allSatisfy { $0.cause == .notAdvanced }, "\(reconciliation.differences.map(\.cause))")
    }

    /// `notices = "obec"`: the office pays what OBEC approved. The school OBEC gives one pupil's
    /// tuition more gets it, in its notice and in the area's workbook, with Khet's figure beside.
    func testNoticesCanFollowOBECsApprovedAmounts() throws {
        let (amounts, code, rate) = try onePupilsTuitionMore()
        let khetFolder = try sample(list: amounts)
        let obecFolder = try sample(list: amounts, notices: "obec")
        XCTAssertFalse(try run(khetFolder).listsAgree)
        let outcome = try run(obecFolder)
        XCTAssertFalse(outcome.listsAgree, "the reconciliation is still Khet's own against the list")
        func schoolTotal(_ folder: TemporaryDirectory) throws -> Double {
            let summary = try XCTUnwrap(try WorkbookReader.read(folder.file("out/allocation-2568.xlsx")).sheet("สรุป"))
            let row = try XCTUnwrap((1...summary.maxRow).first { summary.cells["A\($0)"]?.string == code })
            return try XCTUnwrap(summary.values["E\(row)"]?.number)
        }
        XCTAssertEqual(try schoolTotal(obecFolder) - schoolTotal(khetFolder), Double(rate.satang) / 100, accuracy: 0.001)
        let notice = try WorkbookReader.read(obecFolder.file("out/schools/\(code).xlsx"))
        let texts = notice.sheets.flatMap { $0.cells.values.compactMap(\.string) }
        XCTAssertTrue(texts.contains { $0.hasPrefix("ปรับตามบัญชีจัดสรรของ สพฐ.: สพฐ. อนุมัติ") }, "the notice shows the adjustment to OBEC's list")
    }

    /// Khet's advance with the first school given one pupil's tuition more, as OBEC might.
    private func onePupilsTuitionMore() throws -> (amounts: [String: [String: Money]], code: String, rate: Money) {
        var amounts = try khetAdvance().amounts
        let code = try XCTUnwrap(amounts.keys.sorted().first)
        let rate = try XCTUnwrap(ratesOfTuition(code: code))
        var row = try XCTUnwrap(amounts[code])
        row["tuition"] = (row["tuition"] ?? .zero) + rate
        amounts[code] = row
        return (amounts, code, rate)
    }

    private func ratesOfTuition(code: String) throws -> Money? {
        let folder = try Repository.sampleCopy("khet-reconcile-rates")
        let manifest = try XCTUnwrap(BatchManifestReader().read(path: folder.file("batch.toml")).manifest)
        let calculation = try AreaBatchRunner(data: BatchData.importing(manifest)).calculate()
        return calculation.allocation.lines.first {
            $0.schoolCode == code && $0.programmeID == "free-education" && $0.itemID == "tuition" && $0.round.kind == .advance
                && ($0.basis.pupils ?? 0) > 0
        }?.basis.rate
    }

    func testBadListsAreErrorsAtTheirCellAndNothingIsWritten() throws {
        let (amounts, _) = try khetAdvance()
        let row = #"9999999999,โรงเรียนอื่น,"1,000.00",0,0,0,0,"1,000.00""#
        let cases: [(title: String, extra: [String], code: String)] = [
            ("บัญชีจัดสรรงบประมาณ ปีงบประมาณ 2568 สพป.ตาก เขต 2", [row], "ALS004"),
            ("บัญชีจัดสรรงบประมาณ ปีงบประมาณ 2568 สพป.ตาก เขต 2", [#"9963020001,ซ้ำ,0,0,0,0,0,0"#], "ALS003"),
            ("บัญชีจัดสรรงบประมาณ ปีงบประมาณ 2568 สพป.ตาก เขต 2", [#"9963020001x,ผิด,abc,0,0,0,0,0"#], "ALS004"),
            ("บัญชีจัดสรรงบประมาณ ปีงบประมาณ 2567 สพป.ตาก เขต 2", [], "ALS006"),
            ("บัญชีจัดสรรงบประมาณ ปีงบประมาณ 2568 สพป.ตาก เขต 1", [], "ALS007"),
        ]
        for entry in cases {
            let folder = try sample(list: amounts, title: entry.title, extraRows: entry.extra)
            do {
                _ = try run(folder)
                XCTFail("\(entry.code): the run wrote its outputs")
            } catch {
                XCTAssertTrue(error.diagnostics.errors.contains { $0.code == entry.code && $0.file.hasSuffix("obec-advance.csv") && $0.line > 0 },
                              "\(entry.code): \(error.diagnostics.errors)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out")), entry.code)
        }
        var broken = amounts
        broken["9963020001"] = nil
        let folder = try sample(list: broken, extraRows: [#"9963020001,บ้าน,สิบบาท,0,0,0,0,0"#])
        do {
            _ = try run(folder)
            XCTFail("a non-numeric amount was read")
        } catch {
            let found = try XCTUnwrap(error.diagnostics.errors.first { $0.code == "ALS005" })
            XCTAssertEqual(found.column, 17, "\(found)")
        }
    }
}
