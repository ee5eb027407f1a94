import Foundation
import MMMTransport

/// Tunables and injectable seams of ``SnowflakeClient``; the defaults suit production.
public struct SnowflakeClientOptions: Sendable {
    /// `User-Agent` product token (Snowflake requires one).
    public var userAgent: String
    /// Submit with `async=true` so a statement handle is known at once and Ctrl-C can always cancel it
    /// (default `true`). With `false`, Snowflake waits up to 45 s and may answer 200 directly.
    public var submitAsynchronously: Bool
    /// Retries of submit (same `requestId`, `retry=true`), status and partition requests on transport errors,
    /// 429 and 5xx.
    public var retryPolicy: RetryPolicy
    /// Delays between status polls of a running statement (`maxAttempts` is ignored).
    public var pollPolicy: RetryPolicy
    /// Per-HTTP-request timeout in seconds.
    public var requestTimeout: TimeInterval
    /// Extra time after a statement's `timeoutSeconds` before the client cancels it itself.
    public var timeoutGrace: Duration
    /// JWT lifetime in seconds (≤ 3600).
    public var tokenLifetime: Int
    /// Re-mint the JWT when fewer than this many seconds remain.
    public var tokenRenewalMargin: Int
    /// Wall clock for JWT `iat`/`exp`.
    public var clock: any WallClock
    /// Asks the user for the key passphrase when the key is encrypted and none was configured (e.g. a TTY prompt
    /// without echo). Return `nil` to give up.
    public var passphrasePrompt: (@Sendable () throws -> SecretValue?)?
    /// Fetches a Secret Manager secret's payload by resource name, for ``SnowflakePrivateKeySource/secretManager(resourceName:)``.
    public var secretFetcher: (@Sendable (String) async throws -> Data)?
    /// Receives one line per HTTP exchange (method, path, status, attempt); never tokens, keys or bodies.
    public var log: (@Sendable (String) -> Void)?

    /// Creates options; every parameter has a production default.
    public init(
        userAgent: String = "mmm-trainer/0.1", submitAsynchronously: Bool = true,
        retryPolicy: RetryPolicy = RetryPolicy(maxAttempts: 6, initialDelay: .milliseconds(500), maxDelay: .seconds(16)),
        pollPolicy: RetryPolicy = RetryPolicy(initialDelay: .milliseconds(250), maxDelay: .seconds(5)),
        requestTimeout: TimeInterval = 120, timeoutGrace: Duration = .seconds(10), tokenLifetime: Int = 3540,
        tokenRenewalMargin: Int = 300, clock: any WallClock = SystemWallClock(),
        passphrasePrompt: (@Sendable () throws -> SecretValue?)? = nil,
        secretFetcher: (@Sendable (String) async throws -> Data)? = nil, log: (@Sendable (String) -> Void)? = nil
    ) {
        self.userAgent = userAgent
        self.submitAsynchronously = submitAsynchronously
        self.retryPolicy = retryPolicy
        self.pollPolicy = pollPolicy
        self.requestTimeout = requestTimeout
        self.timeoutGrace = timeoutGrace
        self.tokenLifetime = tokenLifetime
        self.tokenRenewalMargin = tokenRenewalMargin
        self.clock = clock
        self.passphrasePrompt = passphrasePrompt
        self.secretFetcher = secretFetcher
        self.log = log
    }
}
