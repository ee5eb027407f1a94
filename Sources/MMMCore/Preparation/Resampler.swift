/// Aggregates rows into weeks (starting Monday) or calendar months, each number column with its own strategy.
///
/// Each column's aggregator is chosen before any row is touched; the previous system's R code captured a loop
/// variable lazily and applied the last column's strategy to every column.
public enum Resampler {
    /// The period start of a date.
    public static func periodStart(_ date: CalendarDate, _ frequency: ResampleFrequency) -> CalendarDate {
        switch frequency {
        case .none: return date
        case .weekly: return date.startOfWeek
        case .monthly: return date.startOfMonth
        }
    }

    /// Aggregates one group of values with a strategy; missing values are ignored, an all-missing group is missing.
    public static func aggregate(_ values: [Double], _ strategy: AggregationStrategy) -> Double {
        let present = values.filter { !$0.isNaN }
        guard let first = present.first else { return .nan }
        switch strategy {
        case .sum: return present.reduce(0, +)
        case .mean: return present.reduce(0, +) / Double(present.count)
        case .max: return present.max() ?? first
        case .min: return present.min() ?? first
        case .first: return first
        }
    }

    /// Resamples a table.
    /// - Parameters:
    ///   - table: rows sorted by `dateColumn`.
    ///   - dateColumn: the date column (replaced by the period start).
    ///   - frequency: weekly or monthly.
    ///   - strategies: per-column strategy; others are summed.
    /// - Returns: the resampled table and, per period, how many source rows it had.
    public static func resample(
        _ table: DataTable, dateColumn: String, frequency: ResampleFrequency,
        strategies: [String: AggregationStrategy]
    ) throws -> (table: DataTable, rowsPerPeriod: [Int], periods: [CalendarDate]) {
        guard let dates = table[dateColumn]?.dates else { return (table, [], []) }
        var periods: [CalendarDate] = []
        var groups: [[Int]] = []
        for (row, date) in dates.enumerated() {
            guard let date else { continue }
            let start = periodStart(date, frequency)
            if periods.last == start {
                groups[groups.count - 1].append(row)
            } else {
                periods.append(start)
                groups.append([row])
            }
        }
        let columns = table.columns.map { column -> Column in
            if column.name == dateColumn { return Column(name: column.name, values: .date(periods)) }
            switch column.values {
            case .number(let v):
                let strategy = strategies[column.name] ?? .sum
                return Column(name: column.name, values: .number(groups.map { g in aggregate(g.map { v[$0] }, strategy) }))
            case .date(let v):
                return Column(name: column.name, values: .date(groups.map { g in g.lazy.compactMap { v[$0] }.first }))
            case .text(let v):
                return Column(name: column.name, values: .text(groups.map { g in g.lazy.compactMap { v[$0] }.first }))
            }
        }
        return (try DataTable(columns: columns), groups.map(\.count), periods)
    }
}
