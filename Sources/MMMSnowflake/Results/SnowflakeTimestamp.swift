import Foundation

/// A point on the time line with nanosecond precision: seconds since 1970-01-01T00:00:00Z plus nanoseconds.
///
/// Seconds are 64-bit so every Snowflake timestamp (years 0001–9999 and beyond) fits; `nanoseconds` is always in
/// 0..<1_000_000_000, also for instants before 1970 (−1.5 s is `seconds: −2, nanoseconds: 500_000_000`).
public struct SnowflakeTimestamp: Sendable, Hashable, Comparable {
    /// Whole seconds since the epoch (floor).
    public let seconds: Int64
    /// Nanoseconds past `seconds`, in 0..<1_000_000_000.
    public let nanoseconds: Int32

    /// Creates a timestamp, normalising `nanoseconds` into range.
    /// - Parameters:
    ///   - seconds: Seconds since the epoch.
    ///   - nanoseconds: Nanoseconds to add (any sign).
    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        let carry = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
        self.seconds = seconds + carry
        self.nanoseconds = Int32(nanoseconds - carry * 1_000_000_000)
    }

    /// The instant as a Foundation `Date` (sub-microsecond precision is lost).
    public var date: Date {
        Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}

/// A `TIMESTAMP_TZ` value: the instant plus the UTC offset it was recorded with.
public struct SnowflakeTimestampTZ: Sendable, Hashable {
    /// The instant (UTC).
    public let instant: SnowflakeTimestamp
    /// The offset from UTC in minutes (e.g. +60 for UTC+01:00); the wire carries it as minutes + 1440.
    public let offsetMinutes: Int16

    /// Creates a value.
    /// - Parameters:
    ///   - instant: The UTC instant.
    ///   - offsetMinutes: Offset from UTC in minutes.
    public init(instant: SnowflakeTimestamp, offsetMinutes: Int16) {
        self.instant = instant
        self.offsetMinutes = offsetMinutes
    }
}
