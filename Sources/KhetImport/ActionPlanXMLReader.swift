import KhetCore

/// The XML form of an action plan: validated against `action-plan.xsd` (structure, unique
/// codes, amounts), then mapped; what a schema cannot say (numeric targets of quantitative
/// indicators, quarters given twice) is checked here with the element's line and column.
struct ActionPlanXMLReader {
    func read(path: String, displayName: String) throws -> ActionPlanImporter.Result {
        let loaded = try XMLLoader(schemaName: "action-plan.xsd").load(path: path, displayName: displayName)
        guard let root = loaded.root, !loaded.diagnostics.hasErrors else {
            return ActionPlanImporter.Result(plan: nil, diagnostics: loaded.diagnostics)
        }
        var diagnostics = loaded.diagnostics
        func report(_ severity: Diagnostic.Severity, _ node: XMLElementNode, _ code: String, _ message: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(severity, code: code, file: displayName, line: node.line, column: node.column,
                                          message: message, hint: hint))
        }
        var strategies: [Strategy] = []
        var projects: [Project] = []
        for strategyNode in root.children(named: "strategy") {
            let strategy = Strategy(id: strategyNode.attributes["id"] ?? "",
                                    name: strategyNode.child(named: "name")?.trimmedText ?? "")
            strategies.append(strategy)
            for node in strategyNode.children(named: "project") {
                let code = node.attributes["code"] ?? ""
                let budget = node.child(named: "budget")
                let allocated = Money(parsing: budget?.attributes["allocated"] ?? "") ?? .zero
                var quarters: [Money?] = [nil, nil, nil, nil]
                for quarter in budget?.children(named: "quarter") ?? [] {
                    guard let number = Int(quarter.attributes["n"] ?? ""), (1...4).contains(number) else { continue }
                    if quarters[number - 1] != nil {
                        report(.error, quarter, "EVL006", "project \(code) reports quarter \(number) twice")
                    }
                    quarters[number - 1] = Money(parsing: quarter.attributes["spent"] ?? "")
                }
                let spent = ActionPlanImporter.spending(
                    allocated: allocated, spent: (budget?.attributes["spent"]).flatMap { Money(parsing: $0) },
                    quarters: quarters, project: code) { code, message in report(.warning, budget ?? node, code, message) }
                var indicators: [Indicator] = []
                for indicatorNode in node.children(named: "indicator") {
                    let fields = IndicatorFields(
                        name: indicatorNode.trimmedText, kind: indicatorNode.attributes["kind"] ?? "",
                        unit: indicatorNode.attributes["unit"] ?? "", direction: indicatorNode.attributes["direction"] ?? "",
                        target: indicatorNode.attributes["target"] ?? "", actual: indicatorNode.attributes["actual"] ?? "",
                        achieved: indicatorNode.attributes["achieved"] ?? "")
                    var problems: [IndicatorFields.Problem] = []
                    if let indicator = fields.indicator(problems: &problems) { indicators.append(indicator) }
                    for problem in problems { report(.error, indicatorNode, problem.code, problem.message, hint: problem.hint) }
                }
                let satisfaction = node.child(named: "satisfaction").flatMap { ExactDecimal(parsing: $0.attributes["mean"] ?? "") }
                projects.append(Project(
                    code: code, name: node.child(named: "name")?.trimmedText ?? "", strategyID: strategy.id,
                    responsibleGroup: node.child(named: "group")?.trimmedText ?? "",
                    budgetSource: budget?.attributes["source"] ?? "", allocated: allocated, spent: spent,
                    quarterlySpent: quarters, indicators: indicators, satisfaction: satisfaction,
                    problems: node.children(named: "problem").map(\.trimmedText),
                    suggestions: node.children(named: "suggestion").map(\.trimmedText), line: node.line))
            }
        }
        guard !diagnostics.hasErrors else { return ActionPlanImporter.Result(plan: nil, diagnostics: diagnostics) }
        let plan = ActionPlan(
            fiscalYear: Int(root.attributes["fiscal-year"] ?? "").map(FiscalYear.init), title: root.child(named: "title")?.trimmedText ?? "",
            strategies: strategies, projects: projects, problems: root.children(named: "problem").map(\.trimmedText),
            suggestions: root.children(named: "suggestion").map(\.trimmedText), origin: displayName)
        return ActionPlanImporter.Result(plan: plan, diagnostics: diagnostics)
    }
}
