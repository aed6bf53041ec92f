import Foundation
import KhetCore

/// The sample area's fiscal year as pay batches in `year/`: October (term 2 on the 10 June
/// count), April (the advance on the 10 November count and the whole-year programmes) and July
/// (the balance on the new 10 June count), each with the snapshots known by its date, so the
/// README's loop of `khet run` and `khet confirm` plays the year on the sample. Their ledger is
/// the default one, beside them.
struct SampleYearBatches {
    static let folderName = "year"

    struct Batch {
        let fileName: String
        let text: String
    }

    let area: SampleArea
    let fiscalYear: Int
    /// The plan batch's `output`, relative to the sample folder; the pay runs write their own
    /// folders beside it (`<output>_<rounds>_<date>`).
    let output: String

    private struct Round {
        let name: String, what: String, month: Int, day: Int, yearOffset: Int, rounds: [String]
    }

    private var rounds: [Round] {
        let year = fiscalYear
        return [
            Round(name: "oct", what: "October: term 2 of \(year - 1), paid in October on the 10 June \(year - 1) count.",
                  month: 10, day: 20, yearOffset: -1, rounds: ["2/\(year - 1)"]),
            Round(name: "apr", what: "April: the term-1 advance (70%) on the 10 November count, and the whole-year programmes\n# (poor pupils, boarders, small schools).",
                  month: 4, day: 20, yearOffset: 0, rounds: ["1/\(year)-advance", "year"]),
            Round(name: "jul", what: "July: the term-1 balance on the new 10 June count, less the advance the ledger says was paid.\n# Add `correction = \"why\"` under [payment] when the run corrects rounds already paid (BAT019).",
                  month: 7, day: 15, yearOffset: 0, rounds: ["1/\(year)-balance"]),
        ]
    }

    func batches() -> [Batch] {
        rounds.compactMap { round in
            guard let date = ThaiDate(year: fiscalYear + round.yearOffset, month: round.month, day: round.day) else { return nil }
            return Batch(fileName: "batch-\(round.name).toml", text: text(round, date: date))
        }
    }

    /// Paths in the batch are relative to it, one folder down from the sample's files.
    private func up(_ path: String) -> String { path.hasPrefix("/") ? path : "../" + path }

    private func text(_ round: Round, date: ThaiDate) -> String {
        let file = "\(Self.folderName)/batch-\(round.name).toml"
        let runs = URL(fileURLWithPath: output).lastPathComponent
        var text = """
        # Khet pay batch of the sample area (see README, "The fiscal year").
        # \(round.what)
        # Run, check, send, then confirm (paths from the sample's folder):
        #   khet run \(file)
        #   khet confirm \(file)
        fiscal_year = \(fiscalYear)
        framework = "fy\(fiscalYear)"
        date = "\(date.isoBE)"                  # the batch date (BE): names the run's folder with its rounds
        output = \(SampleTOML.string(up(output)))   # the run writes \(runs)_<rounds>_<date>/ beside that folder
        language = "th"
        # The ledger of confirmed rounds is khet-ledger-6302-\(fiscalYear).sqlite beside this file (the default).

        \(SampleAreaWriter.areaTable)
        [inputs]
        schools = \(SampleTOML.string(up(SampleAreaWriter.schoolsFileName)))
        poor = \(SampleTOML.string(up(SampleAreaWriter.poorFileName)))
        boarders = \(SampleTOML.string(up(SampleAreaWriter.boardersFileName)))

        """
        for snapshot in area.snapshots where snapshot.date <= date {
            text += """

            [[inputs.pupils]]
            date = \(SampleTOML.string(snapshot.date.isoBE))
            file = \(SampleTOML.string(up(SampleAreaWriter.pupilsFileName(for: snapshot.date))))

            """
        }
        text += """

        [payment]
        rounds = [\(round.rounds.map(SampleTOML.string).joined(separator: ", "))]

        \(SampleAreaWriter.letterTable(date: nil))
        """
        return text
    }
}
