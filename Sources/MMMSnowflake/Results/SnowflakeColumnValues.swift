import Foundation

/// The decoded cells of one result column, in row order; `nil` is SQL NULL.
///
/// Which case a column gets depends only on its ``SnowflakeColumnType`` and, for `fixed`, on whether every value
/// fits the 64-bit representation (see ``fixed(scale:unscaled:)``).
public enum SnowflakeColumnValues: Sendable, Equatable {
    /// `fixed` values as unscaled 64-bit integers: the value is `unscaled / 10^scale` exactly.
    /// Integer columns have `scale` 0.
    case fixed(scale: Int, unscaled: [Int64?])
    /// `fixed` values that do not fit ``fixed(scale:unscaled:)`` (more than 18 digits), and every `decfloat`:
    /// the exact decimal text as Snowflake sent it.
    case exactDecimal([String?])
    /// `real` values (`NaN` and ±infinity included).
    case double([Double?])
    /// `text` values (and types this client does not know).
    case text([String?])
    /// `boolean` values.
    case boolean([Bool?])
    /// `date` values as days since 1970-01-01 (negative before).
    case date([Int32?])
    /// `time` values as nanoseconds since midnight.
    case time([Int64?])
    /// `timestamp_ntz` (wall clock read as UTC) and `timestamp_ltz` (instant) values.
    case timestamp([SnowflakeTimestamp?])
    /// `timestamp_tz` values.
    case timestampTZ([SnowflakeTimestampTZ?])
    /// `variant`, `object`, `array`, `map`, `geography`, `geometry` and `vector` values as JSON text.
    case json([String?])
    /// `binary` values.
    case binary([Data?])

    /// The number of rows.
    public var count: Int {
        switch self {
        case .fixed(_, let values): values.count
        case .exactDecimal(let values): values.count
        case .double(let values): values.count
        case .text(let values): values.count
        case .boolean(let values): values.count
        case .date(let values): values.count
        case .time(let values): values.count
        case .timestamp(let values): values.count
        case .timestampTZ(let values): values.count
        case .json(let values): values.count
        case .binary(let values): values.count
        }
    }

    /// Whether the cell at `row` is SQL NULL.
    /// - Parameter row: A row index in `0..<count`.
    public func isNull(at row: Int) -> Bool {
        switch self {
        case .fixed(_, let values): values[row] == nil
        case .exactDecimal(let values): values[row] == nil
        case .double(let values): values[row] == nil
        case .text(let values): values[row] == nil
        case .boolean(let values): values[row] == nil
        case .date(let values): values[row] == nil
        case .time(let values): values[row] == nil
        case .timestamp(let values): values[row] == nil
        case .timestampTZ(let values): values[row] == nil
        case .json(let values): values[row] == nil
        case .binary(let values): values[row] == nil
        }
    }
}

/// One result column: its description and its decoded values.
public struct SnowflakeColumn: Sendable, Equatable {
    /// Name, type, scale and nullability from `rowType`.
    public let description: SnowflakeColumnDescription
    /// The decoded values.
    public let values: SnowflakeColumnValues

    /// Creates a column.
    /// - Parameters:
    ///   - description: The column metadata.
    ///   - values: The decoded values.
    public init(description: SnowflakeColumnDescription, values: SnowflakeColumnValues) {
        self.description = description
        self.values = values
    }

    /// The column name.
    public var name: String { description.name }
    /// The number of rows.
    public var count: Int { values.count }

    /// The cell as a `Double` where that is meaningful (fixed, decimal, real, boolean as 0/1, date as days,
    /// time as seconds, timestamps as epoch seconds); `nil` for NULL and for text, JSON and binary.
    /// - Parameter row: A row index in `0..<count`.
    public func doubleValue(at row: Int) -> Double? {
        switch values {
        case .fixed(let scale, let values): values[row].map { Double($0) / pow(10, Double(scale)) }
        case .exactDecimal(let values): values[row].flatMap { Double($0) }
        case .double(let values): values[row]
        case .boolean(let values): values[row].map { $0 ? 1 : 0 }
        case .date(let values): values[row].map { Double($0) }
        case .time(let values): values[row].map { Double($0) / 1e9 }
        case .timestamp(let values): values[row].map { Double($0.seconds) + Double($0.nanoseconds) / 1e9 }
        case .timestampTZ(let values):
            values[row].map { Double($0.instant.seconds) + Double($0.instant.nanoseconds) / 1e9 }
        case .text, .json, .binary: nil
        }
    }
}
