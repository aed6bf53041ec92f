import Foundation

/// How long each stage of a run took, for `khet run --timings`: seconds and, where the stage
/// handles countable items, items per second. Stages run by several workers add up their
/// workers' time, so the table also gives the wall time of the parallel part. Thread-safe.
final class StageTimings: @unchecked Sendable {
    struct Stage {
        var name: String
        var seconds: Double
        var items: Int
        var unit: String
    }

    private let lock = NSLock()
    private(set) var stages: [Stage] = []

    /// Adds `seconds` and `items` to the stage `name` (created in the order first seen).
    func add(_ name: String, seconds: Double, items: Int = 0, unit: String = "") {
        lock.lock(); defer { lock.unlock() }
        if let index = stages.firstIndex(where: { $0.name == name }) {
            stages[index].seconds += seconds
            stages[index].items += items
        } else {
            stages.append(Stage(name: name, seconds: seconds, items: items, unit: unit))
        }
    }

    /// Runs `body` and adds its time to `name`.
    func measure<T>(_ name: String, items: Int = 0, unit: String = "", _ body: () throws -> T) rethrows -> T {
        let begin = ProgressDisplay.monotonicSeconds()
        defer { add(name, seconds: ProgressDisplay.monotonicSeconds() - begin, items: items, unit: unit) }
        return try body()
    }

    /// The table, one stage a line.
    func table() -> String {
        lock.lock(); defer { lock.unlock() }
        var lines = ["stage                      seconds        items       items/s"]
        for stage in stages {
            let name = stage.name.padding(toLength: 24, withPad: " ", startingAt: 0)
            let seconds = String(format: "%9.3f", stage.seconds)
            var line = "\(name) \(seconds)"
            if stage.items > 0 {
                let itemsPerSecond = stage.seconds > 0 ? Double(stage.items) / stage.seconds : 0
                line += String(format: " %12d %13.0f ", stage.items, itemsPerSecond) + stage.unit
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
