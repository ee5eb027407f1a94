import Foundation

/// A calendar day for date axes (proleptic Gregorian, no time zone), independent of MMMCore so any layer can chart.
///
/// MMMCore's `CalendarDate` converts with `ChartDate(daysSinceEpoch: date.daysSinceEpoch)`.
public struct ChartDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let daysSinceEpoch: Int

    /// Creates a day from its number.
    /// - Parameter daysSinceEpoch: days since 1970-01-01.
    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// Creates a day from its parts, or nil when the day does not exist (2023-02-29).
    /// - Parameters:
    ///   - year: the year.
    ///   - month: 1–12.
    ///   - day: 1–31.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day),
            let date = Self.calendar.date(from: DateComponents(year: year, month: month, day: day))
        else { return nil }
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let check = ChartDate(daysSinceEpoch: days).components
        guard check.year == year, check.month == month, check.day == day else { return nil }
        self.daysSinceEpoch = days
    }

    /// Parses `YYYY-MM-DD`, or returns nil.
    /// - Parameter iso: the date text.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// UTC Gregorian calendar: the same answer on every machine.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// Year, month (1–12) and day (1–31).
    public var components: (year: Int, month: Int, day: Int) {
        let date = Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86_400)
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = components
        return "\(c.year)-\(Self.twoDigits(c.month))-\(Self.twoDigits(c.day))"
    }

    /// The day `days` later.
    func adding(days: Int) -> ChartDate { ChartDate(daysSinceEpoch: daysSinceEpoch + days) }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Earlier dates sort first.
    public static func < (lhs: ChartDate, rhs: ChartDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }
}
