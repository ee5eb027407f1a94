import Foundation

/// The one timestamp format for run ids and paths: ISO 8601 basic, UTC, second precision — `20261122T031815Z`.
///
/// Fixed width, so lexical order is chronological; no separators that need escaping in file or object paths; the
/// `Z` makes the zone explicit (the previous system mixed year-less Paris-time stamps with UTC ones).
public struct RunTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int

    /// The timestamp for an instant, truncated to whole seconds.
    public init(_ date: Date) {
        secondsSinceEpoch = Int(date.timeIntervalSince1970.rounded(.down))
    }

    /// The timestamp for whole seconds since the epoch.
    public init(secondsSinceEpoch: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Parses `YYYYMMDDTHHMMSSZ`; nil for anything else.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 16, b[8] == UInt8(ascii: "T"), b[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for i in from..<(from + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = number(0, 4), let mo = number(4, 2), let d = number(6, 2), let h = number(9, 2),
            let mi = number(11, 2), let s = number(13, 2), h < 24, mi < 60, s < 60,
            let day = CalendarDate(year: y, month: mo, day: d)
        else { return nil }
        secondsSinceEpoch = day.daysSinceEpoch * 86400 + h * 3600 + mi * 60 + s
    }

    /// The current time.
    public static func now() -> RunTimestamp { RunTimestamp(Date()) }

    /// The UTC calendar day and time of day.
    var parts: (day: CalendarDate, hour: Int, minute: Int, second: Int) {
        let (days, rest) = secondsSinceEpoch.quotientAndRemainder(dividingBy: 86400)
        let seconds = rest < 0 ? rest + 86400 : rest
        return (CalendarDate(daysSinceEpoch: rest < 0 ? days - 1 : days), seconds / 3600, seconds % 3600 / 60, seconds % 60)
    }

    /// `YYYYMMDDTHHMMSSZ`.
    public var description: String {
        let p = parts
        return p.day.description.replacingOccurrences(of: "-", with: "") + "T" + Self.two(p.hour) + Self.two(p.minute)
            + Self.two(p.second) + "Z"
    }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// The same instant as ISO 8601 extended UTC (`2026-11-22T03:18:15Z`), the format inside JSON files.
    public var iso8601: String { ISOTime.format(Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch))) }

    public static func < (a: RunTimestamp, b: RunTimestamp) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = RunTimestamp(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a run timestamp like 20261122T031815Z")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// ISO 8601 extended UTC times with second precision (`2026-11-22T03:18:15Z`), used inside every JSON we write.
public enum ISOTime {
    /// Formats an instant.
    public static func format(_ date: Date) -> String {
        let p = RunTimestamp(date).parts
        return "\(p.day)T\(RunTimestamp.two(p.hour)):\(RunTimestamp.two(p.minute)):\(RunTimestamp.two(p.second))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z`; nil for other spellings (no offsets: times we write are UTC).
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20, b.last == UInt8(ascii: "Z"), b[10] == UInt8(ascii: "T"),
            let day = DateFormat.isoDate.parse(String(text.prefix(10)))
        else { return nil }
        let time = text.dropFirst(11).dropLast()
        let parts = time.split(separator: ":")
        guard parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]), let s = Double(parts[2]),
            parts[0].count == 2, parts[1].count == 2, h < 24, m < 60, s < 61
        else { return nil }
        return Date(timeIntervalSince1970: Double(day.daysSinceEpoch * 86400 + h * 3600 + m * 60) + s)
    }
}
