/// An amount of Thai money held exactly as integer satang (1 baht = 100 satang).
/// House rule: money never passes through floating point.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var satang: Int64

    public init(satang: Int64) { self.satang = satang }
    public init(baht: Int64) { self.satang = baht * 100 }

    public static let zero = Money(satang: 0)

    /// Whole baht, rounded toward zero.
    public var wholeBaht: Int64 { satang / 100 }
    /// The satang left over after whole baht, 0...99 (sign dropped).
    public var satangPart: Int64 { abs(satang % 100) }
    public var isZero: Bool { satang == 0 }
    public var isNegative: Bool { satang < 0 }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(satang: lhs.satang + rhs.satang) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(satang: lhs.satang - rhs.satang) }
    public static prefix func - (value: Money) -> Money { Money(satang: -value.satang) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(satang: lhs.satang * Int64(rhs)) }
    public static func * (lhs: Int, rhs: Money) -> Money { rhs * lhs }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.satang < rhs.satang }

    /// Splits an annual amount over two terms in whole baht; the odd baht (and any satang) goes
    /// to the later term (domain §4.3).
    public var splitOverTwoTerms: (first: Money, second: Money) {
        let first = Money(baht: wholeBaht / 2)
        return (first, self - first)
    }

    /// `1,234,567.50`, with a leading minus sign for negative amounts.
    public var formatted: String {
        let sign = satang < 0 ? "-" : ""
        let baht = String(abs(satang / 100))
        var grouped = ""
        for (index, digit) in baht.enumerated() {
            if index > 0 && (baht.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let cents = satangPart < 10 ? "0\(satangPart)" : "\(satangPart)"
        return "\(sign)\(grouped).\(cents)"
    }

    public var description: String { formatted }

    /// Reads an amount as written in a framework or a CSV: `1700`, `1,700.00`, `850.5`, `-12.25`.
    /// Returns nil for anything that is not an exact amount to the satang.
    public init?(parsing text: String) {
        var body = Substring(text.trimmingCharacters(in: " \t"))
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeText = parts.first, !wholeText.isEmpty else { return nil }
        let digits = wholeText.filter { $0 != "," }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 15 else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int64(fraction) else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        guard let whole = Int64(digits) else { return nil }
        let total = whole * 100 + cents
        self.satang = negative ? -total : total
    }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> Substring {
        Substring(self).trimmingCharacters(in: set)
    }
}
