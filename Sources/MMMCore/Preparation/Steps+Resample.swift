extension PreparationSteps {
    /// `resample`: aggregates to weeks (Monday start) or months when `resample_freq` is W or M.
    /// - Throws: ``ConfigError`` when asked to make data finer (monthly → weekly).
    public static func resample(_ state: inout PreparationState) throws {
        let rowsIn = state.table.rowCount
        let frequency = state.config.resampleFreq
        guard frequency != .none, let cadence = state.cadence, let dateColumn = state.dateColumn else {
            state.record("resample", rowsIn: rowsIn, notes: [.info("not_resampled", "resample_freq none; cadence kept")])
            return
        }
        let target: Cadence = frequency == .weekly ? .weekly : .monthly
        if cadence == .weekly, target == .weekly {
            // Re-labelling Sunday (or any non-Monday) weeks with the Monday before would shift every date.
            state.record(
                "resample", rowsIn: rowsIn, notes: [.info("already_weekly", "the data is already weekly; kept as it is (resample_freq W has nothing to do)")])
            return
        }
        if cadence == .monthly, target == .weekly {
            throw ConfigError(path: "$.resample_freq", "the data is monthly; it cannot be resampled to weeks")
        }
        var notes: [Diagnostic] = []
        let unknown = state.config.columnAggStrategies.keys.filter { state.table.index(of: $0) == nil }.sorted()
        if !unknown.isEmpty {
            notes.append(
                .warning(
                    "unknown_agg_columns",
                    "column_agg_strategies names columns not in the data: \(unknown.joined(separator: ", "))",
                    path: "$.column_agg_strategies"))
        }
        if cadence == .weekly, target == .monthly {
            notes.append(.warning("weeks_in_months", "weekly rows are counted in the month of their first day"))
        }
        let strategies = state.config.columnAggStrategies
        let (table, rowsPerPeriod, periods) = try Resampler.resample(
            state.table, dateColumn: dateColumn, frequency: frequency, strategies: strategies)
        state.table = table
        state.cadence = target
        if cadence == .daily, let first = periods.first, let last = periods.last {
            func expected(_ start: CalendarDate) -> Int {
                target == .weekly ? 7 : CalendarDate.daysInMonth(year: start.components.year, month: start.components.month)
            }
            if let count = rowsPerPeriod.first, count < expected(first) {
                notes.append(.warning("partial_first_period", "the first period (\(first)) has only \(count) of \(expected(first)) days"))
            }
            if periods.count > 1, let count = rowsPerPeriod.last, count < expected(last) {
                notes.append(.warning("partial_last_period", "the last period (\(last)) has only \(count) of \(expected(last)) days"))
            }
        }
        let custom = strategies.filter { table.index(of: $0.key) != nil && $0.value != .sum }
            .sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.rawValue)" }
        notes.insert(
            .info(
                "resampled",
                "resampled \(cadence.rawValue) → \(target.rawValue)\(target == .weekly ? " (weeks start Monday)" : ""); numbers summed"
                    + (custom.isEmpty ? "" : " except \(custom.joined(separator: ", "))")), at: 0)
        state.record("resample", rowsIn: rowsIn, notes: notes)
    }
}
