import Dispatch
import Foundation
import Testing

/// A task executor on Dispatch threads of its own, outside Swift's cooperative pool.
///
/// `swift test` starts every test at once, and the CPU-bound engine tests keep the cooperative pool (one thread per
/// core: two on a 2-core machine) busy for minutes. A network test awaiting a response then waits behind all of them
/// at every `await`. Running it here lets it progress with the operating system's fair share of the CPU instead.
public final class DedicatedThreadsExecutor: TaskExecutor {
    /// One executor for all tests that ask for it; Dispatch adds threads as jobs block.
    public static let shared = DedicatedThreadsExecutor()

    private let queue = DispatchQueue(label: "mmm-tests.dedicated-threads", attributes: .concurrent)

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

/// Runs each test (of a suite, when given to `@Suite`) with ``DedicatedThreadsExecutor`` as its task executor, so
/// its awaits resume without waiting for the cooperative pool (see there).
///
/// Diagnostics for measuring it: `MMM_TEST_DEDICATED_THREADS=0` keeps the tests on the cooperative pool, and
/// `MMM_TEST_SCOPE_TIMING=1` prints each test case's time inside this scope to stderr (`scope-timing <seconds>
/// <test>`): the time the test itself took, without the wait for a pool thread before and after it.
public struct DedicatedThreadsTrait: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
        testCase == nil ? nil : self
    }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let environment = ProcessInfo.processInfo.environment
        let start = ContinuousClock.now
        defer {
            if environment["MMM_TEST_SCOPE_TIMING"] == "1" {
                let elapsed = (ContinuousClock.now - start).components
                let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
                FileHandle.standardError.write(Data("scope-timing \(seconds) \(test.name)\n".utf8))
            }
        }
        if environment["MMM_TEST_DEDICATED_THREADS"] == "0" {
            try await function()
        } else {
            try await withTaskExecutorPreference(DedicatedThreadsExecutor.shared) { try await function() }
        }
    }
}

extension Trait where Self == DedicatedThreadsTrait {
    /// Runs the tests on threads outside Swift's cooperative pool (``DedicatedThreadsExecutor``).
    public static var dedicatedThreads: Self { DedicatedThreadsTrait() }
}
