/// Pupils per school in a national sample: a log-normal with median 120 and σ ≈ 1.07 (mean ≈ 212,
/// about half the schools under 120 pupils, as OBEC's small-school statistics say), clamped to
/// 8…3,000. Drawn from a table of its quantiles with linear interpolation, in integers only,
/// so a seed gives the same schools on every machine (no `exp` whose last bit may differ).
enum SchoolSizeDistribution {
    /// The quantiles at 0/128, 1/128, … 128/128 (computed once with Python's `NormalDist`).
    static let quantiles: [Int] = [
        8, 9, 12, 14, 16, 18, 20, 22, 23, 25, 26, 28, 29, 31, 32, 34,
        35, 37, 38, 39, 41, 42, 44, 45, 47, 48, 49, 51, 52, 54, 55, 57,
        58, 60, 62, 63, 65, 66, 68, 70, 71, 73, 75, 76, 78, 80, 82, 84,
        85, 87, 89, 91, 93, 95, 97, 99, 101, 104, 106, 108, 110, 113, 115, 118,
        120, 123, 125, 128, 130, 133, 136, 139, 142, 145, 148, 151, 155, 158, 161, 165,
        169, 172, 176, 180, 184, 189, 193, 197, 202, 207, 212, 217, 223, 228, 234, 240,
        246, 253, 260, 267, 275, 283, 291, 300, 309, 319, 330, 341, 353, 365, 379, 394,
        409, 427, 446, 467, 490, 516, 545, 578, 617, 662, 717, 786, 876, 1000, 1195, 1583,
        3000,
    ]

    private static let steps = 1024

    /// One school's pupils.
    static func draw(using rng: inout SeededGenerator) -> Int {
        let intervals = quantiles.count - 1
        let position = rng.below(intervals * steps)
        let index = position / steps
        let fraction = position % steps
        let low = quantiles[index], high = quantiles[index + 1]
        return low + (high - low) * fraction / steps
    }
}
