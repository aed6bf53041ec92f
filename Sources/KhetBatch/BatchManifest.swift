import Foundation
import KhetCore
import KhetExport

/// A batch as described by `batch.toml`: the area, the fiscal year, the framework, the inputs
/// and where the outputs go. Paths are resolved against the batch file's folder.
struct BatchManifest: Sendable {
    /// An input file: where it is, and how messages name it (as the batch file wrote it,
    /// prefixed with the batch file's folder as given on the command line).
    struct InputFile: Sendable {
        var url: URL
        var displayName: String
        /// The sheet to read when the file is a workbook; nil for its first visible sheet.
        var sheet: String? = nil
    }

    struct PupilSnapshotInput: Sendable {
        /// The snapshot the count stands for: 10 June or 10 November, the dates rounds use.
        var date: ThaiDate
        var file: InputFile
        /// The day the count was really taken, when the batch says it stands for another
        /// (`stands_for`): a count of 1 November used as the 10 November snapshot.
        var countedOn: ThaiDate? = nil
    }

    /// OBEC's allocation list of one programme's round, to reconcile with Khet's figures.
    struct AllocationListInput: Sendable {
        var programmeID: String
        var round: RoundName
        var file: InputFile
        /// `notices = "obec"`: the notices (and every output) pay OBEC's approved amounts, with
        /// Khet's own figure and the difference beside; otherwise Khet's figures.
        var noticesFromList = false
        /// Where the entry is in the batch file, for errors found once the framework is read.
        var line: Int
        var column: Int
    }

    var file: InputFile
    /// The batch's area; for a national data set (`areas` given), `BatchManifest.country` until
    /// the run splits the data into one batch per area.
    var area: Area
    /// A national data set's area offices (`areas.csv`); the schools file then names each school's area.
    var areas: InputFile? = nil
    var fiscalYear: FiscalYear
    var framework: InputFile
    var batchDate: ThaiDate
    var output: URL
    var language: Language
    var schools: InputFile
    var pupilSnapshots: [PupilSnapshotInput]
    /// Snapshots built from pupil records (one row per pupil) instead of per-grade counts.
    var pupilRecords: [PupilSnapshotInput] = []
    /// Poor pupils per school and grade (same format as a pupils file), when the batch has them.
    var poorPupils: InputFile?
    /// Boarding pupils per school and grade, when the batch has them.
    var boarders: InputFile?
    /// The annual action plan with its results (XML or CSV), when the batch evaluates one.
    var actionPlan: InputFile?
    /// The evaluation scales: the batch's own file, or the bundled defaults.
    var evaluationScales: InputFile
    /// OBEC's allocation lists to reconcile (`[[inputs.obec_lists]]`).
    var allocationLists: [AllocationListInput] = []
    /// The covering letter of the school notices (`[letter]`); its gaps are filled from the area.
    var letter = NoticeLetter()
    /// Every notice also as a PDF (`notice_pdf = true`), converted with LibreOffice.
    var noticePDF = false
    /// The ledger of confirmed rounds (`ledger`, or `khet-ledger-AREA-FY.sqlite` beside the batch).
    var ledger: URL? = nil
    /// The line of `ledger` in the batch file (1 when the default is used), for its errors.
    var ledgerLine = 1
    /// `--output` named the folder: a pay run writes there, not into a folder named by its rounds.
    var outputIsExact = false
    /// `[payment]`: the rounds this batch pays; nil for a plan of the whole year that pays nothing.
    var payment: PaymentRequest? = nil
    /// `[envelopes]`: OBEC's revised envelopes, replacing the framework's, in baht per programme.
    var envelopes: [EnvelopeRevision] = []

    /// `[payment]` of a batch.
    struct PaymentRequest: Sendable {
        var rounds: [RoundName]
        /// Why the transfer corrects rounds already paid, when it does.
        var correction: String?
        /// Where `rounds` is, for errors found once the ledger is read.
        var line: Int
        var column: Int
    }

    struct EnvelopeRevision: Sendable {
        var programmeID: String
        var amount: Money
        var line: Int
        var column: Int
    }

    /// The ledger's file: as the batch names it, or the default beside the batch file.
    var ledgerFile: URL {
        ledger ?? file.url.deletingLastPathComponent()
            .appendingPathComponent("khet-ledger-\(area.code)-\(fiscalYear.year).sqlite")
    }

    /// Stands for the whole country in a national data set's batch before it is split by area.
    static let country = Area(code: "national", name: "ทั้งประเทศ", shortName: "ทั้งประเทศ")

    var isNationalDataSet: Bool { areas != nil }

    /// Every input file, for the manifest of fingerprints.
    var inputFiles: [(role: String, file: InputFile)] {
        [("batch", file), ("framework", framework)] + (areas.map { [("areas", $0)] } ?? []) + [("schools", schools)]
            + pupilSnapshots.map { ("pupils \($0.date.isoBE)", $0.file) }
            + [poorPupils.map { ("poor pupils", $0) }, boarders.map { ("boarders", $0) }].compactMap { $0 }
            + pupilRecords.map { ("pupil records \($0.date.isoBE)", $0.file) }
            + (actionPlan.map { [("action plan", $0), ("evaluation scales", evaluationScales)] } ?? [])
            + allocationLists.map { ("OBEC list \($0.programmeID) \($0.round.text)", $0.file) }
    }
}
