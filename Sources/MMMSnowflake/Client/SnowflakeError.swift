/// A failure talking to the Snowflake SQL API or decoding its answer.
///
/// Carries Snowflake's own `code`, `sqlState` and message when the server sent them, plus the statement handle
/// and request id so an administrator can find the query. Never contains tokens, keys or passphrases.
public struct SnowflakeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The failure category (map these to exit codes).
    public enum Kind: String, Sendable, Equatable {
        /// 401: the JWT was rejected, also after one fresh token (wrong key, user, account or clock).
        case authentication
        /// 422: the statement failed to compile or run (SQL error, bad binding, cancelled by someone else).
        case statementFailed
        /// 408, or the client-side deadline passed (the statement was then cancelled).
        case statementTimedOut
        /// The calling task was cancelled (e.g. Ctrl-C); a running statement was cancelled on the server.
        case cancelled
        /// 429 persisted through every retry.
        case rateLimited
        /// 5xx persisted through every retry.
        case serverError
        /// Another unexpected HTTP status (400, 403, 404, 405, 415, …).
        case unexpectedStatus
        /// No HTTP response (connection refused, DNS, timeouts) after every retry.
        case transport
        /// The response could not be understood (not JSON, wrong shape, row counts that do not add up).
        case invalidResponse
        /// Snowflake returned code 391908: the result set is too large for the SQL API.
        case resultTooLarge
    }

    /// The failure category.
    public let kind: Kind
    /// What happened, in words a user can act on (Snowflake's message when it sent one).
    public let message: String
    /// The HTTP status, when a response was received.
    public let httpStatus: Int?
    /// Snowflake's error code (e.g. `000904`, `390144`).
    public let code: String?
    /// The SQLSTATE (e.g. `42000`).
    public let sqlState: String?
    /// The statement handle (query id), when known.
    public let statementHandle: String?
    /// The request id the client generated, when known.
    public let requestID: String?

    /// Creates an error.
    /// - Parameters:
    ///   - kind: The category.
    ///   - message: A human-readable message.
    ///   - httpStatus: The HTTP status, if any.
    ///   - code: Snowflake's code, if any.
    ///   - sqlState: The SQLSTATE, if any.
    ///   - statementHandle: The statement handle, if known.
    ///   - requestID: The request id, if known.
    public init(
        kind: Kind, message: String, httpStatus: Int? = nil, code: String? = nil, sqlState: String? = nil,
        statementHandle: String? = nil, requestID: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.httpStatus = httpStatus
        self.code = code
        self.sqlState = sqlState
        self.statementHandle = statementHandle
        self.requestID = requestID
    }

    public var description: String {
        var text: String
        switch kind {
        case .authentication: text = "Snowflake rejected the key-pair token"
        case .statementFailed: text = "Snowflake statement failed"
        case .statementTimedOut: text = "Snowflake statement timed out"
        case .cancelled: text = "Snowflake statement cancelled"
        case .rateLimited: text = "Snowflake kept answering 429 Too Many Requests"
        case .serverError: text = "Snowflake server error"
        case .unexpectedStatus: text = "unexpected answer from Snowflake"
        case .transport: text = "could not reach Snowflake"
        case .invalidResponse: text = "could not understand Snowflake's answer"
        case .resultTooLarge: text = "Snowflake result too large for the SQL API"
        }
        var details: [String] = []
        if let httpStatus { details.append("HTTP \(httpStatus)") }
        if let code { details.append("code \(code)") }
        if let sqlState { details.append("SQLSTATE \(sqlState)") }
        if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
        text += ": " + message
        if let statementHandle { text += " [statement \(statementHandle)]" }
        if let requestID { text += " [request \(requestID)]" }
        return text
    }
}
