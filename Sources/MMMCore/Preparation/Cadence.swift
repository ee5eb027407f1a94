/// How often the data has a row.
public enum Cadence: String, Codable, Sendable, CaseIterable {
    case daily, weekly, monthly

    /// The period's nominal length in days (months: 30), for messages and rough checks.
    public var nominalDays: Int {
        switch self {
        case .daily: return 1
        case .weekly: return 7
        case .monthly: return 30
        }
    }

    /// The period start after `date` (for gap filling).
    public func next(after date: CalendarDate) -> CalendarDate {
        switch self {
        case .daily: return date.adding(days: 1)
        case .weekly: return date.adding(days: 7)
        case .monthly:
            let c = date.components
            let month = c.month == 12 ? 1 : c.month + 1
            let year = c.month == 12 ? c.year + 1 : c.year
            return CalendarDate(year: year, month: month, day: 1) ?? date.adding(days: 31)
        }
    }
}
