import Foundation
import KhetCore
import KhetTemplates

/// Reads the evaluation scales (`templates/evaluation/scales.xml` or a copy the batch names),
/// checked against `templates/schema/evaluation-scales.xsd`. Ranges that overlap or leave a
/// gap would place a mean in two levels or none, so they are errors here.
public struct EvaluationScalesReader {
    public struct Result {
        public var scales: EvaluationScales?
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    /// The bundled default scales.
    public static var bundledPath: String? { KhetTemplates.url("evaluation/scales.xml")?.path }

    public func read(path: String, displayName: String) throws -> Result {
        let loaded = try XMLLoader(schemaName: "evaluation-scales.xsd").load(path: path, displayName: displayName)
        guard let root = loaded.root, !loaded.diagnostics.hasErrors else {
            return Result(scales: nil, diagnostics: loaded.diagnostics)
        }
        var diagnostics = loaded.diagnostics
        func name(_ node: XMLElementNode, _ language: String) -> String {
            node.children(named: "name").first { $0.attributes["lang"] == language }?.trimmedText ?? ""
        }
        func number(_ node: XMLElementNode, _ attribute: String) -> ExactDecimal {
            ExactDecimal(parsing: node.attributes[attribute] ?? "") ?? .zero
        }
        let levelNodes = root.child(named: "quality")?.children(named: "level") ?? []
        let levels = levelNodes.map { node in
            EvaluationScales.QualityLevel(minimum: number(node, "min"), maximum: number(node, "max"),
                                          thaiName: name(node, "th"), englishName: name(node, "en"),
                                          rank: Int(node.attributes["rank"] ?? "") ?? 0)
        }
        // Sorted from the top, each level must start just above where the next one ends
        // (4.51 after 4.50): two-decimal means then fall in exactly one level.
        let ordered = zip(levels, levelNodes).sorted { $0.0.minimum > $1.0.minimum }
        for (index, (level, node)) in ordered.enumerated() {
            if level.minimum > level.maximum {
                diagnostics.append(Diagnostic(.error, code: "EVL010", file: displayName, line: node.line, column: node.column,
                                              message: "quality level '\(level.thaiName)' starts at \(level.minimum) above its end \(level.maximum)"))
            }
            guard index + 1 < ordered.count else { continue }
            let below = ordered[index + 1].0
            if below.maximum.tenThousandths + 100 != level.minimum.tenThousandths {
                diagnostics.append(Diagnostic(.error, code: "EVL010", file: displayName, line: node.line, column: node.column,
                                              message: "quality level '\(level.thaiName)' starts at \(level.minimum) but the level below ends at \(below.maximum)",
                                              hint: "levels must not overlap or leave a gap: the next level starts 0.01 above the previous end"))
            }
        }
        let steps = (root.child(named: "disbursement")?.children(named: "step") ?? []).map {
            EvaluationScales.DisbursementStep(minimumPercent: number($0, "min-percent"), score: Int($0.attributes["score"] ?? "") ?? 0)
        }
        let statuses = (root.child(named: "status")?.children(named: "step") ?? []).map {
            EvaluationScales.StatusStep(id: $0.attributes["id"] ?? "", minimumPercent: number($0, "min-percent"),
                                        thaiName: name($0, "th"), englishName: name($0, "en"))
        }
        for (label, minimum) in [("disbursement", steps.map(\.minimumPercent).min()),
                                 ("status", statuses.map(\.minimumPercent).min())] where minimum != .zero {
            diagnostics.append(Diagnostic(.error, code: "EVL010", file: displayName, line: root.line, column: root.column,
                                          message: "the \(label) scale has no step starting at 0 %, so a low rate would get none",
                                          hint: "add a step with min-percent=\"0\""))
        }
        guard !diagnostics.hasErrors else { return Result(scales: nil, diagnostics: diagnostics) }
        let scales = EvaluationScales(qualityLevels: levels, disbursementSteps: steps, statusSteps: statuses,
                                      source: root.child(named: "source")?.trimmedText ?? "", origin: displayName)
        return Result(scales: scales, diagnostics: diagnostics)
    }
}
