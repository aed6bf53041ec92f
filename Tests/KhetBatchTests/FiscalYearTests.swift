import Foundation
import KhetBatch
import KhetCore
import KhetLedger
import KhetTestSupport
import XCTest

/// The fiscal year as an office lives it, on the sample area: October pays term 2 on the June
/// count, April the advance and the whole-year programmes on the November count, then one
/// school's November count is corrected, and July pays the balance under a revised envelope.
/// Every transfer is confirmed into the ledger; the money paid over the year is checked against
/// the year's entitlement on the final data, to the satang.
final class FiscalYearTests: XCTestCase {
    private static let correctedSchool = "9963020006"
    private static let programmes = ["free-education", "poor-basics", "boarders", "small-schools"]

    private func batch(date: String, snapshots: [String], rounds: [String]?, extra: String = "") -> String {
        SamplePayBatch.toml(date: date, snapshots: snapshots, rounds: rounds, extra: extra)
    }

    private func run(_ path: String, output: String? = nil) throws -> BatchOutcome {
        try BatchRunner(options: BatchOptions(output: output)).run(batch: path)
    }

    private func confirm(_ path: String) throws -> TransferConfirmer.Outcome {
        try TransferConfirmer(confirmedBy: "analyst", confirmedAt: "2568-01-01T00:00:00Z").confirm(batch: path)
    }

    /// A lines.json: each school's money per programme, and its lines.
    private struct Transfer {
        var bySchool: [String: [String: Int64]] = [:]
        var lines: [(programme: String, round: String, kind: String, school: String, item: String, basis: String, satang: Int64)] = []

        init(_ path: String) throws {
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            for payment in json["payments"] as? [[String: Any]] ?? [] {
                for line in payment["lines"] as? [[String: Any]] ?? [] {
                    let school = line["school"] as? String ?? "", programme = payment["programme"] as? String ?? ""
                    let satang = (line["amount_satang"] as? NSNumber)?.int64Value ?? 0
                    bySchool[school, default: [:]][programme, default: 0] += satang
                    lines.append((programme, payment["round"] as? String ?? "", payment["kind"] as? String ?? "", school,
                                  line["item"] as? String ?? "", line["basis"] as? String ?? "", satang))
                }
            }
        }

        func total(of school: String) -> Int64 { bySchool[school]?.values.reduce(0, +) ?? 0 }
    }

    /// A plan run's summary sheet: each school's money per programme, in satang.
    private func planTotals(_ workbook: String) throws -> [String: [String: Int64]] {
        let sheet = try XCTUnwrap(try WorkbookReader.read(workbook).sheet("สรุป"))
        let header = try XCTUnwrap((1...sheet.maxRow).first { sheet.cells["A\($0)"]?.string == "รหัสโรงเรียน" })
        let columns = ["E", "F", "G", "H"]
        XCTAssertEqual(columns.map { sheet.cells["\($0)\(header)"]?.string }, ["เรียนฟรี 15 ปี", "นักเรียนยากจน", "นักเรียนพักนอน", "โรงเรียนขนาดเล็ก"])
        var totals: [String: [String: Int64]] = [:]
        for row in (header + 1)...sheet.maxRow {
            guard let code = sheet.cells["A\(row)"]?.string, code.hasPrefix("99") else { continue }
            for (column, programme) in zip(columns, Self.programmes) {
                totals[code, default: [:]][programme] = Int64(((sheet.cells["\(column)\(row)"]?.number ?? 0) * 100).rounded())
            }
        }
        return totals
    }

    func testAWholeFiscalYearPaysTheEntitlementPlusTheRecordedCorrections() throws {
        let folder = try Repository.sampleCopy("khet-fiscal-year")
        let june67 = "2567-06-10", november = "2567-11-10", june68 = "2568-06-10"

        // October: term 2 on the June count.
        let october = try folder.write("october.toml", batch(date: "2567-10-20", snapshots: [june67], rounds: ["2/2567"]))
        let octoberRun = try run(october)
        let octoberFolder = try XCTUnwrap(octoberRun.written.first?.deletingLastPathComponent().path)
        XCTAssertTrue(octoberFolder.hasSuffix("out/tak2-fy2568_2-2567_2567-10-20"), octoberFolder)
        XCTAssertEqual(try confirm(october).entries.map(\.round), ["2/2567"])

        // April: the advance and the whole-year programmes on the November count.
        let april = try folder.write("april.toml", batch(date: "2568-04-20", snapshots: [june67, november],
                                                         rounds: ["1/2568-advance", "year"]))
        _ = try run(april)
        let aprilFolder = folder.file("out/tak2-fy2568_1-2568-advance+year_2568-04-20")
        XCTAssertEqual(Set(try confirm(april).entries.map(\.round)), ["1/2568-advance", "year"])
        let aprilTransfer = try Transfer(aprilFolder + "/lines.json")

        // One small school's November count is corrected after April's transfer: 3 more in ป.1.
        try SamplePayBatch.correctCount(in: folder.file("pupils-\(november).csv"), school: Self.correctedSchool, column: 4, by: 3)

        // The year's entitlement on the final data: free education over all three counts; the
        // whole-year programmes on the (corrected) November count they were paid on.
        let planAll = try folder.write("plan-all.toml", batch(date: "2568-07-15", snapshots: [june67, november, june68], rounds: nil))
        _ = try run(planAll, output: folder.file("plan-all"))
        let planNovember = try folder.write("plan-nov.toml", batch(date: "2568-04-20", snapshots: [june67, november], rounds: nil))
        _ = try run(planNovember, output: folder.file("plan-nov"))
        let all = try planTotals(folder.file("plan-all/allocation-2568.xlsx"))
        let onNovember = try planTotals(folder.file("plan-nov/allocation-2568.xlsx"))
        let freeEducationEntitlement = all.values.compactMap { $0["free-education"] }.reduce(0, +)

        // July: the balance, under an envelope OBEC revised below the year's free-education entitlement.
        let paidFreeEducation = try Transfer(octoberFolder + "/lines.json").bySchool.values.compactMap { $0["free-education"] }.reduce(0, +)
            + aprilTransfer.bySchool.values.compactMap { $0["free-education"] }.reduce(0, +)
        let envelopeBaht = (paidFreeEducation + (freeEducationEntitlement - paidFreeEducation) * 9 / 10) / 100
        let july = try folder.write("july.toml", batch(
            date: "2568-07-15", snapshots: [june67, november, june68], rounds: ["1/2568-balance"],
            extra: "correction = \"10 November count of \(Self.correctedSchool) corrected (ป.1)\"\n\n[envelopes]\nfree-education = \(envelopeBaht)"))
        let julyRun = try run(july)
        XCTAssertFalse(julyRun.diagnostics.contains { $0.code == "BAT019" }, "the reason is given")
        let julyFolder = folder.file("out/tak2-fy2568_1-2568-balance_2568-07-15")
        let julyTransfer = try Transfer(julyFolder + "/lines.json")
        _ = try confirm(july)

        // The balance deducts the advance the ledger recorded, not the advance on the corrected count.
        let paidAdvance = aprilTransfer.lines.filter { $0.school == Self.correctedSchool && $0.round == "1/2568-advance" }.map(\.satang).reduce(0, +)
        let deducted = julyTransfer.lines.filter { $0.school == Self.correctedSchool && $0.basis == "lessAdvance" }.map(\.satang).reduce(0, +)
        XCTAssertEqual(deducted, -paidAdvance)
        // The corrected count changes the small-school money paid in April: a correction line, not a silent change.
        let corrections = julyTransfer.lines.filter { $0.kind == "correction" }
        XCTAssertEqual(Set(corrections.map(\.school)), [Self.correctedSchool])
        XCTAssertEqual(corrections.map(\.satang).reduce(0, +),
                       (onNovember[Self.correctedSchool]?["small-schools"] ?? 0) - (aprilTransfer.bySchool[Self.correctedSchool]?["small-schools"] ?? 0))
        XCTAssertNotEqual(corrections.map(\.satang).reduce(0, +), 0)
        // The corrections sheet shows the advance paid against today's, and the correction.
        let sheet = try XCTUnwrap(try WorkbookReader.read(julyFolder + "/allocation-2568.xlsx").sheet("ปรับปรุงยอด"))
        let rowsOfSchool = (1...sheet.maxRow).filter { sheet.cells["A\($0)"]?.string == Self.correctedSchool }
        XCTAssertTrue(rowsOfSchool.contains { sheet.cells["I\($0)"]?.string == "งวดที่ 2 หักงวดที่ 1 ตามที่โอนจริง" })
        XCTAssertTrue(rowsOfSchool.contains { sheet.cells["I\($0)"]?.string == "ปรับปรุงในการโอนครั้งนี้" })

        // The ledger: every school's money over the year is its entitlement on the final data,
        // corrections included, plus the envelope's cut; the cut keeps free education to the envelope.
        let ledger = try SQLiteLedger(path: folder.file("khet-ledger-6302-2568.sqlite"), areaCode: "6302", fiscalYear: 2568, create: false)
        let entries = try ledger.entries()
        XCTAssertEqual(entries.map(\.kind).filter { $0 == .correction }.count, 1)
        XCTAssertEqual(entries.first { $0.kind == .correction }?.reason, "10 November count of \(Self.correctedSchool) corrected (ป.1)")
        var paid: [String: [String: Int64]] = [:]
        var cuts: [String: Int64] = [:]
        for entry in entries {
            for line in entry.lines {
                paid[line.schoolCode, default: [:]][entry.programmeID, default: 0] += line.amount.satang
                if line.basis == "envelopeScaling" { cuts[line.schoolCode, default: 0] += line.amount.satang }
            }
        }
        XCTAssertFalse(cuts.isEmpty, "the revised envelope scaled the balance")
        XCTAssertEqual(paid.values.compactMap { $0["free-education"] }.reduce(0, +), envelopeBaht * 100)
        XCTAssertEqual(Set(paid.keys), Set(all.keys))
        for (school, programmes) in paid.sorted(by: { $0.key < $1.key }) {
            let entitlement = (all[school]?["free-education"] ?? 0)
                + ["poor-basics", "boarders", "small-schools"].map { onNovember[school]?[$0] ?? 0 }.reduce(0, +)
            XCTAssertEqual(programmes.values.reduce(0, +), entitlement + (cuts[school] ?? 0), school)
        }

        // The top-up notified in April stays what it was for a school whose June count moved it.
        let moved = all.keys.sorted().first { $0 != Self.correctedSchool && all[$0]?["small-schools"] != onNovember[$0]?["small-schools"] }
        let school = try XCTUnwrap(moved, "some small school's money differs between the two counts")
        XCTAssertEqual(paid[school]?["small-schools"], onNovember[school]?["small-schools"])
        XCTAssertNotEqual(paid[school]?["small-schools"], all[school]?["small-schools"])
        XCTAssertFalse(julyTransfer.lines.contains { $0.school == school && $0.programme == "small-schools" })

        // Every transfer's distribution list (the notices' totals) shows that transfer's own money.
        for run in [octoberFolder, aprilFolder, julyFolder] {
            let transfer = try Transfer(run + "/lines.json")
            let list = try XCTUnwrap(try WorkbookReader.read(run + "/distribution.xlsx").sheets.first)
            let header = try XCTUnwrap((1...list.maxRow).first { list.cells["A\($0)"]?.string == "รหัสโรงเรียน" })
            var checked = 0
            for row in (header + 1)...list.maxRow {
                guard let code = list.cells["A\(row)"]?.string, code.hasPrefix("99") else { continue }
                XCTAssertEqual(Int64(((list.cells["E\(row)"]?.number ?? 0) * 100).rounded()), transfer.total(of: code), "\(run) \(code)")
                checked += 1
            }
            XCTAssertEqual(checked, all.count)
        }
        // A notice carries the year so far under its transfer.
        let notice = try WorkbookReader.read(julyFolder + "/schools/\(Self.correctedSchool).xlsx")
        let texts = notice.sheets.flatMap { $0.cells.values.compactMap(\.string) }
        XCTAssertTrue(texts.contains("ยอดที่โอนในปีงบประมาณ 2568"))
        XCTAssertTrue(texts.contains { $0.hasPrefix("ภาคเรียนที่ 2/2567 (โอน 20 ต.ค. 2567)") }, texts.joined(separator: " | "))
    }

    private func failure(_ body: () throws -> Any) -> BatchFailure? {
        do { _ = try body(); return nil } catch { return error as? BatchFailure }
    }

    /// A revised envelope below what the ledger says was transferred cannot be met: an error,
    /// and nothing is written.
    func testAnEnvelopeBelowWhatWasTransferredIsAnError() throws {
        let folder = try Repository.sampleCopy("khet-fiscal-envelope")
        let october = try folder.write("october.toml", batch(date: "2567-10-20", snapshots: ["2567-06-10"], rounds: ["2/2567"]))
        _ = try run(october)
        _ = try confirm(october)
        let april = try folder.write("april.toml", batch(date: "2568-04-20", snapshots: ["2567-06-10", "2567-11-10"],
                                                         rounds: ["1/2568-advance"], extra: "[envelopes]\nfree-education = 1000000"))
        let refused = try XCTUnwrap(failure { try self.run(april) })
        XCTAssertEqual(refused.stage, .calculation)
        let error = try XCTUnwrap(refused.diagnostics.first { $0.code == "CALC021" })
        XCTAssertTrue(error.message.contains("less than the"), error.message)
        let line = try XCTUnwrap(try String(contentsOfFile: april, encoding: .utf8).components(separatedBy: "\n")
            .firstIndex { $0.hasPrefix("free-education") }) + 1
        XCTAssertTrue(error.file.hasSuffix("april.toml:\(line) [envelopes] free-education"), error.file)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out/tak2-fy2568_1-2568-advance_2568-04-20")))
        // A programme the framework does not have is named with its line.
        let unknown = try folder.write("unknown.toml", batch(date: "2568-04-20", snapshots: ["2567-06-10", "2567-11-10"],
                                                             rounds: ["1/2568-advance"], extra: "[envelopes]\nfree-educaton = 1000000"))
        let named = try XCTUnwrap(failure { try self.run(unknown) }?.diagnostics.first { $0.code == "BAT018" })
        XCTAssertEqual(named.line, line)
    }

    /// An unconfirmed pay run may be redone into its own folder; once confirmed it is a record,
    /// and a plan of the year never replaces a pay run's folder.
    func testAConfirmedRunIsNeverReplacedAndAnUnconfirmedOneIsRedone() throws {
        let folder = try Repository.sampleCopy("khet-fiscal-redo")
        let october = try folder.write("october.toml", batch(date: "2567-10-20", snapshots: ["2567-06-10"], rounds: ["2/2567"]))
        _ = try run(october)
        let runFolder = folder.file("out/tak2-fy2568_2-2567_2567-10-20")
        XCTAssertNil(failure { try self.run(october) }, "an unconfirmed run is redone")
        let plan = try folder.write("plan.toml", batch(date: "2567-10-20", snapshots: ["2567-06-10"], rounds: nil))
        let planned = try XCTUnwrap(failure { try self.run(plan, output: runFolder) })
        XCTAssertTrue(planned.message?.contains("pay run's transfer") ?? false, planned.message ?? "")
        _ = try confirm(october)
        let before = try FolderContents.read(runFolder)
        let again = try XCTUnwrap(failure { try self.run(october) })
        XCTAssertTrue(again.diagnostics.contains { $0.code == "BAT017" && $0.severity == .error },
                      "the round is confirmed: listing it again is refused")
        // April's run pointed at October's confirmed folder is refused; October's stays as it was.
        let april = try folder.write("april.toml", batch(date: "2568-04-20", snapshots: ["2567-06-10", "2567-11-10"],
                                                         rounds: ["1/2568-advance"]))
        let into = try XCTUnwrap(failure { try BatchRunner(options: BatchOptions(output: runFolder)).run(batch: april) })
        XCTAssertTrue(into.message?.contains("confirmed in the ledger") ?? false, into.message ?? "")
        XCTAssertEqual(try FolderContents.read(runFolder), before)
    }
}
