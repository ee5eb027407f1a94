import Foundation
import MMMTransport
import Testing

struct RetryPolicyTests {
    struct Flaky: Error, Equatable { let attempt: Int }
    struct Fatal: Error {}

    @Test func baseDelaysDoubleUpToTheCap() {
        let policy = RetryPolicy(initialDelay: .milliseconds(250), maxDelay: .seconds(5), multiplier: 2, jitter: 0)
        let delays = (1...7).map { policy.baseDelay(beforeRetry: $0) }
        #expect(delays == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4),
                           .seconds(5), .seconds(5)])
    }

    @Test func jitterStaysWithinBounds() {
        let policy = RetryPolicy(initialDelay: .seconds(1), maxDelay: .seconds(10), multiplier: 2, jitter: 0.2)
        var generator = SystemRandomNumberGenerator()
        var seen = Set<Duration>()
        for _ in 0..<200 {
            let delay = policy.delay(beforeRetry: 2, using: &generator)
            #expect(delay >= .milliseconds(1600) && delay <= .milliseconds(2400))
            seen.insert(delay)
        }
        #expect(seen.count > 1)
    }

    @Test func parametersAreClamped() {
        let policy = RetryPolicy(maxAttempts: 0, multiplier: 0.5, jitter: 3)
        #expect(policy.maxAttempts == 1)
        #expect(policy.multiplier == 1)
        #expect(policy.jitter == 1)
    }

    @Test func retriesUntilSuccess() async throws {
        let policy = RetryPolicy(maxAttempts: 5, initialDelay: .milliseconds(1), maxDelay: .milliseconds(2))
        var attempts: [Int] = []
        let value = try await policy.run { attempt -> RetryStep<String> in
            attempts.append(attempt)
            return attempt < 3 ? .retry(because: Flaky(attempt: attempt)) : .finished("ok \(attempt)")
        }
        #expect(value == "ok 3")
        #expect(attempts == [1, 2, 3])
    }

    @Test func throwsTheLastErrorWhenAttemptsRunOut() async throws {
        let policy = RetryPolicy(maxAttempts: 3, initialDelay: .milliseconds(1), maxDelay: .milliseconds(1))
        var count = 0
        let error = try await #require(throws: Flaky.self) {
            _ = try await policy.run { attempt -> RetryStep<Int> in
                count += 1
                return .retry(after: .milliseconds(1), because: Flaky(attempt: attempt))
            }
        }
        #expect(error == Flaky(attempt: 3))
        #expect(count == 3)
    }

    @Test func nonRetryableErrorsPropagateAtOnce() async throws {
        let policy = RetryPolicy(maxAttempts: 5, initialDelay: .milliseconds(1))
        var count = 0
        await #expect(throws: Fatal.self) {
            _ = try await policy.run { _ -> RetryStep<Int> in
                count += 1
                throw Fatal()
            }
        }
        #expect(count == 1)
    }

    @Test func cancellationStopsTheWait() async throws {
        let policy = RetryPolicy(maxAttempts: 5, initialDelay: .seconds(30), maxDelay: .seconds(30), jitter: 0)
        let task = Task {
            try await policy.run { attempt -> RetryStep<Int> in .retry(because: Flaky(attempt: attempt)) }
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
