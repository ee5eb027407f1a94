import Foundation

/// Exponential backoff with jitter, shared by API clients for retries and for status polling.
///
/// The delay before retry *n* (1-based) is `initialDelay × multiplier^(n−1)`, capped at `maxDelay`, then
/// scaled by a random factor in `1 ± jitter`.
public struct RetryPolicy: Sendable, Equatable {
    /// Total attempts including the first one (≥ 1).
    public var maxAttempts: Int
    /// Delay before the first retry.
    public var initialDelay: Duration
    /// Upper bound of any single delay (before jitter).
    public var maxDelay: Duration
    /// Growth factor between consecutive delays.
    public var multiplier: Double
    /// Relative jitter in 0…1 (0.2 means ±20 %).
    public var jitter: Double

    /// Creates a policy.
    /// - Parameters:
    ///   - maxAttempts: Total attempts including the first (clamped to ≥ 1).
    ///   - initialDelay: Delay before the first retry.
    ///   - maxDelay: Cap on a single delay.
    ///   - multiplier: Growth factor (clamped to ≥ 1).
    ///   - jitter: Relative jitter (clamped to 0…1).
    public init(
        maxAttempts: Int = 5, initialDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(5),
        multiplier: Double = 2, jitter: Double = 0.2
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.multiplier = max(1, multiplier)
        self.jitter = min(1, max(0, jitter))
    }

    /// The delay before retry number `retry` (1 = first retry), without jitter.
    /// - Parameter retry: The 1-based retry number.
    /// - Returns: The capped exponential delay.
    public func baseDelay(beforeRetry retry: Int) -> Duration {
        let exponent = Double(max(0, retry - 1))
        let seconds = initialDelay.seconds * pow(multiplier, exponent)
        return .seconds(min(seconds, maxDelay.seconds))
    }

    /// The delay before retry number `retry`, with jitter drawn from `generator`.
    /// - Parameters:
    ///   - retry: The 1-based retry number.
    ///   - generator: Source of randomness for the jitter.
    /// - Returns: A non-negative delay.
    public func delay(beforeRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let base = baseDelay(beforeRetry: retry).seconds
        guard jitter > 0 else { return .seconds(base) }
        let factor = Double.random(in: (1 - jitter)...(1 + jitter), using: &generator)
        return .seconds(max(0, base * factor))
    }

    /// Runs `body` until it finishes, asks for no more retries, or attempts run out.
    ///
    /// - Parameter body: Called with the 1-based attempt number; returns ``RetryStep/finished(_:)`` with a value
    ///   or ``RetryStep/retry(after:because:)`` with the error to throw if no attempt is left.
    /// - Returns: The value of the first finished attempt.
    /// - Throws: The error of the last attempt when attempts run out, any error `body` throws (not retried),
    ///   or `CancellationError` when the task is cancelled while waiting.
    public func run<Value: Sendable>(_ body: (_ attempt: Int) async throws -> RetryStep<Value>) async throws -> Value {
        var generator = SystemRandomNumberGenerator()
        var attempt = 1
        while true {
            switch try await body(attempt) {
            case .finished(let value):
                return value
            case .retry(let requested, let error):
                guard attempt < maxAttempts else { throw error }
                let wait = requested ?? delay(beforeRetry: attempt, using: &generator)
                try await Task.sleep(for: min(wait, maxDelay))
                attempt += 1
            }
        }
    }
}

/// The outcome of one attempt inside ``RetryPolicy/run(_:)``.
public enum RetryStep<Value: Sendable>: Sendable {
    /// The attempt produced the final value.
    case finished(Value)
    /// The attempt failed in a retryable way; `after` overrides the backoff (e.g. from `Retry-After`).
    case retry(after: Duration? = nil, because: any Error)
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
