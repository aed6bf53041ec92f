import KhetCore

/// Keeps a file of 40,000 pupil rows with one systematic mistake from burying the analyst in
/// 40,000 lines: the first `limit` diagnostics of each code are kept, the rest are counted and
/// summed up in one note per code at the end.
struct DiagnosticLimiter {
    let file: String
    let limit: Int
    private(set) var kept: [Diagnostic] = []
    private var suppressed: [String: Int] = [:]
    private var seen: [String: Int] = [:]

    init(file: String, limit: Int = 25) {
        self.file = file
        self.limit = limit
    }

    /// True when any error was seen, kept or not.
    private(set) var hasErrors = false

    mutating func add(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { hasErrors = true }
        let count = seen[diagnostic.code, default: 0] + 1
        seen[diagnostic.code] = count
        if count <= limit {
            kept.append(diagnostic)
        } else {
            suppressed[diagnostic.code, default: 0] += 1
        }
    }

    /// Everything kept, then one note per code that went over the limit (in code order).
    func finish() -> [Diagnostic] {
        kept + suppressed.keys.sorted().map { code in
            let count = suppressed[code] ?? 0
            return Diagnostic(.note, code: "REC099", file: file,
                              message: "\(count) more \(code) problem(s) in this file are not shown",
                              thaiMessage: "ยังมีปัญหา \(code) อีก \(count) รายการในไฟล์นี้ที่ไม่ได้แสดง",
                              hint: "fix the ones shown and run again")
        }
    }
}
