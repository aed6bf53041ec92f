import KhetCore

/// Poor and boarding pupils for a sample area, per school and grade, counted against the latest
/// snapshot. Drawn from their own generator (seeded from the area's seed) so adding them never
/// changed the schools and snapshots a seed already gave.
struct SampleNeeds {
    var poorPupils: [String: GradeCounts] = [:]
    var boarders: [String: GradeCounts] = [:]

    /// Remote districts have more poor pupils; boarding schools house a share of their primary
    /// and lower-secondary pupils.
    /// `isRemote` says which schools lie in remote districts; by default those of อุ้มผาง and ท่าสองยาง.
    static func derive(for area: SampleArea, seed: UInt64, isRemote: ((School) -> Bool)? = nil) -> SampleNeeds {
        var rng = SeededGenerator(seed: seed ^ 0x5EED_0F_9000_D5)
        var needs = SampleNeeds()
        guard let latest = area.snapshots.last else { return needs }
        for school in area.schools.sorted(by: { $0.code < $1.code }) {
            let counts = latest.counts(for: school.code)
            let remote = isRemote?(school) ?? ["อุ้มผาง", "ท่าสองยาง"].contains(school.district)
            let poorShare = remote ? rng.int(in: 300...650) : rng.int(in: 80...300)
            var poor = GradeCounts()
            for grade in Grade.allCases where counts[grade] > 0 {
                poor[grade] = min(counts[grade], rng.scale(counts[grade], perMille: poorShare + rng.int(in: -40...40)))
            }
            if poor.total > 0 { needs.poorPupils[school.code] = poor }

            guard school.isBoarding else { continue }
            var boarders = GradeCounts()
            let share = rng.int(in: 150...450)
            for grade in Grade.allCases where grade >= .p1 && counts[grade] > 0 {
                boarders[grade] = rng.scale(counts[grade], perMille: share)
            }
            if boarders.total > 0 { needs.boarders[school.code] = boarders }
        }
        return needs
    }
}
