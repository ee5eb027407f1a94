import Dispatch

/// Runs CPU-heavy test work on a Dispatch thread and awaits it, so a test never holds one of Swift concurrency's
/// cooperative threads (two on this machine) for seconds while other suites' async tests need them.
enum OffPool {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try body() }) }
        }
    }
}
