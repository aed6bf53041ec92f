/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-mixed generator whose whole state is one
/// `UInt64`, so a seed gives the same stream on every machine and Swift version.
///
/// The helpers below use only integer arithmetic and their own bounded-draw algorithm instead of
/// the standard library's `random(in:using:)`, whose algorithm is not promised to stay the same;
/// floating point is avoided so no platform rounding can change a committed sample file.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (0 when `bound` ≤ 0). Lemire's multiply-shift with
    /// rejection, so there is no modulo bias.
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        let threshold = (0 &- range) % range
        while true {
            let product = range.multipliedFullWidth(by: next())
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// A uniform integer in `range` (inclusive on both ends).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `perMille` / 1000.
    mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }

    /// `value × perMille / 1000`, rounded up or down at random in proportion to the remainder, so
    /// small counts still move by whole pupils now and then and averages stay unbiased.
    mutating func scale(_ value: Int, perMille: Int) -> Int {
        quotient(value * perMille, over: 1000)
    }

    /// `numerator / denominator` for non-negative numbers, rounded up with probability equal to
    /// the fractional part (stochastic rounding); 0 when the denominator is not positive.
    mutating func quotient(_ numerator: Int, over denominator: Int) -> Int {
        guard denominator > 0, numerator > 0 else { return 0 }
        let whole = numerator / denominator
        let remainder = numerator % denominator
        return remainder > 0 && below(denominator) < remainder ? whole + 1 : whole
    }

    /// An index into `weights` drawn in proportion to the weights.
    mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var draw = below(total)
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return max(weights.count - 1, 0)
    }

    /// Fisher–Yates shuffle driven by this generator (the standard `shuffle(using:)` does not
    /// promise its algorithm either).
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, below(index + 1))
        }
    }

    /// `count` flags of which `count × perMille / 1000` (rounded) are true, in random order: a
    /// fixed share instead of one draw per item, so small samples still show the intended mix.
    mutating func shuffledFlags(count: Int, perMille: Int) -> [Bool] {
        guard count > 0 else { return [] }
        let trueCount = min(max((count * perMille + 500) / 1000, 0), count)
        var flags = Array(repeating: true, count: trueCount) + Array(repeating: false, count: count - trueCount)
        shuffle(&flags)
        return flags
    }

    /// One element of a non-empty array; `fallback` if it is empty.
    mutating func pick<T>(_ items: [T], or fallback: T) -> T {
        items.isEmpty ? fallback : items[below(items.count)]
    }
}
