import Foundation

/// A value guarded by a lock, shared between the search's worker threads.
///
/// `@unchecked Sendable` is sound here: every access to `value` goes through `withLock`. (The Synchronization
/// module's `Mutex` needs macOS 15, above this package's deployment target.)
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
