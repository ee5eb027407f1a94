/// What the dates of a table say about its cadence: used by preparation and by `mmm-cli data inspect`.
public struct CadenceReport: Sendable, Equatable {
    /// A run of missing periods.
    public struct Gap: Sendable, Equatable {
        /// The last date before the gap.
        public var after: CalendarDate
        /// Missing periods.
        public var missingPeriods: Int
    }

    /// The detected cadence, or nil when the dates are irregular or too few.
    public var cadence: Cadence?
    /// Missing periods between the first and last date.
    public var gaps: [Gap]
    /// Dates that appear more than once.
    public var duplicateDates: Int
    /// For irregular data: the first date whose distance to the previous one does not fit the cadence.
    public var firstIrregularDate: CalendarDate?
    /// ISO weekday shared by every date of weekly data (1 = Monday).
    public var weekday: Int?

    /// Total missing periods.
    public var missingPeriods: Int { gaps.reduce(0) { $0 + $1.missingPeriods } }
}

/// Detects daily, weekly (any fixed weekday) or monthly (dated on the 1st) cadence from the most common distance
/// between consecutive dates, and lists gaps.
///
/// The mode, not the minimum, decides: weekly data with one stray mid-week row is reported as irregular instead of
/// being treated as daily data with six missing days per week.
public enum CadenceDetector {
    /// Analyses dates (any order, duplicates allowed).
    public static func analyse(_ dates: [CalendarDate]) -> CadenceReport {
        let unique = Array(Set(dates)).sorted()
        var report = CadenceReport(cadence: nil, gaps: [], duplicateDates: dates.count - unique.count)
        guard unique.count >= 2 else { return report }
        let diffs = zip(unique.dropFirst(), unique).map { $0.days(since: $1) }
        var counts: [Int: Int] = [:]
        for d in diffs { counts[d, default: 0] += 1 }
        let mode = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 0
        if unique.allSatisfy({ $0.components.day == 1 }), (28...31).contains(mode) {
            report.cadence = .monthly
            for (previous, next) in zip(unique, unique.dropFirst()) {
                let a = previous.components, b = next.components
                let months = (b.year * 12 + b.month) - (a.year * 12 + a.month)
                if months > 1 { report.gaps.append(.init(after: previous, missingPeriods: months - 1)) }
            }
        } else if mode == 7 {
            if let bad = zip(unique.dropFirst(), diffs).first(where: { $0.1 % 7 != 0 }) {
                report.firstIrregularDate = bad.0
                return report
            }
            report.cadence = .weekly
            report.weekday = unique[0].isoWeekday
            for (previous, d) in zip(unique, diffs) where d > 7 {
                report.gaps.append(.init(after: previous, missingPeriods: d / 7 - 1))
            }
        } else if mode == 1 {
            report.cadence = .daily
            for (previous, d) in zip(unique, diffs) where d > 1 {
                report.gaps.append(.init(after: previous, missingPeriods: d - 1))
            }
        } else {
            report.firstIrregularDate = zip(unique.dropFirst(), diffs).first { $0.1 != mode }?.0 ?? unique[1]
        }
        return report
    }
}
