/// An exact decimal number held as integer ten-thousandths: indicator targets and results
/// (`85.5` %, `4.25` of 5, `1,200` pupils) and the rates derived from them. Like money, these
/// never pass through floating point, so a result printed as 80.00 % is 80 % to the last digit
/// and the scales' boundaries (4.51, 75 %) compare exactly.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Digits kept after the decimal point.
    public static let fractionDigits = 4
    static let unit: Int64 = 10_000

    /// The value × 10,000.
    public var tenThousandths: Int64

    public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }
    public init(_ whole: Int) { self.tenThousandths = Int64(whole) * ExactDecimal.unit }

    public static let zero = ExactDecimal(0)
    public static let hundred = ExactDecimal(100)

    /// Reads `85`, `85.5`, `1,200`, `-2.25`, `๔.๕๑`; at most four digits after the point.
    /// Nil for anything else, so a typo is reported instead of read as something else.
    public init?(parsing text: String) {
        var characters = Substring(text.filter { !$0.isWhitespace && $0 != "," })
        var negative = false
        if characters.first == "-" { negative = true; characters = characters.dropFirst() }
        else if characters.first == "+" { characters = characters.dropFirst() }
        let parts = characters.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2 else { return nil }
        func digits(_ part: Substring) -> [Int]? {
            var values: [Int] = []
            for scalar in part.unicodeScalars {
                guard let digit = ThaiDigits.value(of: scalar) else { return nil }
                values.append(digit)
            }
            return values
        }
        guard let whole = digits(parts[0]), whole.count <= 12 else { return nil }
        let fraction = parts.count == 2 ? digits(parts[1]) : []
        guard let fraction, fraction.count <= ExactDecimal.fractionDigits, !(whole.isEmpty && fraction.isEmpty) else { return nil }
        var value: Int64 = 0
        for digit in whole { value = value * 10 + Int64(digit) }
        var fractionValue: Int64 = 0
        for index in 0..<ExactDecimal.fractionDigits {
            fractionValue = fractionValue * 10 + Int64(index < fraction.count ? fraction[index] : 0)
        }
        let total = value * ExactDecimal.unit + fractionValue
        tenThousandths = negative ? -total : total
    }

    /// `numerator / denominator × 100`, rounded half up to two decimals; nil when the
    /// denominator is zero (a rate of nothing is not 0 %, it is undefined).
    public static func percent(_ numerator: Int64, of denominator: Int64) -> ExactDecimal? {
        guard denominator != 0 else { return nil }
        // A ratio beyond about 4.6 × 10^14 would not fit once scaled; only absurd input gets
        // there (spent 10^15 baht of 1 satang), and it is undefined rather than a crash.
        guard numerator.magnitude / denominator.magnitude < UInt64(Int64.max / 20_000) else { return nil }
        // In hundredths of a percent: numerator × 10,000 / denominator, half up, then × 100
        // to reach ten-thousandths. Full width so large satang amounts cannot overflow.
        let scaled = numerator.multipliedFullWidth(by: 10_000 * 2)
        let (quotient, _) = denominator.dividingFullWidth(scaled)
        let hundredths = quotient >= 0 ? (quotient + 1) / 2 : -((-quotient + 1) / 2)
        return ExactDecimal(tenThousandths: hundredths * 100)
    }

    /// `self / other × 100` rounded half up to two decimals.
    public func percent(of other: ExactDecimal) -> ExactDecimal? {
        ExactDecimal.percent(tenThousandths, of: other.tenThousandths)
    }

    /// The mean of `values`, rounded half up to two decimals; nil for none.
    public static func mean(_ values: [ExactDecimal]) -> ExactDecimal? {
        guard !values.isEmpty else { return nil }
        let sum = values.reduce(Int64(0)) { $0 + $1.tenThousandths }
        // sum / count, in hundredths, half up (values here are never negative).
        let count = Int64(values.count)
        let hundredths = (sum * 2 / (count * 100) + 1) / 2
        return ExactDecimal(tenThousandths: hundredths * 100)
    }

    /// The value rounded half up to `digits` decimals (0–4), as text with a `,` between thousands.
    public func formatted(fractionDigits digits: Int = 2, grouping: Bool = true) -> String {
        let digits = min(max(digits, 0), ExactDecimal.fractionDigits)
        var divisor: Int64 = 1
        for _ in 0..<(ExactDecimal.fractionDigits - digits) { divisor *= 10 }
        let magnitude = tenThousandths.magnitude
        let rounded = (magnitude + UInt64(divisor / 2)) / UInt64(divisor)
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let whole = String(rounded / scale)
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if grouping && index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        var text = grouped
        if digits > 0 {
            let fraction = String(rounded % scale)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return (tenThousandths < 0 && rounded != 0 ? "-" : "") + text
    }

    /// The shortest exact form: `85`, `85.5`, `4.25`.
    public var description: String {
        var text = formatted(fractionDigits: ExactDecimal.fractionDigits, grouping: false)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.tenThousandths < rhs.tenThousandths }
}
