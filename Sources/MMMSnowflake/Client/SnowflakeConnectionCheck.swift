import Foundation

/// What `testConnection()` found: the session Snowflake actually gave this key, user and role.
public struct SnowflakeConnectionCheck: Sendable, Equatable {
    /// `CURRENT_ACCOUNT()`.
    public let account: String?
    /// `CURRENT_USER()`.
    public let user: String?
    /// `CURRENT_ROLE()`.
    public let role: String?
    /// `CURRENT_WAREHOUSE()` (`nil` when none is in use).
    public let warehouse: String?
    /// `CURRENT_DATABASE()`.
    public let database: String?
    /// `CURRENT_SCHEMA()`.
    public let schema: String?
    /// `CURRENT_VERSION()`.
    public let version: String?
    /// `CURRENT_TIMESTAMP()` on the server, as an ISO 8601 instant.
    public let currentTime: String?
    /// The public key fingerprint used (compare with `DESC USER` → `RSA_PUBLIC_KEY_FP`).
    public let fingerprint: String
    /// The API origin that answered.
    public let baseURL: URL
}

extension SnowflakeClient {
    /// The statement ``testConnection()`` runs.
    public static let connectionCheckSQL =
        "SELECT CURRENT_ACCOUNT(), CURRENT_USER(), CURRENT_ROLE(), CURRENT_WAREHOUSE(), CURRENT_DATABASE(), "
        + "CURRENT_SCHEMA(), CURRENT_VERSION(), CURRENT_TIMESTAMP()"

    /// Authenticates and runs a one-row query reporting the session's account, user, role, warehouse, database,
    /// schema, version and server time.
    /// - Returns: What Snowflake reported.
    /// - Throws: ``SnowflakeError`` (typically ``SnowflakeError/Kind/authentication`` for key problems).
    public func testConnection() async throws -> SnowflakeConnectionCheck {
        let result = try await execute(SnowflakeStatement(Self.connectionCheckSQL, timeoutSeconds: 60, rowLimit: 1))
        guard result.rowCount == 1, result.columns.count == 8 else {
            throw SnowflakeError(kind: .invalidResponse,
                                 message: "the connection check returned \(result.rowCount) rows × \(result.columns.count) columns",
                                 statementHandle: result.statementHandle, requestID: result.requestID)
        }
        let values = result.columns.map { $0.formattedValue(at: 0) }
        return SnowflakeConnectionCheck(
            account: values[0], user: values[1], role: values[2], warehouse: values[3], database: values[4],
            schema: values[5], version: values[6], currentTime: values[7], fingerprint: authenticator.fingerprint,
            baseURL: configuration.baseURL)
    }
}
