extension PreparationSteps {
    /// Robyn's window snapping: the data date closest to `target`; on a tie the earlier date.
    public static func closestRow(to target: CalendarDate, in dates: [CalendarDate]) -> Int? {
        var best: Int?
        for (row, date) in dates.enumerated() {
            guard let current = best else {
                best = row
                continue
            }
            if abs(date.days(since: target)) < abs(dates[current].days(since: target)) { best = row }
        }
        return best
    }

    /// `resolve_window`: snaps `start_date` / `end_date` to data dates (Robyn §3.2) and records the window.
    ///
    /// Rows before the window stay as adstock warm-up and rows after it stay unmodelled, as Robyn keeps them (they
    /// also enter Robyn's lambda range and Weibull kernel length); `trim` drops both instead.
    /// - Throws: ``DataError`` when the window holds no data.
    public static func resolveWindow(_ state: inout PreparationState, trim: Bool) throws {
        let rowsIn = state.table.rowCount
        let dates = state.dates
        guard let firstDate = dates.first, let lastDate = dates.last else { return }
        var notes: [Diagnostic] = []
        let start = state.config.startDate ?? firstDate
        let end = state.config.endDate ?? lastDate
        if start > lastDate {
            throw ConfigError(path: "$.start_date", "\(start) is after the last date in the data (\(lastDate))")
        }
        if end < firstDate {
            throw ConfigError(path: "$.end_date", "\(end) is before the first date in the data (\(firstDate))")
        }
        guard var startRow = closestRow(to: start, in: dates), var endRow = closestRow(to: end, in: dates) else { return }
        if endRow < startRow { endRow = startRow }
        if state.config.startDate != nil, dates[startRow] != start {
            notes.append(.note("start_date_snapped", "start_date \(start) snapped to the closest data date \(dates[startRow])", path: "$.start_date"))
        }
        if state.config.endDate != nil, dates[endRow] != end {
            notes.append(.note("end_date_snapped", "end_date \(end) snapped to the closest data date \(dates[endRow])", path: "$.end_date"))
        }
        let windowRows = endRow - startRow + 1
        if windowRows < 10 {
            notes.append(.warning("short_window", "the window has only \(windowRows) rows"))
        }
        if trim {
            state.table = state.table.selectingRows(Array(startRow...endRow))
            notes.append(.info("window_trimmed", "rows outside the window dropped"))
            endRow -= startRow
            startRow = 0
        }
        state.windowRows = startRow...endRow
        let total = state.table.rowCount
        state.manifest.window = .init(
            start: state.dates[startRow], end: state.dates[endRow], rows: endRow - startRow + 1,
            warmupRows: startRow, rowsAfter: total - endRow - 1)
        notes.insert(
            .info(
                "window",
                "window \(state.dates[startRow])…\(state.dates[endRow]): \(endRow - startRow + 1) rows, \(startRow) warm-up rows before, \(total - endRow - 1) after"
            ), at: 0)
        state.record("resolve_window", rowsIn: rowsIn, notes: notes)
    }
}
