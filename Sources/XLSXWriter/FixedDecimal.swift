/// An exact decimal number: `units / 10^scale`, e.g. `FixedDecimal(units: 123450, scale: 2)` is 1234.50.
///
/// Values stay integral until the very last moment; the only conversion to `Double` happens at the
/// C boundary, through the decimal text, so the cell holds the double nearest to the exact value
/// (the same one Excel would store if the number were typed in).
///
/// Equality is structural: 1.5 (15, 1) and 1.50 (150, 2) differ because they display differently.
public struct FixedDecimal: Hashable, Sendable, CustomStringConvertible {
    public var units: Int64
    /// Digits after the decimal point; a negative scale multiplies by a power of ten.
    public var scale: Int

    public init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// Plain decimal text with exactly `scale` fraction digits, e.g. "-1234.50".
    public var description: String {
        // magnitude avoids overflow for Int64.min
        var digits = String(units.magnitude)
        if scale < 0 {
            if units != 0 { digits += String(repeating: "0", count: -scale) }
        } else if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return (units < 0 ? "-" : "") + digits
    }

    /// The nearest `Double`; infinite only for absurd negative scales (caught before writing).
    public var doubleValue: Double {
        // Both operands exact (|units| <= 2^53, 10^22 is the largest exact power of ten), so the
        // one correctly rounded division or product is the double nearest the decimal, which is
        // what parsing the text gives: the same double without building and parsing a string.
        if units.magnitude <= Self.exactIntegerLimit, scale.magnitude < UInt(Self.exactPowers.count) {
            let power = Self.exactPowers[Int(scale.magnitude)]
            return scale >= 0 ? Double(units) / power : Double(units) * power
        }
        return Double(description) ?? .nan
    }

    private static let exactIntegerLimit: UInt64 = 1 << 53
    private static let exactPowers: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { product, _ in product * 10 }
    }
}
