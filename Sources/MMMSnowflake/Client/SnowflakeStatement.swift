import Foundation

/// One SQL statement to run, with optional bindings, timeout and row limit.
public struct SnowflakeStatement: Sendable, Equatable {
    /// The SQL text (one statement; use `?` placeholders for ``bindings``).
    public var sql: String
    /// Positional bindings for `?` placeholders (first element binds `?` number 1).
    public var bindings: [SnowflakeBinding]
    /// Server-side timeout in seconds (`nil` = the account's `STATEMENT_TIMEOUT_IN_SECONDS`). The client also
    /// gives up, and cancels the statement, after this plus ``SnowflakeClientOptions/timeoutGrace``.
    public var timeoutSeconds: Int?
    /// Keep at most this many rows (also sent as `rows_per_resultset`); `nil` keeps all.
    public var rowLimit: Int?
    /// `QUERY_TAG` for the statement (shows up in query history).
    public var queryTag: String?
    /// Other session parameters the SQL API honours (e.g. `timezone`); see the wire notes §1.5.
    public var parameters: [String: String]

    /// Creates a statement.
    /// - Parameters:
    ///   - sql: The SQL text.
    ///   - bindings: Positional bindings.
    ///   - timeoutSeconds: Server-side timeout.
    ///   - rowLimit: Maximum rows to return.
    ///   - queryTag: Query tag.
    ///   - parameters: Extra session parameters.
    public init(
        _ sql: String, bindings: [SnowflakeBinding] = [], timeoutSeconds: Int? = nil, rowLimit: Int? = nil,
        queryTag: String? = nil, parameters: [String: String] = [:]
    ) {
        self.sql = sql
        self.bindings = bindings
        self.timeoutSeconds = timeoutSeconds
        self.rowLimit = rowLimit
        self.queryTag = queryTag
        self.parameters = parameters
    }
}

/// A typed value bound to a `?` placeholder, encoded the way the SQL API expects (values are always strings).
public struct SnowflakeBinding: Sendable, Equatable {
    /// The binding type (`TEXT`, `FIXED`, `REAL`, `BOOLEAN`, `DATE`, `TIMESTAMP_NTZ`, `BINARY`, …).
    public let type: String
    /// The encoded value; `nil` binds SQL NULL.
    public let value: String?

    /// Creates a binding from an already encoded value.
    /// - Parameters:
    ///   - type: The SQL API binding type.
    ///   - value: The encoded value (`nil` for NULL).
    public init(type: String, value: String?) {
        self.type = type
        self.value = value
    }

    /// A text value (also the easiest way to bind dates and times in a format Snowflake auto-detects).
    public static func text(_ value: String) -> Self { Self(type: "TEXT", value: value) }
    /// An integer.
    public static func fixed(_ value: Int64) -> Self { Self(type: "FIXED", value: String(value)) }
    /// An exact decimal written as text, e.g. `"123.45"`.
    public static func decimal(_ value: String) -> Self { Self(type: "FIXED", value: value) }
    /// A floating-point number.
    public static func real(_ value: Double) -> Self { Self(type: "REAL", value: SnowflakeFormat.double(value)) }
    /// A boolean.
    public static func boolean(_ value: Bool) -> Self { Self(type: "BOOLEAN", value: value ? "true" : "false") }
    /// A date given as days since 1970-01-01 (sent as epoch milliseconds, as the API requires).
    public static func date(daysSinceEpoch days: Int32) -> Self {
        Self(type: "DATE", value: String(Int64(days) * 86_400_000))
    }
    /// A `TIMESTAMP_NTZ` (sent as epoch nanoseconds).
    public static func timestampNTZ(_ value: SnowflakeTimestamp) -> Self {
        Self(type: "TIMESTAMP_NTZ", value: nanoseconds(value))
    }
    /// A `TIMESTAMP_LTZ` (sent as epoch nanoseconds).
    public static func timestampLTZ(_ value: SnowflakeTimestamp) -> Self {
        Self(type: "TIMESTAMP_LTZ", value: nanoseconds(value))
    }
    /// Binary data (sent as hex).
    public static func binary(_ value: Data) -> Self { Self(type: "BINARY", value: SnowflakeFormat.hex(value)) }
    /// SQL NULL of a given binding type.
    public static func null(type: String = "TEXT") -> Self { Self(type: type, value: nil) }

    private static func nanoseconds(_ value: SnowflakeTimestamp) -> String {
        // Written digit-wise so instants beyond Int64 nanoseconds (after 2262) still encode exactly.
        let total = value.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if !total.overflow, case let (sum, false) = total.partialValue.addingReportingOverflow(Int64(value.nanoseconds)) {
            return String(sum)
        }
        // seconds·10⁹ + nanoseconds with |seconds| too large for Int64 nanoseconds: write the digits directly.
        var whole = value.seconds.magnitude
        var fraction = Int64(value.nanoseconds)
        if value.seconds < 0, fraction > 0 {
            whole -= 1
            fraction = 1_000_000_000 - fraction
        }
        let digits = String(fraction)
        return (value.seconds < 0 ? "-" : "") + String(whole) + String(repeating: "0", count: 9 - digits.count) + digits
    }
}
