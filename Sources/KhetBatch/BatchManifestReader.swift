import Foundation
import KhetCore
import KhetExport
import KhetImport

/// Reads and checks `batch.toml`. Every problem is a Diagnostic at the key's line and column.
struct BatchManifestReader {
    struct Result {
        var manifest: BatchManifest?
        var diagnostics: [Diagnostic]
    }

    /// `path` as the user typed it; it names the file in messages.
    func read(path: String, outputOverride: String? = nil) -> Result {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            return Result(manifest: nil, diagnostics: [Diagnostic(.error, code: "FILE001", file: path,
                                                                  message: exists ? "cannot read the batch file" : "batch file not found")])
        }
        return read(bytes: [UInt8](data), path: path, outputOverride: outputOverride)
    }

    /// The batch file's bytes, read from `path` (which names it and anchors relative paths).
    func read(bytes: [UInt8], path: String, outputOverride: String? = nil) -> Result {
        let url = URL(fileURLWithPath: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return Result(manifest: nil, diagnostics: [Diagnostic(.error, code: "BAT001", file: path, line: 1, column: 1,
                                                                  message: "the batch file is not UTF-8 text")])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            return Result(manifest: nil, diagnostics: [Diagnostic(
                .error, code: "BAT001", file: path, line: error.line, column: error.column,
                message: "not valid TOML: \(error.message)")])
        }
        var parser = FieldReader(table: table, locator: TOMLKeyLocator(text: text), file: path,
                                 folder: url.deletingLastPathComponent(),
                                 folderAsTyped: (path as NSString).deletingLastPathComponent)
        let manifest = parser.manifest(batchFile: BatchManifest.InputFile(url: url, displayName: path), outputOverride: outputOverride)
        return Result(manifest: parser.diagnostics.hasErrors ? nil : manifest, diagnostics: parser.diagnostics)
    }
}

/// The keys `[letter]` may hold.
enum NoticeLetterKeys {
    static let all: Set<String> = ["number_prefix", "number", "date", "signer_name", "signer_position", "letterhead", "contact"]
}

/// Pulls typed values out of the TOML table, recording a located diagnostic for each problem.
private struct FieldReader {
    let table: TOMLTable
    let locator: TOMLKeyLocator
    let file: String
    let folder: URL
    let folderAsTyped: String
    var diagnostics: [Diagnostic] = []

    init(table: TOMLTable, locator: TOMLKeyLocator, file: String, folder: URL, folderAsTyped: String) {
        self.table = table
        self.locator = locator
        self.file = file
        self.folder = folder
        self.folderAsTyped = folderAsTyped
    }

    mutating func problem(_ key: String, in section: String = "", index: Int = 0, _ message: String, hint: String? = nil) {
        let position = locator.position(of: key, in: section, index: index)
        diagnostics.append(Diagnostic(.error, code: "BAT002", file: file, line: position.line, column: position.column,
                                      message: message, hint: hint))
    }

    mutating func string(_ key: String, in section: String = "", of source: TOMLTable? = nil, index: Int = 0,
                         required: Bool = true) -> String? {
        let container = source ?? table
        guard let value = container[key] else {
            if required {
                let name = section.isEmpty ? key : "\(section).\(key)"
                problem(key, in: section, index: index, "'\(name)' is missing", hint: nil)
            }
            return nil
        }
        guard let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            problem(key, in: section, index: index, "'\(key)' should be non-empty text in quotes")
            return nil
        }
        return text
    }

    /// A file given as a path (`schools = "schools.xlsx"`), or as a table with the sheet to read
    /// (`schools = { file = "schools.xlsx", sheet = "รายชื่อ" }`).
    mutating func inputFile(_ key: String, in section: String = "", of source: TOMLTable? = nil, index: Int = 0) -> BatchManifest.InputFile? {
        if let table = (source ?? table)[key]?.table {
            let inner = section.isEmpty ? key : "\(section).\(key)"
            guard let path = string("file", in: inner, of: table, index: index) else { return nil }
            var input = resolve(path)
            input.sheet = string("sheet", in: inner, of: table, index: index, required: false)
            for unknown in table.keys.sorted() where !["file", "sheet"].contains(unknown) {
                let position = locator.position(of: unknown, in: inner, index: index)
                diagnostics.append(Diagnostic(.warning, code: "BAT005", file: file, line: position.line, column: position.column,
                                              message: "unknown key '\(unknown)' is ignored", hint: "known keys here: file, sheet"))
            }
            return input
        }
        guard let path = string(key, in: section, of: source, index: index) else { return nil }
        return resolve(path)
    }

    func resolve(_ path: String) -> BatchManifest.InputFile {
        if path.hasPrefix("/") { return BatchManifest.InputFile(url: URL(fileURLWithPath: path), displayName: path) }
        let shown = folderAsTyped.isEmpty ? path : (folderAsTyped as NSString).appendingPathComponent(path)
        return BatchManifest.InputFile(url: folder.appendingPathComponent(path).standardizedFileURL, displayName: shown)
    }

    mutating func date(_ key: String, in section: String = "", of source: TOMLTable? = nil, index: Int = 0) -> ThaiDate? {
        guard let text = string(key, in: section, of: source, index: index) else { return nil }
        guard let date = ThaiDate(parsing: text) else {
            problem(key, in: section, index: index, "'\(text)' is not a date",
                    hint: "write the Buddhist-era date as \"2568-06-10\"")
            return nil
        }
        return date
    }

    mutating func manifest(batchFile: BatchManifest.InputFile, outputOverride: String?) -> BatchManifest? {
        var fiscalYear: FiscalYear?
        if let value = table["fiscal_year"] {
            if let year = value.int, (2500...2700).contains(year) {
                fiscalYear = FiscalYear(year)
            } else {
                problem("fiscal_year", "fiscal_year should be a Buddhist-era year such as 2568 (no quotes)")
            }
        } else {
            problem("fiscal_year", "'fiscal_year' is missing")
        }
        let framework = frameworkFile()
        let batchDate = date("date")
        var output: URL?
        if let outputOverride {
            output = URL(fileURLWithPath: outputOverride).standardizedFileURL
        } else if let path = string("output") {
            output = resolve(path).url
        }
        var language = Language.thai
        if let code = string("language", required: false) {
            if let parsed = Language(rawValue: code) { language = parsed }
            else { problem("language", "language should be \"th\" or \"en\", not '\(code)'") }
        }

        var area: Area?
        var areasFile: BatchManifest.InputFile?
        if let inputs = table["inputs"]?.table, inputs["areas"] != nil {
            areasFile = inputFile("areas", in: "inputs", of: inputs)
            // A national data set: the areas come from the areas file, one batch per area.
            area = BatchManifest.country
            if table["area"] != nil {
                problem("area", "a batch with [inputs] areas covers many areas; remove the [area] table",
                        hint: "each school's area comes from the area column of the schools file")
            }
        } else if let areaTable = table["area"]?.table {
            let code = string("code", in: "area", of: areaTable)
            let name = string("name", in: "area", of: areaTable)
            let shortName = string("short_name", in: "area", of: areaTable, required: false)
            if let code, let name { area = Area(code: code, name: name, shortName: shortName ?? name) }
        } else {
            problem("area", "the [area] table is missing", hint: "add [area] with code, name and short_name")
        }

        var schools: BatchManifest.InputFile?
        var snapshots: [BatchManifest.PupilSnapshotInput] = []
        var poor: BatchManifest.InputFile?
        var boarders: BatchManifest.InputFile?
        var records: [BatchManifest.PupilSnapshotInput] = []
        var actionPlan: BatchManifest.InputFile?
        var allocationLists: [BatchManifest.AllocationListInput] = []
        if let inputs = table["inputs"]?.table {
            schools = inputFile("schools", in: "inputs", of: inputs)
            if inputs["poor"] != nil { poor = inputFile("poor", in: "inputs", of: inputs) }
            if inputs["boarders"] != nil { boarders = inputFile("boarders", in: "inputs", of: inputs) }
            if inputs["action_plan"] != nil { actionPlan = inputFile("action_plan", in: "inputs", of: inputs) }
            allocationLists = allocationListEntries(of: inputs)
            if areasFile != nil && !allocationLists.isEmpty {
                problem("obec_lists", in: "inputs", "a national data set's batch cannot reconcile OBEC lists",
                        hint: "reconcile each area's list in the area's own batch")
            }
            snapshots = snapshotEntries("pupils", of: inputs, taken: [])
            records = snapshotEntries("pupil_records", of: inputs, taken: snapshots.map(\.date))
            // A school-data XML file may carry the snapshots itself.
            let schoolsAreXML = schools?.url.pathExtension.lowercased() == "xml"
            if inputs["pupils"] == nil && inputs["pupil_records"] == nil && !schoolsAreXML {
                problem("inputs", "no pupil snapshots: add [[inputs.pupils]] or [[inputs.pupil_records]] entries with date and file")
            }
        } else {
            problem("inputs", "the [inputs] table is missing")
        }

        let scales = evaluationScalesFile()
        let letter = noticeLetter()
        let noticePDF = boolean("notice_pdf")
        let ledger = string("ledger", required: false).map { resolve($0).url }
        let ledgerLine = ledger == nil ? 1 : locator.position(of: "ledger").line
        let payment = paymentRequest()
        let envelopes = envelopeRevisions()
        if areasFile != nil && (payment != nil || table["ledger"] != nil) {
            problem(payment != nil ? "payment" : "ledger", "a national data set's batch pays no rounds: each area keeps its own ledger",
                    hint: "pay and confirm each area's rounds with the area's own batch")
        }
        warnAboutUnknownKeys()
        guard let fiscalYear, let framework, let batchDate, let output, let area, let schools, let scales else { return nil }
        return BatchManifest(file: batchFile, area: area, areas: areasFile, fiscalYear: fiscalYear, framework: framework, batchDate: batchDate,
                             output: output, language: language, schools: schools,
                             pupilSnapshots: snapshots.sorted { $0.date < $1.date },
                             pupilRecords: records.sorted { $0.date < $1.date }, poorPupils: poor, boarders: boarders,
                             actionPlan: actionPlan, evaluationScales: scales, allocationLists: allocationLists,
                             letter: letter, noticePDF: noticePDF, ledger: ledger, ledgerLine: ledgerLine,
                             outputIsExact: outputOverride != nil, payment: payment, envelopes: envelopes)
    }

    /// `[payment]`: `rounds = ["1/2568-advance", "year"]`, maybe `correction = "why"`.
    private mutating func paymentRequest() -> BatchManifest.PaymentRequest? {
        guard let value = table["payment"] else { return nil }
        let example = "[payment] rounds = [\"2/2567\"], [\"1/2568-advance\", \"year\"] or [\"1/2568-balance\"]"
        guard let payment = value.table else {
            problem("payment", "'payment' should be a table", hint: example)
            return nil
        }
        let position = locator.position(of: "rounds", in: "payment")
        guard let array = payment["rounds"]?.array else {
            problem(payment["rounds"] == nil ? "payment" : "rounds", in: payment["rounds"] == nil ? "" : "payment",
                    "'payment.rounds' should list the rounds this batch pays", hint: example)
            return nil
        }
        var rounds: [RoundName] = []
        for element in array {
            guard let text = element.string, let round = RoundName(text) else {
                problem("rounds", in: "payment", "'\(element.string ?? "?")' is not a round",
                        hint: RoundName.hint)
                continue
            }
            if rounds.contains(round) {
                problem("rounds", in: "payment", "round \(round.text) is listed twice")
            }
            rounds.append(round)
        }
        let correction = payment["correction"] == nil ? nil : string("correction", in: "payment", of: payment)
        if rounds.isEmpty && correction == nil && !diagnostics.hasErrors {
            problem("rounds", in: "payment", "'payment.rounds' is empty: a batch that pays only corrections says why with correction = \"…\"")
        }
        return BatchManifest.PaymentRequest(rounds: rounds, correction: correction, line: position.line, column: position.column)
    }

    /// `[envelopes]`: `free-education = 12345678` or `"12,345,678.50"` (baht), OBEC's revision.
    private mutating func envelopeRevisions() -> [BatchManifest.EnvelopeRevision] {
        guard let value = table["envelopes"] else { return [] }
        guard let envelopes = value.table else {
            problem("envelopes", "'envelopes' should be a table: [envelopes] with programme = baht")
            return []
        }
        var revisions: [BatchManifest.EnvelopeRevision] = []
        for key in envelopes.keys {
            let position = locator.position(of: key, in: "envelopes")
            let amount: Money?
            switch envelopes[key] {
            case .integer(let baht)?: amount = baht >= 0 && baht < 1_000_000_000_000 ? Money(baht: Int64(baht)) : nil
            case .string(let text)?: amount = Money(parsing: text).flatMap { $0 < .zero ? nil : $0 }
            default: amount = nil
            }
            guard let amount else {
                problem(key, in: "envelopes", "the envelope of '\(key)' should be an amount in baht, such as 12345678 or \"12,345,678.50\"")
                continue
            }
            revisions.append(BatchManifest.EnvelopeRevision(programmeID: key, amount: amount, line: position.line, column: position.column))
        }
        return revisions
    }

    /// The `[[inputs.obec_lists]]` entries: programme, round, file and maybe sheet.
    private mutating func allocationListEntries(of inputs: TOMLTable) -> [BatchManifest.AllocationListInput] {
        guard let array = inputs["obec_lists"]?.array else {
            if inputs["obec_lists"] != nil { problem("obec_lists", in: "inputs", "each [[inputs.obec_lists]] entry should be a table with programme, round and file") }
            return []
        }
        let section = "inputs.obec_lists"
        var entries: [BatchManifest.AllocationListInput] = []
        for index in 0..<array.count {
            guard let entry = array[index].table else {
                problem("obec_lists", in: "inputs", "each [[inputs.obec_lists]] entry should be a table with programme, round and file")
                continue
            }
            let programme = string("programme", in: section, of: entry, index: index)
            let roundText = string("round", in: section, of: entry, index: index)
            var input = inputFile("file", in: section, of: entry, index: index)
            input?.sheet = string("sheet", in: section, of: entry, index: index, required: false)
            var round: RoundName?
            if let roundText {
                round = RoundName(roundText)
                if round == nil {
                    problem("round", in: section, index: index, "'\(roundText)' names no payment round",
                            hint: RoundName.hint)
                }
            }
            var noticesFromList = false
            if let source = string("notices", in: section, of: entry, index: index, required: false) {
                switch source {
                case "obec": noticesFromList = true
                case "khet": noticesFromList = false
                default: problem("notices", in: section, index: index, "notices should be \"obec\" (OBEC's approved amounts) or \"khet\" (Khet's own), not '\(source)'")
                }
            }
            guard let programme, let round, let input else { continue }
            if entries.contains(where: { $0.programmeID == programme && $0.round == round }) {
                problem("round", in: section, index: index, "a second list for \(programme) \(round.text)")
                continue
            }
            let position = locator.position(of: "programme", in: section, index: index)
            entries.append(BatchManifest.AllocationListInput(programmeID: programme, round: round, file: input,
                                                             noticesFromList: noticesFromList, line: position.line, column: position.column))
        }
        return entries
    }

    /// The `[[inputs.<key>]]` entries (date and file), checked; `taken` are the dates other entries
    /// already use, since one date has one snapshot however it is given.
    private mutating func snapshotEntries(_ key: String, of inputs: TOMLTable, taken: [ThaiDate]) -> [BatchManifest.PupilSnapshotInput] {
        guard let array = inputs[key]?.array else {
            if inputs[key] != nil { problem(key, in: "inputs", "each [[inputs.\(key)]] entry should be a table with date and file") }
            return []
        }
        let section = "inputs.\(key)"
        var entries: [BatchManifest.PupilSnapshotInput] = []
        for index in 0..<array.count {
            guard let entry = array[index].table else {
                problem(key, in: "inputs", "each [[inputs.\(key)]] entry should be a table with date and file")
                continue
            }
            let counted = date("date", in: section, of: entry, index: index)
            var input = inputFile("file", in: section, of: entry, index: index)
            input?.sheet = string("sheet", in: section, of: entry, index: index, required: false)
            let standsFor = entry["stands_for"] == nil ? nil : date("stands_for", in: section, of: entry, index: index)
            guard let counted, let input, let date = snapshotDate(counted: counted, standsFor: standsFor, in: section, index: index) else {
                continue
            }
            if entries.contains(where: { $0.date == date }) || taken.contains(date) {
                problem("date", in: section, index: index, "two pupil snapshots are dated \(date.isoBE)",
                        hint: taken.contains(date) ? "give each date either per-grade counts or pupil records, not both" : nil)
            }
            entries.append(BatchManifest.PupilSnapshotInput(date: date, file: input, countedOn: date == counted ? nil : counted))
        }
        return entries
    }

    /// The snapshot a count stands for. Rounds pay on the 10 June and 10 November counts only: a
    /// count dated otherwise (`2567-11-01`, a typo or a late count) would silently leave its round
    /// to another snapshot, so it is an error unless the entry says which snapshot it stands for,
    /// within a month of the count.
    private mutating func snapshotDate(counted: ThaiDate, standsFor: ThaiDate?, in section: String, index: Int) -> ThaiDate? {
        func isSnapshotDay(_ date: ThaiDate) -> Bool { (date.month == 6 || date.month == 11) && date.day == 10 }
        guard let standsFor else {
            if isSnapshotDay(counted) { return counted }
            let nearest = ThaiDate(year: counted.year, month: counted.month <= 8 ? 6 : 11, day: 10)
            problem("date", in: section, index: index,
                    "snapshot date \(counted.isoBE) is not 10 June or 10 November, the counts payment rounds use",
                    hint: "correct the date, or say which snapshot the count stands for: stands_for = \"\(nearest?.isoBE ?? "2568-06-10")\"")
            return nil
        }
        guard isSnapshotDay(standsFor) else {
            problem("stands_for", in: section, index: index, "stands_for \(standsFor.isoBE) is not 10 June or 10 November")
            return nil
        }
        guard standsFor != counted else { return counted }
        guard !isSnapshotDay(counted) else {
            problem("stands_for", in: section, index: index,
                    "the count is dated \(counted.isoBE), a snapshot date itself; it cannot stand for \(standsFor.isoBE)",
                    hint: "remove stands_for, or correct the date")
            return nil
        }
        guard abs(counted.daysSince(standsFor)) <= 31 else {
            problem("stands_for", in: section, index: index,
                    "a count of \(counted.isoBE) cannot stand for the snapshot of \(standsFor.isoBE): they are more than a month apart")
            return nil
        }
        let position = locator.position(of: "stands_for", in: section, index: index)
        diagnostics.append(Diagnostic(.note, code: "BAT010", file: file, line: position.line, column: position.column,
                                      message: "the count of \(counted.isoBE) is used as the snapshot of \(standsFor.isoBE)",
                                      thaiMessage: "ใช้ข้อมูลนักเรียนวันที่ \(counted.isoBE) แทนข้อมูล ณ วันที่ \(standsFor.isoBE)"))
        return standsFor
    }

    /// A misspelt key (`langauge`) would otherwise be ignored in silence.
    private mutating func warnAboutUnknownKeys() {
        let known: [(section: String, table: TOMLTable?, keys: Set<String>)] = [
            ("", table, ["fiscal_year", "framework", "date", "output", "language", "area", "inputs", "evaluation_scales",
                         "letter", "notice_pdf", "ledger", "payment", "envelopes"]),
            ("payment", table["payment"]?.table, ["rounds", "correction"]),
            ("letter", table["letter"]?.table, NoticeLetterKeys.all),
            ("area", table["area"]?.table, ["code", "name", "short_name"]),
            ("inputs", table["inputs"]?.table, ["areas", "schools", "pupils", "pupil_records", "poor", "boarders", "action_plan", "obec_lists"]),
        ]
        var entries = known
        for key in ["pupils", "pupil_records", "obec_lists"] {
            guard let array = table["inputs"]?.table?[key]?.array else { continue }
            let keys: Set<String> = key == "obec_lists" ? ["programme", "round", "file", "sheet", "notices"] : ["date", "file", "sheet", "stands_for"]
            for index in 0..<array.count {
                entries.append(("inputs.\(key)", array[index].table, keys))
            }
        }
        var indexes: [String: Int] = [:]
        for entry in entries {
            let index = indexes[entry.section, default: 0]
            indexes[entry.section] = index + 1
            for key in (entry.table?.keys ?? []).sorted() where !entry.keys.contains(key) {
                let position = locator.position(of: key, in: entry.section, index: index)
                diagnostics.append(Diagnostic(.warning, code: "BAT005", file: file, line: position.line, column: position.column,
                                              message: "unknown key '\(key)' is ignored",
                                              hint: "known keys here: \(entry.keys.sorted().joined(separator: ", "))"))
            }
        }
    }

    /// `[letter]`: every key optional; a wrong type is a located error.
    private mutating func noticeLetter() -> NoticeLetter {
        guard let value = table["letter"] else { return NoticeLetter() }
        guard let letter = value.table else {
            problem("letter", "'letter' should be a table: [letter] with number_prefix, date, signer_name, signer_position")
            return NoticeLetter()
        }
        let section = "letter"
        func text(_ key: String) -> String? {
            letter[key] == nil ? nil : string(key, in: section, of: letter)
        }
        var result = NoticeLetter(numberPrefix: text("number_prefix"), signerName: text("signer_name"),
                                  signerPosition: text("signer_position"))
        if let number = letter["number"] {
            if let integer = number.int, integer > 0 { result.number = String(integer) }
            else { result.number = string("number", in: section, of: letter) }
        }
        if letter["date"] != nil { result.date = date("date", in: section, of: letter) }
        result.letterhead = lines("letterhead", of: letter)
        result.contact = lines("contact", of: letter)
        return result
    }

    /// A key holding one line of text or an array of lines.
    private mutating func lines(_ key: String, of letter: TOMLTable) -> [String] {
        guard let value = letter[key] else { return [] }
        if let line = value.string, !line.trimmingCharacters(in: .whitespaces).isEmpty { return [line] }
        if let array = value.array {
            let lines = array.compactMap { $0.string?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if lines.count == array.count { return lines }
        }
        problem(key, in: "letter", "'letter.\(key)' should be text in quotes or an array of texts, such as [\"line 1\", \"line 2\"]")
        return []
    }

    /// A top-level true or false; false when missing.
    private mutating func boolean(_ key: String) -> Bool {
        guard let value = table[key] else { return false }
        guard let flag = value.bool else {
            problem(key, "'\(key)' should be true or false (no quotes)")
            return false
        }
        return flag
    }

    /// `evaluation_scales` is a file; without it, the bundled `templates/evaluation/scales.xml`.
    private mutating func evaluationScalesFile() -> BatchManifest.InputFile? {
        if table["evaluation_scales"] != nil {
            return string("evaluation_scales").map(resolve)
        }
        guard let path = EvaluationScalesReader.bundledPath else {
            problem("evaluation_scales", "the bundled evaluation scales are missing; reinstall Khet or name a scales file")
            return nil
        }
        return BatchManifest.InputFile(url: URL(fileURLWithPath: path), displayName: "templates/evaluation/scales.xml")
    }

    /// `framework` names a bundled framework (`fy2568`) or a file.
    private mutating func frameworkFile() -> BatchManifest.InputFile? {
        guard let reference = string("framework") else { return nil }
        if !reference.contains("/") && !reference.hasSuffix(".xml") {
            guard let path = FrameworkReader.bundledPath(named: reference) else {
                problem("framework", "no bundled framework is called '\(reference)'",
                        hint: "bundled: \(FrameworkReader.bundledNames.joined(separator: ", ")); or give a path to an XML file")
                return nil
            }
            return BatchManifest.InputFile(url: URL(fileURLWithPath: path), displayName: "templates/frameworks/\(reference).xml")
        }
        return resolve(reference)
    }
}
