import Synchronization

/// A value shared between threads and guarded by a mutex (the search's workers, progress reporting).
///
/// A thin reference wrapper over the standard library's `Mutex`, so it can be captured by the `@Sendable` closures
/// that `DispatchQueue.concurrentPerform` and task handlers take.
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    /// Creates the lock around an initial value.
    public init(_ value: Value) { mutex = Mutex(value) }

    /// Runs `body` with exclusive access to the value.
    public func withLock<T: Sendable>(_ body: (inout sending Value) throws -> sending T) rethrows -> T {
        try mutex.withLock(body)
    }
}
