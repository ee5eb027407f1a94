extension PreparationSteps {
    /// `check_dep_var`: finds the dates whose dependent variable has no value — an empty or `NaN` cell, or a date
    /// that `fill_gaps` added because the data skipped it — and applies `missing_dep_var`:
    /// - `error` (default): a ``DataError`` naming the first dates and the count;
    /// - `zero`: the value becomes 0 on those dates (before resampling), with a warning;
    /// - `drop`: they keep no value; `resample` then builds each period from the dates that have one, and
    ///   ``dropMissingDepVar(_:)`` trims periods left without any.
    ///
    /// Runs after `fill_gaps` and before `resample`, on the data's own cadence, so a missing day counts even when
    /// the days are later summed into weeks.
    /// - Throws: ``DataError`` with reason `.missingValues` under `error`.
    public static func checkDepVar(_ state: inout PreparationState) throws {
        let rowsIn = state.table.rowCount
        let name = state.config.depVar
        guard let values = state.table[name]?.numbers else { return }
        let missing = values.indices.filter { values[$0].isNaN }
        guard !missing.isEmpty else {
            state.record("check_dep_var", rowsIn: rowsIn, notes: [.info("dep_var_complete", "dep_var '\(name)' has a value on every date")])
            return
        }
        let what = describeMissing(missing, in: state)
        switch state.config.missingDepVar {
        case .error:
            let located = missing.first { state.table.sourceLine(ofRow: $0) != nil } ?? missing[0]
            throw state.error(
                .missingValues, "dep_var has no value on \(what)", row: located, column: name,
                hint: "fill them in, or set missing_dep_var in the config (flag --missing-dep-var): \"zero\" models them "
                    + "as no response, \"drop\" leaves them out (docs/contracts.md)")
        case .zero:
            try state.table.setColumn(Column(name: name, values: .number(values.map { $0.isNaN ? 0 : $0 })))
            state.record(
                "check_dep_var", rowsIn: rowsIn,
                notes: [
                    .warning(
                        "missing_dep_var_zeroed",
                        "dep_var '\(name)' has no value on \(what); missing_dep_var zero: modelled as zero response",
                        column: name, path: "$.missing_dep_var")
                ])
        case .drop:
            let resampling = state.config.resampleFreq != .none
                && !(state.cadence == .weekly && state.config.resampleFreq == .weekly)
            let how = resampling
                ? "each resampled period is built from the dates that have a value; periods without any are trimmed"
                : "they are trimmed at the start and end of the data"
            state.record(
                "check_dep_var", rowsIn: rowsIn,
                notes: [
                    .warning(
                        "missing_dep_var_dropped", "dep_var '\(name)' has no value on \(what); missing_dep_var drop: \(how)",
                        column: name, path: "$.missing_dep_var")
                ])
        }
    }

    /// `drop_missing_dep_var` (only under `missing_dep_var: drop`, after `resample`): removes the leading and
    /// trailing periods whose dependent variable has no value. Removing one inside the series would make the periods
    /// before and after it look consecutive to adstock, so that stays an error.
    /// - Throws: ``DataError`` for a period inside the series, or when no period has a value.
    public static func dropMissingDepVar(_ state: inout PreparationState) throws {
        guard state.config.missingDepVar == .drop else { return }
        let rowsIn = state.table.rowCount
        let name = state.config.depVar
        guard let values = state.table[name]?.numbers else { return }
        let leading = values.prefix { $0.isNaN }.count
        guard leading < values.count else {
            throw state.error(.noRowsLeft, "dep_var has no value on any date", column: name, hint: "check the column")
        }
        let trailing = values.reversed().prefix { $0.isNaN }.count
        let inside = (leading..<(values.count - trailing)).filter { values[$0].isNaN }
        if !inside.isEmpty {
            throw state.error(
                .missingValues, "dep_var has no value on \(describeMissing(inside, in: state)) inside the series",
                row: inside.first { state.table.sourceLine(ofRow: $0) != nil }, column: name,
                hint: "missing_dep_var drop only leaves out periods at the start or end, because adstock needs "
                    + "consecutive periods; fill them in, use missing_dep_var zero, or resample (resample_freq W or M)")
        }
        guard leading + trailing > 0 else {
            state.record("drop_missing_dep_var", rowsIn: rowsIn, notes: [.info("dep_var_every_period", "every period has a dep_var value")])
            return
        }
        let dates = state.dates
        func span(_ rows: Range<Int>) -> String {
            rows.count == 1 ? dates[rows.lowerBound].description : "\(dates[rows.lowerBound])…\(dates[rows.upperBound - 1])"
        }
        var parts: [String] = []
        if leading > 0 { parts.append("\(leading) at the start (\(span(0..<leading)))") }
        if trailing > 0 { parts.append("\(trailing) at the end (\(span((values.count - trailing)..<values.count)))") }
        state.table = state.table.selectingRows(Array(leading..<(values.count - trailing)))
        state.record(
            "drop_missing_dep_var", rowsIn: rowsIn,
            notes: [
                .warning(
                    "periods_without_dep_var",
                    "left out \(leading + trailing) periods without a dep_var value: \(parts.joined(separator: ", "))")
            ])
    }

    /// "3 dates (1 empty or NaN cell, 2 dates missing from the data): 2024-01-04, 2024-01-05, 2024-01-09".
    static func describeMissing(_ rows: [Int], in state: PreparationState) -> String {
        let dates = state.dates
        let shown = rows.prefix(5).map { dates.indices.contains($0) ? dates[$0].description : "?" }
        let list = shown.joined(separator: ", ") + (rows.count > shown.count ? ", …" : "")
        let noun = rows.count == 1 ? "date" : "dates"
        guard !state.table.sourceLines.isEmpty else { return "\(rows.count) \(noun): \(list)" }
        let cells = rows.filter { state.table.sourceLine(ofRow: $0) != nil }.count
        let absent = rows.count - cells
        var kinds: [String] = []
        if cells > 0 { kinds.append("\(cells) empty or NaN \(cells == 1 ? "cell" : "cells")") }
        if absent > 0 { kinds.append("\(absent) \(absent == 1 ? "date" : "dates") missing from the data") }
        return "\(rows.count) \(noun) (\(kinds.joined(separator: ", "))): \(list)"
    }
}
