import Foundation
import MMMTransport

/// Tunables shared by the Google API clients; the defaults follow Google's client libraries.
public struct GoogleClientOptions: Sendable {
    /// `User-Agent` sent with every request.
    public var userAgent: String
    /// Retries of idempotent (or precondition-guarded) calls on 408/429/5xx and transport errors: truncated
    /// exponential backoff with jitter (default 1 s, ×2, capped at 32 s, 6 attempts ≈ 1 minute).
    public var retryPolicy: RetryPolicy
    /// Delays between status polls (Cloud Run operations and executions); `maxAttempts` is ignored.
    public var pollPolicy: RetryPolicy
    /// Timeout in seconds of one metadata/JSON request.
    public var requestTimeout: TimeInterval
    /// Timeout in seconds of one media transfer (a download, or one resumable-upload chunk).
    public var transferTimeout: TimeInterval
    /// Receives one line per HTTP exchange (method, path, status, attempt); never tokens, payloads or bodies.
    public var log: (@Sendable (String) -> Void)?

    /// Creates options; every parameter has a production default.
    public init(
        userAgent: String = "mmm-trainer/0.1",
        retryPolicy: RetryPolicy = RetryPolicy(
            maxAttempts: 6, initialDelay: .seconds(1), maxDelay: .seconds(32), multiplier: 2, jitter: 0.5),
        pollPolicy: RetryPolicy = RetryPolicy(initialDelay: .seconds(1), maxDelay: .seconds(10), multiplier: 1.5),
        requestTimeout: TimeInterval = 60, transferTimeout: TimeInterval = 1800,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.userAgent = userAgent
        self.retryPolicy = retryPolicy
        self.pollPolicy = pollPolicy
        self.requestTimeout = requestTimeout
        self.transferTimeout = transferTimeout
        self.log = log
    }
}
