import KhetCore

/// An indicator as written in either input format (XML attributes or CSV cells), turned into an
/// `Indicator` by one set of rules so both formats mean the same thing. Problems are returned
/// as (field, message, hint) for the caller to pin to its line and column.
struct IndicatorFields {
    var name: String
    var kind: String
    var unit: String
    var direction: String
    var target: String
    var actual: String
    var achieved: String

    typealias Problem = (field: String, code: String, message: String, hint: String?)

    static let quantitativeWords = ["quantitative", "เชิงปริมาณ", "ปริมาณ"]
    static let qualitativeWords = ["qualitative", "เชิงคุณภาพ", "คุณภาพ"]
    static let lowerWords = ["lower", "น้อยดี", "ยิ่งน้อยยิ่งดี", "ต่ำกว่าดี", "less"]
    static let higherWords = ["higher", "มากดี", "ยิ่งมากยิ่งดี", "สูงกว่าดี", "more", ""]

    func indicator(problems: inout [Problem]) -> Indicator? {
        let kindKey = kind.lowercased()
        let parsedKind: Indicator.Kind
        if Self.quantitativeWords.contains(kindKey) { parsedKind = .quantitative }
        else if Self.qualitativeWords.contains(kindKey) { parsedKind = .qualitative }
        else {
            problems.append(("kind", "EVL002", "'\(Diagnostic.quoted(kind))' is not an indicator kind",
                             "use quantitative / เชิงปริมาณ or qualitative / เชิงคุณภาพ"))
            return nil
        }
        let directionKey = direction.lowercased()
        let parsedDirection: Indicator.Direction
        if Self.lowerWords.contains(directionKey) { parsedDirection = .lowerIsBetter }
        else if Self.higherWords.contains(directionKey) { parsedDirection = .higherIsBetter }
        else {
            problems.append(("direction", "EVL002", "'\(Diagnostic.quoted(direction))' is not a direction",
                             "use higher / มากดี or lower / น้อยดี"))
            return nil
        }
        switch parsedKind {
        case .quantitative:
            guard let targetValue = ExactDecimal(parsing: target) else {
                problems.append(("target", "EVL001", "target '\(Diagnostic.quoted(target))' of indicator '\(Diagnostic.quoted(name))' is not a number",
                                 "write a number such as 80 or 85.5"))
                return nil
            }
            var actualValue: ExactDecimal?
            if !actual.isEmpty {
                guard let parsed = ExactDecimal(parsing: actual) else {
                    problems.append(("actual", "EVL001", "result '\(Diagnostic.quoted(actual))' of indicator '\(Diagnostic.quoted(name))' is not a number",
                                     "write a number, or leave it blank when there is no result yet"))
                    return nil
                }
                actualValue = parsed
            }
            return Indicator(name: name, kind: .quantitative, unit: unit, direction: parsedDirection,
                             target: targetValue, actual: actualValue)
        case .qualitative:
            var judgement: Bool?
            if !achieved.isEmpty {
                guard let flag = FieldParsing.flag(achieved) ?? Self.xmlBoolean(achieved) else {
                    problems.append(("achieved", "EVL003", "'\(Diagnostic.quoted(achieved))' is not a yes/no judgement",
                                     "use 1 / ใช่ when the target was reached, 0 / ไม่ใช่ when not, blank when not reported"))
                    return nil
                }
                judgement = flag
            }
            return Indicator(name: name, kind: .qualitative, unit: unit, direction: parsedDirection,
                             targetText: target, actualText: actual, judgedAchieved: judgement)
        }
    }

    private static func xmlBoolean(_ text: String) -> Bool? {
        switch text { case "true", "1": return true; case "false", "0": return false; default: return nil }
    }
}
