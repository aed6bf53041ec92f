import Foundation
import KhetCalc
import KhetCore
import KhetImport

/// Everything a batch imported, with every problem found on the way.
struct BatchData: Sendable {
    var manifest: BatchManifest
    var framework: Framework?
    var schools: [School] = []
    var snapshots: [Snapshot] = []
    /// Poor pupils per school, counted per grade: from the poor-pupil list, else the latest pupil records.
    var poorPupils: [String: GradeCounts] = [:]
    /// Boarding pupils per school, counted per grade: from the boarder list, else the latest pupil records.
    var boarders: [String: GradeCounts] = [:]
    var actionPlan: ActionPlan?
    var evaluationScales: EvaluationScales?
    var diagnostics: [Diagnostic] = []
    /// A national data set's areas (sorted by code) and each school's area code; empty otherwise.
    var areas: [Area] = []
    var areaOfSchool: [String: String] = [:]
    /// OBEC's allocation lists, each with what was read from it.
    var allocationLists: [(input: BatchManifest.AllocationListInput, amounts: AllocationListImporter.Result)] = []

    /// Imports every input of `manifest`. It never stops at the first problem: the analyst gets
    /// the whole list in one run. A file that cannot be read at all adds its one error.
    /// `progress`, when given, shows how far the import has got (on a terminal).
    static func importing(_ manifest: BatchManifest, progress: (any BatchProgress)? = nil) -> BatchData {
        var data = BatchData(manifest: manifest)
        progress?.stage("import", detail: manifest.framework.displayName)
        if let result = data.attempt({
            try FrameworkReader().read(path: manifest.framework.url.path, displayName: manifest.framework.displayName)
        }) {
            data.diagnostics += result.diagnostics
            data.framework = result.framework
        }
        if let framework = data.framework, framework.fiscalYear != manifest.fiscalYear {
            data.diagnostics.append(Diagnostic(
                .error, code: "BAT004", file: manifest.framework.displayName,
                message: "the framework is for fiscal year \(framework.fiscalYear.year) but the batch is for \(manifest.fiscalYear.year)",
                hint: "use the framework of fiscal year \(manifest.fiscalYear.year)"))
        }
        progress?.stage("import", detail: manifest.schools.displayName)
        var areaCells: [String: SchoolsImporter.AreaCell]?
        var schoolsHeaderLine = 1
        if manifest.schools.url.pathExtension.lowercased() == "xml" {
            if let result = data.attempt({
                try SchoolDataXMLReader().read(path: manifest.schools.url.path, displayName: manifest.schools.displayName)
            }) {
                data.diagnostics += result.diagnostics
                data.schools = result.schools
                data.snapshots = result.snapshots
            }
        } else if let result = data.attempt({
            try SchoolsImporter().read(path: manifest.schools.url.path, displayName: manifest.schools.displayName,
                                       sheet: manifest.schools.sheet)
        }) {
            data.diagnostics += result.diagnostics
            data.schools = result.schools
            areaCells = result.areaCells
            schoolsHeaderLine = result.headerLine
        }
        if let areasFile = manifest.areas {
            data.importAreas(areasFile, cells: areaCells ?? [:], headerLine: schoolsHeaderLine)
        }
        // Dates the school-data XML already gave a snapshot; a CSV for the same date is an error.
        let xmlDates = Set(data.snapshots.map(\.date))
        let known = data.schools.isEmpty ? nil : Set(data.schools.map(\.code))
        for input in manifest.pupilSnapshots {
            progress?.stage("import", detail: input.file.displayName)
            guard let result = data.attempt({
                try SnapshotImporter().read(path: input.file.url.path, displayName: input.file.displayName,
                                            sheet: input.file.sheet, date: input.date, knownSchools: known)
            }) else { continue }
            data.diagnostics += result.diagnostics
            data.appendSnapshot(result.snapshot, file: input.file.displayName, xmlDates: xmlDates)
            if let known {
                data.diagnostics += missingSchools(known: known, in: result.snapshot, file: input.file.displayName)
            }
        }
        let schoolsByCode = data.schools.isEmpty ? nil
            : Dictionary(data.schools.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        // Oldest first, so the last one read is the latest and its poor and boarder counts stay.
        for input in manifest.pupilRecords {
            progress?.stage("import", detail: input.file.displayName)
            let report = progress.map { display in { (step: ImportProgress) in display.importing(input.file.displayName, step) } }
            guard let result = data.attempt({
                try PupilRecordsImporter().read(path: input.file.url.path, displayName: input.file.displayName,
                                                sheet: input.file.sheet, date: input.date, schools: schoolsByCode, progress: report)
            }) else { continue }
            data.diagnostics += result.diagnostics
            data.appendSnapshot(result.snapshot, file: input.file.displayName, xmlDates: xmlDates)
            data.poorPupils = result.poorPupils
            data.boarders = result.boarders
            if let known {
                data.diagnostics += missingSchools(known: known, in: result.snapshot, file: input.file.displayName)
            }
        }
        data.snapshots.sort { $0.date < $1.date }
        if data.snapshots.isEmpty && !data.diagnostics.hasErrors {
            data.diagnostics.append(Diagnostic(
                .error, code: "BAT006", file: manifest.file.displayName,
                message: "the batch has no pupil snapshot",
                thaiMessage: "ชุดข้อมูลไม่มีข้อมูลจำนวนนักเรียนเลย",
                hint: "add [[inputs.pupils]] or [[inputs.pupil_records]] entries, or <snapshot> elements to the school-data XML"))
        }
        // Explicit poor-pupil and boarder lists win over the counts of pupil records.
        for (input, keyPath) in [(manifest.poorPupils, \BatchData.poorPupils), (manifest.boarders, \BatchData.boarders)] {
            guard let input, let result = data.attempt({
                try SnapshotImporter().read(path: input.url.path, displayName: input.displayName, sheet: input.sheet,
                                            date: manifest.batchDate, knownSchools: known)
            }) else { continue }
            data.diagnostics += result.diagnostics
            data[keyPath: keyPath] = result.snapshot.counts
        }
        data.importEvaluation()
        data.importAllocationLists()
        return data
    }

    /// How a list may head an item's column: its name, and for `ค่าจัดการเรียนการสอน (เงินอุดหนุนรายหัว)`
    /// each of its two parts too, since lists use either.
    static func listNames(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close else { return [name] }
        let outer = name[..<open].trimmingCharacters(in: .whitespaces)
        let inner = name[name.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        return [name, outer, inner].filter { !$0.isEmpty }
    }

    /// OBEC's lists, each read with the columns its programme has: one per item, or its total.
    private mutating func importAllocationLists() {
        guard let framework, !manifest.allocationLists.isEmpty else { return }
        let known = Set(schools.map(\.code))
        for input in manifest.allocationLists {
            guard let programme = framework.programmes.first(where: { $0.id == input.programmeID }) else {
                diagnostics.append(Diagnostic(
                    .error, code: "BAT011", file: manifest.file.displayName, line: input.line, column: input.column,
                    message: "the framework has no programme '\(Diagnostic.quoted(input.programmeID))'",
                    hint: "its programmes: \(framework.programmes.map(\.id).joined(separator: ", "))"))
                continue
            }
            var columns = programme.items.map { item in
                AllocationListImporter.AmountColumn(key: item.id, names: Self.listNames(item.thaiName) + Self.listNames(item.englishName) + [item.id])
            }
            columns.append(AllocationListImporter.AmountColumn(
                key: AllocationListImporter.programmeTotal,
                names: [programme.thaiName, programme.englishName, programme.id, "จำนวนเงินที่จัดสรร", "จัดสรร", "amount", "allocation"]))
            let importer = AllocationListImporter(amountColumns: columns, fiscalYear: manifest.fiscalYear, area: manifest.area)
            if let result = attempt({
                try importer.read(path: input.file.url.path, displayName: input.file.displayName, sheet: input.file.sheet, knownSchools: known)
            }) {
                diagnostics += result.diagnostics
                allocationLists.append((input, result))
            }
        }
    }

    /// A national data set: the areas file, and every school's area checked against it. A school
    /// whose area is blank or unknown is an error at its cell; so is a schools file without the column.
    private mutating func importAreas(_ file: BatchManifest.InputFile, cells: [String: SchoolsImporter.AreaCell], headerLine: Int) {
        guard let result = attempt({ try AreasImporter().read(path: file.url.path, displayName: file.displayName, sheet: file.sheet) }) else { return }
        diagnostics += result.diagnostics
        areas = result.areas
        guard !schools.isEmpty, !result.areas.isEmpty else { return }
        let schoolsFile = manifest.schools.displayName
        guard !cells.isEmpty else {
            diagnostics.append(Diagnostic(
                .error, code: "NAT004", file: schoolsFile, line: headerLine, column: 1,
                message: "the schools file has no area column (รหัสเขต), which a batch with an areas file needs",
                thaiMessage: "ไฟล์รายชื่อโรงเรียนไม่มีคอลัมน์รหัสเขต",
                hint: "add a column รหัสเขต with each school's area code from \(file.displayName)"))
            return
        }
        let known = Set(result.areas.map(\.code))
        var problems: [Diagnostic] = []
        areaOfSchool.reserveCapacity(schools.count)
        for school in schools {
            guard let cell = cells[school.code] else { continue }
            if cell.code.isEmpty {
                problems.append(Diagnostic(.error, code: "NAT005", file: schoolsFile, line: cell.line, column: cell.column,
                                           message: "the area code of school \(school.code) is blank",
                                           thaiMessage: "รหัสเขตของโรงเรียน \(school.code) ว่าง"))
            } else if !known.contains(cell.code) {
                problems.append(Diagnostic(.error, code: "NAT006", file: schoolsFile, line: cell.line, column: cell.column,
                                           message: "area code '\(cell.code)' of school \(school.code) is not in \(file.displayName)",
                                           thaiMessage: "รหัสเขต '\(cell.code)' ของโรงเรียน \(school.code) ไม่มีใน \(file.displayName)",
                                           hint: "use an area code listed in \(file.displayName), or add the area there"))
            } else {
                areaOfSchool[school.code] = cell.code
            }
        }
        // A wrong column would give one error per school: the first few say enough.
        let shown = 20
        diagnostics += problems.sorted { $0.line < $1.line }.prefix(shown)
        if problems.count > shown {
            diagnostics.append(Diagnostic(.error, code: "NAT006", file: schoolsFile,
                                          message: "\(problems.count - shown) more school(s) have a blank or unknown area code"))
        }
    }

    /// The part of a national data set that belongs to `area`: its schools, their counts in
    /// every snapshot, their poor and boarding pupils, as an ordinary batch of that area.
    /// `schoolCodes` are the area's schools, from `schoolsByArea()`.
    func part(for area: Area, schools areaSchools: [School]) -> BatchData {
        var part = BatchData(manifest: manifest)
        part.manifest.area = area
        part.manifest.areas = nil
        part.framework = framework
        part.schools = areaSchools
        part.snapshots = snapshots.map { snapshot in
            var counts: [String: GradeCounts] = [:]
            counts.reserveCapacity(areaSchools.count)
            for school in areaSchools { if let value = snapshot.counts[school.code] { counts[school.code] = value } }
            return Snapshot(date: snapshot.date, counts: counts)
        }
        for school in areaSchools {
            if let value = poorPupils[school.code] { part.poorPupils[school.code] = value }
            if let value = boarders[school.code] { part.boarders[school.code] = value }
        }
        return part
    }

    /// Each area's schools (in code order), in the order of `areas`.
    func schoolsByArea() -> [[School]] {
        let index = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.code, $0) })
        var groups: [[School]] = Array(repeating: [], count: areas.count)
        for school in schools {
            guard let code = areaOfSchool[school.code], let position = index[code] else { continue }
            groups[position].append(school)
        }
        return groups
    }

    /// The action plan and the scales to read it with; the scales only when there is a plan.
    private mutating func importEvaluation() {
        guard let input = manifest.actionPlan else { return }
        if let result = attempt({ try ActionPlanImporter().read(path: input.url.path, displayName: input.displayName, sheet: input.sheet) }) {
            diagnostics += result.diagnostics
            actionPlan = result.plan
        }
        let scalesFile = manifest.evaluationScales
        if let result = attempt({ try EvaluationScalesReader().read(path: scalesFile.url.path, displayName: scalesFile.displayName) }) {
            diagnostics += result.diagnostics
            evaluationScales = result.scales
        }
        if let year = actionPlan?.fiscalYear, year != manifest.fiscalYear {
            diagnostics.append(Diagnostic(
                .error, code: "EVL012", file: input.displayName,
                message: "the action plan is for fiscal year \(year.year) but the batch is for \(manifest.fiscalYear.year)"))
        }
    }

    /// What the calculators read.
    var allocationInputs: AllocationInputs {
        var inputs = AllocationInputs(fiscalYear: manifest.fiscalYear, schools: schools, snapshots: snapshots,
                                      poorPupils: poorPupils, boarders: boarders)
        inputs.poorPupilsFile = manifest.poorPupils?.displayName ?? inputs.poorPupilsFile
        inputs.boardersFile = manifest.boarders?.displayName ?? inputs.boardersFile
        return inputs
    }

    /// One date, one snapshot: the school-data XML and a CSV entry must not both give one.
    private mutating func appendSnapshot(_ snapshot: Snapshot, file: String, xmlDates: Set<ThaiDate>) {
        if xmlDates.contains(snapshot.date) {
            diagnostics.append(Diagnostic(
                .error, code: "BAT007", file: file,
                message: "the school-data XML already has a snapshot dated \(snapshot.date.isoBE)",
                thaiMessage: "ไฟล์ XML ข้อมูลโรงเรียนมีข้อมูลนักเรียนวันที่ \(snapshot.date.isoBE) อยู่แล้ว",
                hint: "give each date one source"))
            return
        }
        snapshots.append(snapshot)
    }

    /// Schools of the schools file with no row in a snapshot are counted as having no pupils;
    /// the analyst should know.
    private static func missingSchools(known: Set<String>, in snapshot: Snapshot, file: String) -> [Diagnostic] {
        let missing = known.subtracting(snapshot.counts.keys).sorted()
        guard !missing.isEmpty else { return [] }
        let shown = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
        return [Diagnostic(.warning, code: "PUP009", file: file,
                           message: "\(missing.count) school(s) of the schools file have no row and are counted as 0 pupils: \(shown)")]
    }

    private mutating func attempt<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as ImportError {
            diagnostics.append(error.diagnostic)
        } catch {
            diagnostics.append(Diagnostic(.error, code: "FILE002", file: manifest.file.displayName, message: "\(error)"))
        }
        return nil
    }

    /// Number of files the batch read, for the summary line.
    var fileCount: Int { manifest.inputFiles.count - 1 }
}
