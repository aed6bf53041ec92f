import KhetCore

/// Scales entitlements down to an envelope (domain §8): each school gets its proportional share,
/// rounded to whole baht by largest remainder with ties broken by school code, so the shares add
/// up to the envelope to the baht and no school gets more than its entitlement.
public struct EnvelopeScaler {
    public init() {}

    /// Each school's share of `envelope` given its `entitlements` (satang). Returns the
    /// entitlements unchanged when they fit. Schools with nothing (or less) get nothing.
    public func shares(of envelope: Money, entitlements: [String: Money]) -> [String: Money] {
        let positive = entitlements.filter { $0.value > .zero }
        let total = positive.values.reduce(Money.zero, +)
        guard total > envelope else { return entitlements }
        let envelopeBaht = max(0, envelope.wholeBaht)
        let denominator = total.satang * 100
        var shares: [String: Money] = [:]
        var remainders: [(code: String, remainder: Int64)] = []
        var given: Int64 = 0
        for (code, entitlement) in positive {
            // entitlement × envelope can pass Int64: multiply and divide in 128 bits.
            let product = entitlement.satang.multipliedFullWidth(by: envelopeBaht * 100)
            let (quotient, remainder) = denominator.dividingFullWidth(product)
            shares[code] = Money(baht: quotient)
            given += quotient
            if Money(baht: quotient + 1) <= entitlement { remainders.append((code, remainder)) }
        }
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.code < $1.code }
        var left = envelopeBaht - given
        for entry in remainders where left > 0 {
            shares[entry.code, default: .zero] += Money(baht: 1)
            left -= 1
        }
        for (code, entitlement) in entitlements where entitlement <= .zero { shares[code] = entitlement }
        return shares
    }
}
