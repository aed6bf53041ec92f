import Foundation
import KhetBatch
import KhetImport
#if canImport(Glibc)
import Glibc
#endif

/// One status line on a terminal for a long run: the stage, the area or file, rows read with
/// their rate and the time left, rewritten in place with `\r` at most ten times a second and
/// cleared at the end. It writes nothing when standard error is not a terminal (a log, a pipe)
/// or with `--quiet`, so scripts and logs never see it. Safe to call from several threads.
final class ProgressDisplay: BatchProgress, @unchecked Sendable {
    private let isEnabled: Bool
    private let clock: () -> Double
    private let output: (String) -> Void
    private let lock = NSLock()
    private let start: Double
    private var lastDraw = -Double.infinity
    private var drawn = false
    /// When the current stage began: rates and time left count from here.
    private var stageStart: Double
    private static let interval = 0.1

    /// `clock` gives seconds (monotonic); `output` receives the raw text to write.
    init(enabled: Bool, clock: @escaping () -> Double = MonotonicClock.seconds,
         output: @escaping (String) -> Void = ProgressDisplay.writeToStandardError) {
        isEnabled = enabled
        self.clock = clock
        self.output = output
        start = clock()
        stageStart = start
    }

    /// Shown only when standard error is a terminal and the user did not ask for quiet.
    static func forStandardError(quiet: Bool) -> ProgressDisplay {
        ProgressDisplay(enabled: !quiet && isatty(2) == 1)
    }

    /// A new stage (`import`, `write`…) on `detail` (a file, an area); shown at once.
    func stage(_ name: String, detail: String) {
        guard isEnabled else { return }
        lock.lock(); defer { lock.unlock() }
        stageStart = clock()
        draw("\(name) \(detail)", force: true)
    }

    /// A pupil-record import's progress report.
    func importing(_ file: String, _ progress: ImportProgress) {
        guard isEnabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = clock()
        guard now - lastDraw >= ProgressDisplay.interval else { return }
        draw(ProgressDisplay.importLine(file: file, progress: progress, elapsed: now - stageStart), force: false)
    }

    /// `done` of `total` areas are finished; `current` is being written now.
    func areas(done: Int, total: Int, current: String) {
        guard isEnabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = clock()
        guard now - lastDraw >= ProgressDisplay.interval else { return }
        draw(ProgressDisplay.areaLine(done: done, total: total, current: current, elapsed: now - stageStart), force: false)
    }

    /// Clears the line so what follows starts on a clean one.
    func finish() {
        guard isEnabled else { return }
        lock.lock(); defer { lock.unlock() }
        if drawn { output("\r\u{1B}[K") }
        drawn = false
    }

    private func draw(_ text: String, force: Bool) {
        lastDraw = clock()
        drawn = true
        // Erase to the end of the line: the previous text may have been longer.
        output("\r" + text + "\u{1B}[K")
    }

    // MARK: - The text (pure, so it can be tested with any clock)

    /// `import pupils.csv  1,234,567 rows  812,345 rows/s  47.1 MB/s  36%  left 0:05`
    static func importLine(file: String, progress: ImportProgress, elapsed: Double) -> String {
        var parts = ["import \(file)", "\(grouped(progress.rows)) rows"]
        if elapsed > 0 {
            parts.append("\(grouped(Int(Double(progress.rows) / elapsed))) rows/s")
            parts.append(String(format: "%.1f MB/s", Double(progress.bytesRead) / elapsed / 1_000_000))
        }
        if progress.totalBytes > 0 {
            parts.append("\(Int(progress.fraction * 100))%")
            if let left = timeLeft(fractionDone: progress.fraction, elapsed: elapsed) { parts.append("left \(left)") }
        }
        return parts.joined(separator: "  ")
    }

    /// `write area 37/245 สพป.ตาก เขต 2  left 0:12`
    static func areaLine(done: Int, total: Int, current: String, elapsed: Double) -> String {
        var line = "write area \(min(done + 1, total))/\(total) \(current)"
        if total > 0, let left = timeLeft(fractionDone: Double(done) / Double(total), elapsed: elapsed) {
            line += "  left \(left)"
        }
        return line
    }

    /// What is left at the pace so far, as `m:ss` (or `h:mm:ss`); nil until a little is done.
    static func timeLeft(fractionDone: Double, elapsed: Double) -> String? {
        guard fractionDone >= 0.01, elapsed > 0 else { return nil }
        let seconds = Int((elapsed * (1 - min(fractionDone, 1)) / fractionDone).rounded(.up))
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }

    /// 1234567 → "1,234,567", without a locale.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (number < 0 ? "-" : "") + text
    }

    static func writeToStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
