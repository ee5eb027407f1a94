import Foundation
import MMMTransport

/// A Snowflake SQL API v2 client with key-pair authentication.
///
/// ```swift
/// let configuration = try SnowflakeConfigResolver().resolve(SnowflakeConfigFlags(connection: "dev"))
/// let client = try await SnowflakeClient(configuration: configuration)
/// let result = try await client.query("select * from SPEND where WEEK >= ?", bindings: [.text("2024-01-01")])
/// ```
///
/// Cancelling the calling task (e.g. on Ctrl-C) cancels the running statement on the server.
public struct SnowflakeClient: Sendable, CustomReflectable {
    /// The configuration this client talks to.
    public let configuration: SnowflakeConnectionConfiguration
    /// The JWT issuer (exposes the public key fingerprint and the `iss`/`sub` claims).
    public let authenticator: SnowflakeKeyPairAuthenticator
    private let runner: StatementRunner

    /// Loads the private key and prepares the client. No request is sent yet.
    /// - Parameters:
    ///   - configuration: Where and as whom to connect.
    ///   - options: Retries, timeouts, clock, passphrase prompt, Secret Manager fetcher, logging.
    ///   - transport: The HTTP transport (default: the shared URLSession transport).
    /// - Throws: ``PrivateKeyError`` for key problems (missing/wrong passphrase, unreadable file, not RSA),
    ///   ``SnowflakeConfigurationError`` for an unusable key source.
    public init(
        configuration: SnowflakeConnectionConfiguration, options: SnowflakeClientOptions = SnowflakeClientOptions(),
        transport: any HTTPTransport = URLSessionTransport.shared
    ) async throws {
        let key = try await SnowflakePrivateKeyLoader.load(
            configuration.privateKey, passphrase: configuration.privateKeyPassphrase, options: options)
        let authenticator = try SnowflakeKeyPairAuthenticator(
            key: key, account: configuration.account, user: configuration.user, clock: options.clock,
            lifetime: options.tokenLifetime, renewalMargin: options.tokenRenewalMargin)
        let requests = SnowflakeRequestFactory(baseURL: configuration.baseURL, userAgent: options.userAgent,
                                               timeout: options.requestTimeout)
        let exchange = SnowflakeExchange(transport: transport, authenticator: authenticator, requests: requests,
                                         retryPolicy: options.retryPolicy, log: options.log)
        self.configuration = configuration
        self.authenticator = authenticator
        self.runner = StatementRunner(configuration: configuration, options: options, exchange: exchange)
    }

    /// Reflection shows the configuration (which redacts secrets) and the key fingerprint only.
    public var customMirror: Mirror {
        Mirror(self, children: ["configuration": configuration, "fingerprint": authenticator.fingerprint],
               displayStyle: .struct)
    }

    /// Runs a statement and returns every row (up to its row limit) as typed columns.
    /// - Parameter statement: The statement.
    /// - Returns: The typed result.
    /// - Throws: ``SnowflakeError`` (SQL errors, timeouts, cancellation, HTTP and decoding problems).
    public func execute(_ statement: SnowflakeStatement) async throws -> SnowflakeResult {
        try await runner.run(statement)
    }

    /// Runs SQL text with optional bindings, row limit and timeout.
    /// - Parameters:
    ///   - sql: One SQL statement; `?` placeholders take ``SnowflakeBinding`` values in order.
    ///   - bindings: Positional bindings.
    ///   - rowLimit: Maximum rows to return (`nil` for all).
    ///   - timeoutSeconds: Server-side timeout; the client cancels shortly after it too.
    /// - Returns: The typed result.
    /// - Throws: ``SnowflakeError``.
    public func query(
        _ sql: String, bindings: [SnowflakeBinding] = [], rowLimit: Int? = nil, timeoutSeconds: Int? = nil
    ) async throws -> SnowflakeResult {
        try await execute(SnowflakeStatement(sql, bindings: bindings, timeoutSeconds: timeoutSeconds, rowLimit: rowLimit))
    }

    /// Asks Snowflake to cancel a statement by handle (e.g. one started elsewhere).
    /// - Parameter statementHandle: The query id.
    /// - Throws: ``SnowflakeError`` when Snowflake refuses (422 e.g. when it already finished).
    public func cancel(statementHandle: String) async throws {
        guard SnowflakeRequestFactory.isValidHandle(statementHandle) else {
            throw SnowflakeError(kind: .invalidResponse, message: "'\(statementHandle)' is not a statement handle")
        }
        let exchange = runner.exchange
        let response = try await exchange.perform(retryStatuses: SnowflakeExchange.transientStatuses, requestID: nil) {
            token, _ in exchange.requests.cancel(handle: statementHandle, token: token)
        }
        guard response.statusCode == 200 else {
            throw exchange.failure(response, requestID: nil, handle: statementHandle)
        }
    }
}
