import KhetCore

/// Numbers as the report prints them: thousands separators, baht to the satang, rates to two
/// decimals, and a visible "no data" where a value is missing (never a 0).
struct ReportFormat {
    let language: Language

    var missing: String { language.pick("ไม่มีข้อมูล", "no data") }

    func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    func money(_ value: Money) -> String { value.formatted }

    func money(_ value: Money?) -> String { value.map(money) ?? missing }

    func percent(_ value: ExactDecimal?) -> String { value?.formatted(fractionDigits: 2) ?? missing }

    func decimal(_ value: ExactDecimal?) -> String { value?.formatted(fractionDigits: 2) ?? missing }

    /// A signed change: "+1,234" or "-56".
    func change(_ value: Int) -> String { value > 0 ? "+" + count(value) : count(value) }

    /// Money per head, to the satang, rounded half up; missing without pupils.
    func perHead(_ total: Money, pupils: Int) -> String {
        guard pupils > 0 else { return missing }
        let satang = (total.satang * 2 / Int64(pupils) + 1) / 2
        return money(Money(satang: satang))
    }
}
