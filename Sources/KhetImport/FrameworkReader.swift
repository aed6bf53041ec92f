import Foundation
import KhetCore
import KhetTemplates

/// Reads a framework file: validated against `templates/schema/framework.xsd`, then mapped to a
/// `Framework`. What the schema cannot say (a rate for both a level and a grade, two rates for
/// one grade, an unknown grade code) is checked here, with the line and column of the element.
public struct FrameworkReader {
    public struct Result {
        public var framework: Framework?
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    /// A bundled framework by name (`fy2568`), or nil when none has that name.
    public static func bundledPath(named name: String) -> String? {
        KhetTemplates.url("frameworks/\(name).xml")?.path
    }

    /// Names of the bundled frameworks, for messages.
    public static var bundledNames: [String] {
        guard let folder = KhetTemplates.url("frameworks"),
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return files.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
    }

    public func read(path: String, displayName: String) throws -> Result {
        try map(XMLLoader(schemaName: "framework.xsd").load(path: path, displayName: displayName), displayName: displayName)
    }

    /// Reads a framework already in memory (tests, fuzzing).
    public func read(bytes: [UInt8], displayName: String) throws -> Result {
        try map(XMLLoader(schemaName: "framework.xsd").load(bytes: bytes, displayName: displayName), displayName: displayName)
    }

    private func map(_ loaded: XMLLoader.Result, displayName: String) -> Result {
        guard let root = loaded.root, !loaded.diagnostics.hasErrors else {
            return Result(framework: nil, diagnostics: loaded.diagnostics)
        }
        var diagnostics = loaded.diagnostics
        func problem(_ node: XMLElementNode, _ code: String, _ message: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(.error, code: code, file: displayName, line: node.line,
                                          column: node.column, message: message, hint: hint))
        }

        let programmes = root.children(named: "programme").map { node -> Programme in
            let items = node.children(named: "item").map { itemNode -> FundingItem in
                var rates: [Rate] = []
                for rateNode in itemNode.children(named: "rate") {
                    guard let rate = rate(from: rateNode, problem: problem) else { continue }
                    if rates.contains(where: { $0.target == rate.target }) {
                        problem(rateNode, "FWK003", "item '\(Diagnostic.quoted(itemNode.attributes["id"] ?? ""))' has two rates for \(describe(rate.target))")
                    }
                    rates.append(rate)
                }
                return FundingItem(
                    id: itemNode.attributes["id"] ?? "",
                    thaiName: name(of: itemNode, language: "th"),
                    englishName: name(of: itemNode, language: "en"),
                    unit: FundingItem.Unit(rawValue: itemNode.attributes["unit"] ?? "") ?? .perYear,
                    paidIn: FundingItem.PaidIn(rawValue: itemNode.attributes["paid-in"] ?? "") ?? .eachTerm,
                    rates: rates,
                    envelope: itemNode.child(named: "envelope").flatMap { envelope($0, problem: problem) })
            }
            var seen: Set<String> = []
            for (item, itemNode) in zip(items, node.children(named: "item")) where !seen.insert(item.id).inserted {
                problem(itemNode, "FWK004", "item '\(item.id)' appears twice in programme '\(Diagnostic.quoted(node.attributes["id"] ?? ""))'")
            }
            let rule = programmeRule(node, items: items, problem: problem)
            var programme = Programme(id: node.attributes["id"] ?? "", thaiName: name(of: node, language: "th"),
                                      englishName: name(of: node, language: "en"), rule: rule,
                                      envelope: node.child(named: "envelope").flatMap { envelope($0, problem: problem) }, items: items)
            programme.thaiShortName = shortName(of: node, language: "th")
            programme.englishShortName = shortName(of: node, language: "en")
            return programme
        }
        var programmeIDs: Set<String> = []
        for (programme, node) in zip(programmes, root.children(named: "programme")) where !programmeIDs.insert(programme.id).inserted {
            problem(node, "FWK007", "programme '\(programme.id)' appears twice")
        }
        guard !diagnostics.hasErrors else { return Result(framework: nil, diagnostics: diagnostics) }

        let advanceNode = root.child(named: "advance")
        let advance = AdvanceRule(
            percent: Int(advanceNode?.attributes["percent"] ?? "") ?? 70,
            rounding: CountRounding(rawValue: advanceNode?.attributes["rounding"] ?? "") ?? .halfUp,
            allowsRecovery: ["true", "1"].contains(advanceNode?.attributes["recovery"] ?? "false"))
        let framework = Framework(
            fiscalYear: FiscalYear(Int(root.attributes["fiscal-year"] ?? "") ?? 0),
            status: Framework.Status(rawValue: root.attributes["status"] ?? "") ?? .provisional,
            title: root.child(named: "title")?.trimmedText ?? "",
            source: root.child(named: "source")?.trimmedText ?? "",
            advance: advance, programmes: programmes, origin: displayName)
        return Result(framework: framework, diagnostics: diagnostics)
    }

    private func rate(from node: XMLElementNode,
                      problem: (XMLElementNode, String, String, String?) -> Void) -> Rate? {
        let level = node.attributes["level"]
        let gradeCode = node.attributes["grade"]
        let target: Rate.Target
        switch (level, gradeCode) {
        case let (level?, nil):
            guard let parsed = Level(rawValue: level) else { return nil }
            target = .level(parsed)
        case let (nil, code?):
            guard let grade = Grade(code: code) else {
                problem(node, "FWK001", "'\(Diagnostic.quoted(code))' is not a grade", "use อ.1–อ.3, ป.1–ป.6, ม.1–ม.6 or K1–M6")
                return nil
            }
            target = .grade(grade)
        case (nil, nil):
            target = .all
        default:
            problem(node, "FWK002", "a rate has at most one of the attributes level or grade", nil)
            return nil
        }
        guard let amount = Money(parsing: node.attributes["baht"] ?? "") else { return nil }
        guard amount <= Money(baht: InputLimits.rateBaht) else {
            problem(node, "FWK010", "a rate of \(amount.formatted) baht is more than any rate can be (at most \(Money(baht: InputLimits.rateBaht).formatted))", nil)
            return nil
        }
        return Rate(target: target, amount: amount, source: node.attributes["source"] ?? "",
                    confidence: Confidence(rawValue: node.attributes["confidence"] ?? "") ?? .c)
    }

    /// The programme's rule from its `kind` and the rule elements the schema allows.
    private func programmeRule(_ node: XMLElementNode, items: [FundingItem],
                               problem: (XMLElementNode, String, String, String?) -> Void) -> ProgrammeRule {
        switch node.attributes["kind"] ?? "per-pupil" {
        case "poor-pupils":
            var caps: [Level: Int] = [:]
            for cap in node.children(named: "cap") {
                guard let level = Level(rawValue: cap.attributes["level"] ?? ""),
                      let percent = Int(cap.attributes["percent"] ?? "") else { continue }
                if caps[level] != nil { problem(cap, "FWK008", "two caps for level \(level.rawValue)", nil) }
                caps[level] = percent
            }
            return .poorPupils(capPercent: caps)
        case "boarders":
            return .boarders(capPerSchool: node.child(named: "boarder-cap").flatMap { Int($0.attributes["per-school"] ?? "") })
        case "small-schools":
            guard let rule = node.child(named: "small-school") else {
                problem(node, "FWK005", "a small-schools programme needs a <small-school> element", "add <small-school max-pupils=\"120\" mode=\"per-head\" …/>")
                return .perPupil
            }
            let mode = SmallSchoolRule.Mode(rawValue: rule.attributes["mode"] ?? "") ?? .perHead
            if mode != .perHead, items.contains(where: { $0.flatRate == nil }) {
                problem(rule, "FWK006", "mode '\(mode.rawValue)' needs each item to have a rate without level or grade", nil)
            }
            // Each floor item lifts the school to its floor on its own: two would pay the lift twice.
            if mode == .floor, items.count > 1 {
                problem(rule, "FWK009", "mode 'floor' takes exactly one item (this programme has \(items.count)); "
                        + "each would lift the same school and pay the difference twice",
                        "keep one floor item, or make another programme for a second floor")
            }
            return .smallSchools(SmallSchoolRule(
                minimumPupils: Int(rule.attributes["min-pupils"] ?? "") ?? 1,
                maximumPupils: Int(rule.attributes["max-pupils"] ?? "") ?? 120,
                requiresSpecialArea: rule.attributes["special-area"] == "required",
                mode: mode))
        default:
            return .perPupil
        }
    }

    private func envelope(_ node: XMLElementNode, problem: (XMLElementNode, String, String, String?) -> Void) -> Envelope? {
        guard let amount = Money(parsing: node.attributes["baht"] ?? "") else { return nil }
        guard amount <= Money(baht: InputLimits.envelopeBaht) else {
            problem(node, "FWK010", "an envelope of \(amount.formatted) baht is more than any envelope can be (at most \(Money(baht: InputLimits.envelopeBaht).formatted))", nil)
            return nil
        }
        return Envelope(amount: amount, source: node.attributes["source"] ?? "")
    }

    private func shortName(of node: XMLElementNode, language: String) -> String? {
        node.children(named: "name").first { $0.attributes["lang"] == language }?.attributes["short"]
    }

    private func name(of node: XMLElementNode, language: String) -> String {
        node.children(named: "name").first { $0.attributes["lang"] == language }?.trimmedText ?? ""
    }

    private func describe(_ target: Rate.Target) -> String {
        switch target {
        case .level(let level): return "level \(level.rawValue)"
        case .grade(let grade): return "grade \(grade.thaiCode)"
        case .all: return "every pupil"
        }
    }
}
