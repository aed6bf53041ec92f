/// "Did you mean …?" for a header or value that is nearly a known one: the closest candidate by
/// edit distance over characters, if it is close enough to be a slip of the keyboard rather than
/// a different word.
enum Suggestion {
    /// The candidate closest to `text` (compared by `normalize`), when at most a third of its
    /// characters (and at most two) differ. Ties go to the earlier candidate.
    static func closest(to text: String, among candidates: [String],
                        normalize: (String) -> String = { $0.lowercased() }) -> String? {
        let target = Array(normalize(text))
        guard !target.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(normalize(candidate)))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance > 0 else { return nil }
        let allowed = min(2, max(1, target.count / 3))
        return best.distance <= allowed ? best.candidate : nil
    }

    /// Levenshtein distance, two rows at a time.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
