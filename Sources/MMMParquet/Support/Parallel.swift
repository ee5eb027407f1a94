import Dispatch
import MMMCore

/// Runs independent column work on all cores. Each result lands in its own slot, so the output (and the error
/// reported: the one of the lowest index) is the same for any number of threads.
enum Parallel {
    /// `body(0) … body(count - 1)`, computed concurrently, in index order.
    /// - Throws: the error of the lowest failing index.
    static func map<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 1 else { return try (0..<count).map(body) }
        let slots = Locked([Result<T, any Error>?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = Result { try body(index) }
            slots.withLock { $0[index] = result }
        }
        let results = slots.withLock { $0 }
        return try results.map { slot in
            guard let slot else { throw ParquetError("internal error: a column was not processed") }
            return try slot.get()
        }
    }
}
