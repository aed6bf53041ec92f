import Foundation

/// A value shared by worker threads, reached only inside `withLock`. The one place in Khet that
/// vouches for thread safety by hand (`@unchecked`): every access takes the lock, so the
/// compiler's data-race checks hold for everything built on it.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
