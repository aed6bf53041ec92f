import KhetCore

/// The CSV form of an action plan: one row per indicator. A project's own columns (name,
/// group, budget, spending, satisfaction, problems, suggestions) are read from its first row and
/// may be left blank on its other rows; a later row that says something else gets a warning.
/// Problems and suggestions may hold several, one per line of the cell.
struct ActionPlanCSVReader {
    static let columns = [
        CSVColumn("strategy", aliases: ["กลยุทธ์", "กลยุทธ์ที่", "ยุทธศาสตร์", "strategy", "strategy_id"]),
        CSVColumn("strategyName", aliases: ["ชื่อกลยุทธ์", "strategy_name"], required: false),
        CSVColumn("code", aliases: ["รหัสโครงการ", "project_code", "code"]),
        CSVColumn("name", aliases: ["ชื่อโครงการ", "โครงการ", "project_name", "project", "name"]),
        CSVColumn("group", aliases: ["กลุ่มที่รับผิดชอบ", "ผู้รับผิดชอบ", "responsible_group", "group"]),
        CSVColumn("source", aliases: ["แหล่งงบประมาณ", "budget_source", "source"]),
        CSVColumn("allocated", aliases: ["งบประมาณที่ได้รับ", "งบประมาณ", "allocated", "budget"]),
        CSVColumn("spent", aliases: ["ใช้จ่ายจริง", "เบิกจ่าย", "spent"], required: false),
        CSVColumn("q1", aliases: ["ไตรมาส 1", "q1", "spent_q1"], required: false),
        CSVColumn("q2", aliases: ["ไตรมาส 2", "q2", "spent_q2"], required: false),
        CSVColumn("q3", aliases: ["ไตรมาส 3", "q3", "spent_q3"], required: false),
        CSVColumn("q4", aliases: ["ไตรมาส 4", "q4", "spent_q4"], required: false),
        CSVColumn("indicator", aliases: ["ตัวชี้วัด", "indicator"]),
        CSVColumn("kind", aliases: ["ประเภทตัวชี้วัด", "ประเภท", "kind", "indicator_kind"]),
        CSVColumn("unit", aliases: ["หน่วยนับ", "หน่วย", "unit"], required: false),
        CSVColumn("direction", aliases: ["ทิศทาง", "direction"], required: false),
        CSVColumn("target", aliases: ["ค่าเป้าหมาย", "เป้าหมาย", "target"]),
        CSVColumn("actual", aliases: ["ผลการดำเนินงาน", "ผล", "actual", "result"], required: false),
        CSVColumn("achieved", aliases: ["บรรลุ", "achieved"], required: false),
        CSVColumn("satisfaction", aliases: ["ความพึงพอใจ", "ค่าเฉลี่ยความพึงพอใจ", "satisfaction"], required: false),
        CSVColumn("problems", aliases: ["ปัญหาอุปสรรค", "ปัญหา", "problems"], required: false),
        CSVColumn("suggestions", aliases: ["ข้อเสนอแนะ", "suggestions"], required: false),
    ]

    private static let projectKeys = ["name", "group", "source", "allocated", "spent", "q1", "q2", "q3", "q4",
                                      "satisfaction", "problems", "suggestions"]

    /// A CSV file or a workbook's sheet (`sheet`, or the first).
    func read(path: String, displayName: String, sheet: String? = nil) throws -> ActionPlanImporter.Result {
        try TableFile.read(path: path, displayName: displayName, sheet: sheet, diagnostics: \.diagnostics) { try read(from: $0) }
    }

    func read(from reader: any RowReader) throws -> ActionPlanImporter.Result {
        let displayName = reader.displayName
        var diagnostics: [Diagnostic] = []
        // Plans exported from Excel often carry a title row above the header.
        guard let header = try CSVHeaderFinder(columns: Self.columns)
            .find(in: reader, file: displayName, diagnostics: &diagnostics) else {
            return .init(plan: nil, diagnostics: diagnostics)
        }
        guard !diagnostics.hasErrors else { return .init(plan: nil, diagnostics: diagnostics) }

        var strategies: [Strategy] = []
        var projectOrder: [String] = []
        var firstRows: [String: CSVRecord] = [:]
        var indicators: [String: [Indicator]] = [:]
        while let row = try reader.next() {
            if row.isBlank { continue }
            if let problem = header.widthProblem(of: row, file: displayName) {
                diagnostics.append(problem)
                continue
            }
            func report(_ severity: Diagnostic.Severity, _ key: String, _ code: String, _ message: String, hint: String? = nil) {
                let position = row.position(of: header.index(of: key) ?? 0)
                diagnostics.append(Diagnostic(severity, code: code, file: displayName, line: position.line,
                                              column: position.column, message: message, hint: hint))
            }
            let value = { (key: String) in header.value(key, in: row) ?? "" }
            let code = value("code")
            let strategyID = value("strategy")
            guard !code.isEmpty else { report(.error, "code", "EVL007", "project code is blank"); continue }
            guard !strategyID.isEmpty else { report(.error, "strategy", "EVL007", "strategy is blank for project \(code)"); continue }
            if let index = strategies.firstIndex(where: { $0.id == strategyID }) {
                if strategies[index].name == strategyID, !value("strategyName").isEmpty { strategies[index].name = value("strategyName") }
            } else {
                strategies.append(Strategy(id: strategyID, name: value("strategyName").isEmpty ? strategyID : value("strategyName")))
            }
            if let first = firstRows[code] {
                if header.value("strategy", in: first) != strategyID {
                    report(.error, "strategy", "EVL008", "project \(code) is under strategy \(header.value("strategy", in: first) ?? "") on line \(first.line)")
                }
                for key in Self.projectKeys {
                    let text = value(key)
                    if !text.isEmpty, text != (header.value(key, in: first) ?? "") {
                        report(.warning, key, "EVL009", "project \(code) already has another \(key) on line \(first.line); that one is used")
                    }
                }
            } else {
                firstRows[code] = row
                projectOrder.append(code)
            }
            let fields = IndicatorFields(name: value("indicator"), kind: value("kind"), unit: value("unit"),
                                         direction: value("direction"), target: value("target"),
                                         actual: value("actual"), achieved: value("achieved"))
            guard !fields.name.isEmpty else { report(.error, "indicator", "EVL007", "indicator is blank for project \(code)"); continue }
            var problems: [IndicatorFields.Problem] = []
            if let indicator = fields.indicator(problems: &problems) { indicators[code, default: []].append(indicator) }
            for problem in problems { report(.error, problem.field, problem.code, problem.message, hint: problem.hint) }
        }

        var projects: [Project] = []
        for code in projectOrder {
            guard let row = firstRows[code] else { continue }
            if let project = project(code: code, row: row, header: header, indicators: indicators[code] ?? [],
                                     file: displayName, diagnostics: &diagnostics) {
                projects.append(project)
            }
        }
        if projects.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.error, code: "EVL007", file: displayName, line: header.record.line,
                                          message: "the file has a header but no projects"))
        }
        guard !diagnostics.hasErrors else { return .init(plan: nil, diagnostics: diagnostics) }
        return .init(plan: ActionPlan(fiscalYear: nil, title: "", strategies: strategies, projects: projects,
                                      origin: displayName), diagnostics: diagnostics)
    }

    /// The project's own columns, from its first row.
    private func project(code: String, row: CSVRecord, header: CSVHeader, indicators: [Indicator], file: String,
                         diagnostics: inout [Diagnostic]) -> Project? {
        let errorsBefore = diagnostics.errors.count
        func report(_ severity: Diagnostic.Severity, _ key: String, _ code: String, _ message: String, hint: String? = nil) {
            let position = row.position(of: header.index(of: key) ?? 0)
            diagnostics.append(Diagnostic(severity, code: code, file: file, line: position.line,
                                          column: position.column, message: message, hint: hint))
        }
        let value = { (key: String) in header.value(key, in: row) ?? "" }
        for key in ["name", "group", "source", "allocated"] where value(key).isEmpty {
            report(.error, key, "EVL007", "\(key) is blank for project \(code)")
        }
        func money(_ key: String) -> Money? {
            let text = value(key)
            guard !text.isEmpty else { return nil }
            guard let amount = Money(parsing: text), !amount.isNegative else {
                report(.error, key, "EVL001", "'\(Diagnostic.quoted(text))' is not an amount in baht", hint: "write 150000 or 150,000.50")
                return nil
            }
            return amount
        }
        let allocated = money("allocated") ?? .zero
        let quarters = ["q1", "q2", "q3", "q4"].map(money)
        let spentValue = money("spent")
        var satisfaction: ExactDecimal?
        if !value("satisfaction").isEmpty {
            if let mean = ExactDecimal(parsing: value("satisfaction")), ExactDecimal(1) <= mean, mean <= ExactDecimal(5) {
                satisfaction = mean
            } else {
                report(.error, "satisfaction", "EVL001", "satisfaction '\(Diagnostic.quoted(value("satisfaction")))' is not a mean from 1 to 5")
            }
        }
        guard diagnostics.errors.count == errorsBefore else { return nil }
        let spent = ActionPlanImporter.spending(allocated: allocated, spent: spentValue, quarters: quarters, project: code) {
            report(.warning, "spent", $0, $1)
        }
        let lines = { (key: String) in value(key).split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        return Project(code: code, name: value("name"), strategyID: header.value("strategy", in: row) ?? "",
                       responsibleGroup: value("group"), budgetSource: value("source"), allocated: allocated,
                       spent: spent, quarterlySpent: quarters, indicators: indicators, satisfaction: satisfaction,
                       problems: lines("problems"), suggestions: lines("suggestions"), line: row.line)
    }
}
