/// Calendar-aligned ticks for a date axis: days, Monday-aligned weeks, months, quarters or years, whichever is
/// the finest whose labels fit the axis width.
public struct DateTicks: Sendable, Equatable {
    /// Tick dates, ascending, inside the requested span.
    public let dates: [ChartDate]
    /// One label per tick (`2024-01-15`, `Jan 2024` or `2024`).
    public let labels: [String]

    private enum Unit { case day, month, year }

    private static let candidates: [(Unit, Int)] = [
        (.day, 1), (.day, 2), (.day, 7), (.day, 14), (.month, 1), (.month, 2), (.month, 3), (.month, 6),
        (.year, 1), (.year, 2), (.year, 5), (.year, 10), (.year, 20), (.year, 50), (.year, 100),
    ]

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Chooses ticks for `from...to` on an axis `width` units wide.
    /// - Parameters:
    ///   - from: first date on the axis.
    ///   - to: last date on the axis.
    ///   - width: axis length in user units.
    ///   - fontSize: label font size (decides how many labels fit).
    public init(from: ChartDate, to: ChartDate, width: Double, fontSize: Double = 11) {
        let lo = min(from, to), hi = max(from, to)
        for (unit, step) in Self.candidates {
            let ticks = Self.ticks(lo, hi, unit, step)
            let labels = ticks.map { Self.label($0, unit) }
            let widest = labels.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
            if Double(ticks.count) * (widest + 14) <= max(width, 1) || (unit == .year && step == 100) {
                // Keep at least the first date labelled when the span holds no aligned tick.
                if ticks.isEmpty {
                    dates = [lo]
                    self.labels = [lo.description]
                } else {
                    dates = ticks
                    self.labels = labels
                }
                return
            }
        }
        dates = [lo]
        labels = [lo.description]
    }

    private static func label(_ date: ChartDate, _ unit: Unit) -> String {
        let c = date.components
        switch unit {
        case .day: return date.description
        case .month: return "\(monthNames[c.month - 1]) \(c.year)"
        case .year: return "\(c.year)"
        }
    }

    private static func ticks(_ lo: ChartDate, _ hi: ChartDate, _ unit: Unit, _ step: Int) -> [ChartDate] {
        var out: [ChartDate] = []
        switch unit {
        case .day:
            // 1970-01-05 was a Monday: weekly ticks fall on Mondays.
            let anchor = step >= 7 ? 4 : 0
            let offset = lo.daysSinceEpoch - anchor
            var day = anchor + Int((Double(offset) / Double(step)).rounded(.up)) * step
            while day <= hi.daysSinceEpoch, out.count <= 400 {
                out.append(ChartDate(daysSinceEpoch: day))
                day += step
            }
        case .month, .year:
            let start = lo.components
            let months = unit == .year ? step * 12 : step
            var index = start.year * 12 + (start.month - 1)
            index = Int((Double(index) / Double(months)).rounded(.up)) * months
            while out.count <= 400 {
                guard let date = ChartDate(year: index / 12, month: index % 12 + 1, day: 1) else { break }
                if date > hi { break }
                if date >= lo { out.append(date) }
                index += months
            }
        }
        return out
    }
}
