import Foundation
import MMMCore

extension SnowflakeColumn {
    /// The cell as canonical, lossless text for CSV/JSON writers; `nil` for SQL NULL.
    ///
    /// Formats: fixed → plain decimal with exactly `scale` fraction digits (`-12.50`); real → shortest
    /// round-trip form, `NaN`, `inf`, `-inf`; boolean → `true`/`false`; date → `YYYY-MM-DD`; time →
    /// `HH:MM:SS[.fraction]`; timestamp_ntz → `YYYY-MM-DDTHH:MM:SS[.fraction]`; timestamp_ltz → the same in UTC
    /// with `Z`; timestamp_tz → local wall time with `±HH:MM`; binary → uppercase hex; text and JSON as sent.
    /// Fractions keep nanosecond precision with trailing zeros removed.
    /// - Parameter row: A row index in `0..<count`.
    public func formattedValue(at row: Int) -> String? {
        switch values {
        case .fixed(let scale, let values): values[row].map { SnowflakeFormat.decimal(unscaled: $0, scale: scale) }
        case .exactDecimal(let values): values[row]
        case .double(let values): values[row].map(SnowflakeFormat.double)
        case .text(let values): values[row]
        case .json(let values): values[row]
        case .boolean(let values): values[row].map { $0 ? "true" : "false" }
        case .date(let values): values[row].map { SnowflakeFormat.date(days: Int64($0)) }
        case .time(let values): values[row].map(SnowflakeFormat.time(nanoseconds:))
        case .timestamp(let values):
            values[row].map { SnowflakeFormat.timestamp($0, suffix: description.type == .timestampLTZ ? "Z" : "") }
        case .timestampTZ(let values): values[row].map(SnowflakeFormat.timestampTZ)
        case .binary(let values): values[row].map(SnowflakeFormat.hex)
        }
    }
}

/// Text renderings of decoded Snowflake values (deterministic, locale-independent).
public enum SnowflakeFormat {
    /// `unscaled / 10^scale` as plain decimal text with exactly `scale` fraction digits.
    /// - Parameters:
    ///   - unscaled: The unscaled integer.
    ///   - scale: Fraction digits (≥ 0).
    public static func decimal(unscaled: Int64, scale: Int) -> String {
        guard scale > 0 else { return String(unscaled) }
        let negative = unscaled < 0
        var digits = String(unscaled.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }

    /// A double in shortest round-trip form; `NaN`, `inf` and `-inf` as Snowflake spells them.
    /// - Parameter value: The number.
    public static func double(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }

    /// A proleptic Gregorian date `YYYY-MM-DD` from days since 1970-01-01.
    /// - Parameter days: Days since the epoch (negative before).
    public static func date(days: Int64) -> String {
        CalendarDate(daysSinceEpoch: Int(days)).description
    }

    /// `HH:MM:SS[.fraction]` from nanoseconds since midnight.
    /// - Parameter nanoseconds: Nanoseconds since midnight.
    public static func time(nanoseconds: Int64) -> String {
        let seconds = nanoseconds / 1_000_000_000
        let fraction = nanoseconds % 1_000_000_000
        return clock(seconds) + fractionSuffix(Int32(fraction))
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]` in UTC followed by `suffix`.
    /// - Parameters:
    ///   - timestamp: The instant or wall-clock value.
    ///   - suffix: Appended text, e.g. `Z`.
    public static func timestamp(_ timestamp: SnowflakeTimestamp, suffix: String = "") -> String {
        let days = floorDivide(timestamp.seconds, 86_400)
        let secondOfDay = timestamp.seconds - days * 86_400
        return date(days: days) + "T" + clock(secondOfDay) + fractionSuffix(timestamp.nanoseconds) + suffix
    }

    /// Local wall time of a `TIMESTAMP_TZ` value with its offset, e.g. `2021-03-19T18:06:59+01:00`.
    /// - Parameter value: The value.
    public static func timestampTZ(_ value: SnowflakeTimestampTZ) -> String {
        let local = SnowflakeTimestamp(
            seconds: value.instant.seconds + Int64(value.offsetMinutes) * 60, nanoseconds: Int64(value.instant.nanoseconds))
        let sign = value.offsetMinutes < 0 ? "-" : "+"
        let minutes = Int(value.offsetMinutes.magnitude)
        return timestamp(local) + sign + pad(Int64(minutes / 60), 2) + ":" + pad(Int64(minutes % 60), 2)
    }

    /// Uppercase hex, as Snowflake's default `BINARY_OUTPUT_FORMAT` writes it.
    /// - Parameter data: The bytes.
    public static func hex(_ data: Data) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var output = [UInt8]()
        output.reserveCapacity(data.count * 2)
        for byte in data {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Helpers

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    private static func clock(_ secondOfDay: Int64) -> String {
        pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
    }

    private static func fractionSuffix(_ nanoseconds: Int32) -> String {
        guard nanoseconds > 0 else { return "" }
        var digits = pad(Int64(nanoseconds), 9)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "." + digits
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value.magnitude)
        let padded = text.count < width ? String(repeating: "0", count: width - text.count) + text : text
        return value < 0 ? "-" + padded : padded
    }
}
