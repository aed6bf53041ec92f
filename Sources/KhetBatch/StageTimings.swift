import Foundation

/// How long each stage of a run took, for `khet run --timings`: seconds and, where the stage
/// handles countable items, items per second. Stages run by several workers add up their
/// workers' time, so the table also gives the wall time of the parallel part. Thread-safe.
public final class StageTimings: @unchecked Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double
        public var items: Int
        public var unit: String
    }

    private let lock = NSLock()
    private var recorded: [Stage] = []

    public init() {}

    /// The stages so far, in the order first seen.
    public var stages: [Stage] {
        lock.lock(); defer { lock.unlock() }
        return recorded
    }

    /// Adds `seconds` and `items` to the stage `name` (created in the order first seen).
    public func add(_ name: String, seconds: Double, items: Int = 0, unit: String = "") {
        lock.lock(); defer { lock.unlock() }
        if let index = recorded.firstIndex(where: { $0.name == name }) {
            recorded[index].seconds += seconds
            recorded[index].items += items
        } else {
            recorded.append(Stage(name: name, seconds: seconds, items: items, unit: unit))
        }
    }

    /// Runs `body` and adds its time to `name`.
    public func measure<T>(_ name: String, items: Int = 0, unit: String = "", _ body: () throws -> T) rethrows -> T {
        let begin = MonotonicClock.seconds()
        defer { add(name, seconds: MonotonicClock.seconds() - begin, items: items, unit: unit) }
        return try body()
    }
}
