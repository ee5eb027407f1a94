extension PreparationSteps {
    /// `detect_cadence`: daily, weekly or monthly, from the dates.
    /// - Throws: ``DataError`` when there are fewer than 2 dates or they are irregular.
    public static func detectCadence(_ state: inout PreparationState) throws {
        let rowsIn = state.table.rowCount
        let report = CadenceDetector.analyse(state.dates)
        guard let cadence = report.cadence else {
            if state.table.rowCount < 2 {
                throw state.error(.irregularDates, "at least 2 dates are needed", column: state.dateColumn)
            }
            let row = report.firstIrregularDate.flatMap { d in state.dates.firstIndex(of: d) }
            throw state.error(
                .irregularDates,
                "dates are not daily, weekly or monthly (first irregular date: \(report.firstIrregularDate?.description ?? "?"))",
                row: row, column: state.dateColumn,
                hint: "weekly data must keep one weekday; monthly data must be dated on the 1st")
        }
        state.cadence = cadence
        var note = "cadence \(cadence.rawValue)"
        if let weekday = report.weekday { note += ", weeks start on ISO weekday \(weekday)" }
        state.record("detect_cadence", rowsIn: rowsIn, notes: [.info("cadence", note)])
    }

    /// `fill_gaps`: adds a row for every missing day, week or month between the first and last date. Cells of added
    /// rows are missing; `fill_missing_values` (after resampling, so means and minima are not dragged down by
    /// invented zeros) sets the numbers the model uses to 0.
    public static func fillGaps(_ state: inout PreparationState) throws {
        let rowsIn = state.table.rowCount
        guard let cadence = state.cadence, let dateColumn = state.dateColumn else { return }
        let dates = state.dates
        let report = CadenceDetector.analyse(dates)
        guard !report.gaps.isEmpty else {
            state.record("fill_gaps", rowsIn: rowsIn, notes: [.info("no_gaps", "no missing \(cadence.rawValue) periods")])
            return
        }
        // Source row per output row; nil for an inserted period.
        var plan: [(CalendarDate, Int?)] = []
        for (row, date) in dates.enumerated() {
            if let previous = plan.last?.0 {
                var next = cadence.next(after: previous)
                while next < date {
                    plan.append((next, nil))
                    next = cadence.next(after: next)
                }
            }
            plan.append((date, row))
        }
        let columns = state.table.columns.map { column -> Column in
            if column.name == dateColumn { return Column(name: column.name, values: .date(plan.map { $0.0 })) }
            switch column.values {
            case .number(let v): return Column(name: column.name, values: .number(plan.map { $0.1.map { v[$0] } ?? .nan }))
            case .date(let v): return Column(name: column.name, values: .date(plan.map { $0.1.flatMap { v[$0] } }))
            case .text(let v): return Column(name: column.name, values: .text(plan.map { $0.1.flatMap { v[$0] } }))
            }
        }
        let lines = state.table.sourceLines
        state.table = try DataTable(
            columns: columns, sourceLines: lines.isEmpty ? [] : plan.map { $0.1.map { lines[$0] } ?? 0 })
        let examples = report.gaps.prefix(3).map { "after \($0.after): \($0.missingPeriods)" }.joined(separator: "; ")
        var notes: [Diagnostic] = [
            .warning(
                "missing_periods",
                "\(report.missingPeriods) missing \(cadence.rawValue) periods added as empty rows (\(examples))")
        ]
        let added = plan.filter { $0.1 == nil }.map(\.0)
        if cadence == .daily, !added.isEmpty, added.allSatisfy({ $0.isoWeekday >= 6 }) {
            notes.append(
                .warning(
                    "weekday_only_data",
                    "the data has no weekend rows; \(added.count) weekend days were added — consider resample_freq W, or the model treats them as days without any response"
                ))
        }
        state.record("fill_gaps", rowsIn: rowsIn, notes: notes)
    }

    /// `fill_missing_values`: empty cells in the numeric columns the model uses (including rows added for gaps)
    /// become 0, with a warning per column; for the dependent variable that means "no response" on those periods.
    public static func fillMissingValues(_ state: inout PreparationState) {
        let rowsIn = state.table.rowCount
        var notes: [Diagnostic] = []
        for name in state.numericRoleColumns {
            guard let values = state.table[name]?.numbers else { continue }
            let missing = values.indices.filter { values[$0].isNaN }
            guard !missing.isEmpty else { continue }
            let filled = values.map { $0.isNaN ? 0 : $0 }
            try? state.table.setColumn(Column(name: name, values: .number(filled)))
            let first = state.dates.indices.contains(missing[0]) ? state.dates[missing[0]].description : "?"
            let role = name == state.config.depVar ? " (dep_var: these periods are modelled as zero response)" : ""
            notes.append(
                .warning(
                    "empty_cells_zeroed", "column '\(name)' had \(missing.count) empty cells (first on \(first)); set to 0\(role)",
                    column: name))
        }
        state.record("fill_missing_values", rowsIn: rowsIn, notes: notes.isEmpty ? [.info("no_empty_cells", "no empty cells")] : notes)
    }

    /// `fix_negative_drivers`: paid media (spends and vars) and organic drivers cannot be negative (Robyn requires
    /// paid media ≥ 0; a negative organic value makes saturation undefined). A column whose values are all ≤ 0 (costs
    /// exported as negatives) is replaced by its absolute value, as Robyn does; otherwise negative cells (refunds,
    /// corrections) become 0. Each change is a warning naming the column, count, first date and sum.
    public static func fixNegativeDrivers(_ state: inout PreparationState) {
        let rowsIn = state.table.rowCount
        var notes: [Diagnostic] = []
        var names: [String] = []
        for name in state.config.paidMedia.flatMap({ [$0.spend, $0.variable] }) + state.config.organicVars
        where !names.contains(name) {
            names.append(name)
        }
        for name in names {
            guard let values = state.table[name]?.numbers else { continue }
            let negative = values.indices.filter { values[$0] < 0 }
            guard !negative.isEmpty else { continue }
            let total = negative.reduce(0) { $0 + values[$1] }
            let first = state.dates[negative[0]]
            if values.allSatisfy({ $0.isNaN || $0 <= 0 }) {
                try? state.table.setColumn(Column(name: name, values: .number(values.map { $0.isNaN ? $0 : abs($0) })))
                notes.append(
                    .warning(
                        "negative_column_absolute",
                        "every value of '\(name)' is ≤ 0 (\(negative.count) negative, first on \(first)); using absolute values, as Robyn does",
                        column: name))
            } else {
                try? state.table.setColumn(Column(name: name, values: .number(values.map { $0 < 0 ? 0 : $0 })))
                notes.append(
                    .warning(
                        "negative_values_zeroed",
                        "column '\(name)' had \(negative.count) negative values (first on \(first), sum \(NumberFormatting.shortest(total))); set to 0",
                        column: name))
            }
        }
        state.record("fix_negative_drivers", rowsIn: rowsIn, notes: notes.isEmpty ? [.info("no_negative_values", "no negative driver values")] : notes)
    }
}
