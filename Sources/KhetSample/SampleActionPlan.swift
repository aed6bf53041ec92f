import KhetCore

/// A realistic action plan with its year-end results for the sample area, as
/// `action-plan-<FY>.xml`: five strategies of eight projects, Thai names, lower-is-better and
/// qualitative indicators, quarterly spending for some projects and a few projects that have
/// not reported. Drawn from its own seeded generator, in integers only, so a seed always writes
/// the same bytes and adding the plan changed nothing else the seed gives.
struct SampleActionPlan {
    let seed: UInt64
    let fiscalYear: Int

    static func fileName(fiscalYear: Int) -> String { "action-plan-\(fiscalYear).xml" }

    func xml() -> String {
        var rng = SeededGenerator(seed: seed ^ 0xAC71_0A_9_1A_2568)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<!-- Sample action plan with results (fictional). Schema: templates/schema/action-plan.xsd -->",
            "<action-plan fiscal-year=\"\(fiscalYear)\">",
            "  <title>\(Self.escape("แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. \(fiscalYear)"))</title>",
        ]
        let catalogue = SampleActionPlanCatalogue.self
        let projectCount = catalogue.strategies.reduce(0) { $0 + $1.projects.count }
        // A few projects have not reported anything yet.
        let silent = rng.shuffledFlags(count: projectCount, perMille: 75)
        var projectIndex = 0
        for (strategyIndex, strategy) in catalogue.strategies.enumerated() {
            let strategyNumber = strategyIndex + 1
            lines.append("  <strategy id=\"\(strategyNumber)\">")
            lines.append("    <name>\(Self.escape(strategy.name))</name>")
            for (number, idea) in strategy.projects.enumerated() {
                let code = "\(fiscalYear % 100)-\(strategyNumber)-\(number < 9 ? "0" : "")\(number + 1)"
                lines += project(idea, code: code, silent: silent[projectIndex], rng: &rng)
                projectIndex += 1
            }
            lines.append("  </strategy>")
        }
        lines.append("  <problem>\(Self.escape("โรงเรียนขนาดเล็กมีครูไม่ครบชั้น ส่งผลต่อการเข้าร่วมกิจกรรม"))</problem>")
        lines.append("  <suggestion>\(Self.escape("ควรกำหนดปฏิทินโครงการร่วมกันทุกกลุ่ม เพื่อลดภาระของโรงเรียน"))</suggestion>")
        lines.append("</action-plan>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func project(_ idea: SampleActionPlanCatalogue.ProjectIdea, code: String, silent: Bool,
                         rng: inout SeededGenerator) -> [String] {
        let catalogue = SampleActionPlanCatalogue.self
        let allocated = rng.int(in: 15...480) * 1_000
        let source = rng.pick(catalogue.budgetSources, or: "")
        var lines = ["    <project code=\"\(code)\">",
                     "      <name>\(Self.escape(idea.name))</name>",
                     "      <group>\(Self.escape(catalogue.groups[idea.group % catalogue.groups.count]))</group>"]
        if silent {
            lines.append("      <budget source=\"\(Self.escape(source))\" allocated=\"\(allocated)\"/>")
        } else {
            // Spent 62–100 % of the allocation, to the baht.
            let spent = allocated * rng.int(in: 620...1000) / 1000
            if rng.chance(perMille: 500) {
                lines.append("      <budget source=\"\(Self.escape(source))\" allocated=\"\(allocated)\" spent=\"\(spent)\">")
                var weights = (0..<4).map { _ in rng.int(in: 5...40) }
                let total = weights.reduce(0, +)
                var left = spent
                for quarter in 0..<4 {
                    let amount = quarter == 3 ? left : spent * weights[quarter] / total
                    weights[quarter] = amount
                    left -= amount
                    lines.append("        <quarter n=\"\(quarter + 1)\" spent=\"\(amount)\"/>")
                }
                lines.append("      </budget>")
            } else {
                lines.append("      <budget source=\"\(Self.escape(source))\" allocated=\"\(allocated)\" spent=\"\(spent)\"/>")
            }
        }
        for index in idea.indicators {
            let indicator = catalogue.indicators[index % catalogue.indicators.count]
            var attributes = "kind=\"\(indicator.kind)\""
            if !indicator.unit.isEmpty { attributes += " unit=\"\(Self.escape(indicator.unit))\"" }
            if indicator.direction == "lower" { attributes += " direction=\"lower\"" }
            attributes += " target=\"\(Self.escape(indicator.target))\""
            if !silent {
                if indicator.kind == "qualitative" {
                    let achieved = rng.chance(perMille: 800)
                    attributes += " actual=\"\(achieved ? "ระดับดีมาก" : "ระดับพอใช้")\" achieved=\"\(achieved)\""
                } else {
                    attributes += " actual=\"\(actual(for: indicator, rng: &rng))\""
                }
            }
            lines.append("      <indicator \(attributes)>\(Self.escape(indicator.name))</indicator>")
        }
        if !silent, rng.chance(perMille: 700) {
            let mean = rng.int(in: 320...485)
            lines.append("      <satisfaction mean=\"\(mean / 100).\(mean % 100 < 10 ? "0" : "")\(mean % 100)\"/>")
        }
        if !silent, rng.chance(perMille: 450) {
            lines.append("      <problem>\(Self.escape(rng.pick(catalogue.problems, or: "")))</problem>")
            lines.append("      <suggestion>\(Self.escape(rng.pick(catalogue.suggestions, or: "")))</suggestion>")
        }
        lines.append("    </project>")
        return lines
    }

    /// A result near the target: 88–120 % of it when higher is better, 55–125 % when lower is,
    /// in hundredths, so some projects fall short and most reach their targets.
    private func actual(for indicator: SampleActionPlanCatalogue.IndicatorIdea, rng: inout SeededGenerator) -> String {
        let target = ExactDecimal(parsing: indicator.target) ?? .zero
        let perMille = indicator.direction == "lower" ? rng.int(in: 550...1250) : rng.int(in: 880...1200)
        let hundredths = target.tenThousandths * Int64(perMille) / 1000 / 100
        let whole = indicator.unit == "คน" || indicator.unit == "เรื่อง" || indicator.unit == "วัน"
        var value = whole ? (hundredths + 50) / 100 * 100 : hundredths
        // A share of schools or pupils cannot pass 100 %.
        if indicator.unit == "ร้อยละ" { value = min(value, 10_000) }
        return ExactDecimal(tenThousandths: value * 100).description
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
