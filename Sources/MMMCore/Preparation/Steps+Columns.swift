extension PreparationSteps {
    /// `check_columns`: every column the configuration names exists, and the ones that must be numbers are.
    /// - Throws: ``DataError`` naming the column (and, for a non-number, the row and value).
    public static func checkColumns(_ state: inout PreparationState) throws {
        let rowsIn = state.table.rowCount
        let config = state.config
        func require(_ name: String, role: String, hint: String? = nil) throws {
            guard state.table.index(of: name) == nil else { return }
            var suggestion = hint
            if let i = state.table.indexIgnoringCase(name) {
                suggestion = "the data has '\(state.table.columns[i].name)'; names are case-sensitive"
            } else if let spaced = state.table.columnNames.first(where: { $0.trimmingCharactersInSet() == name }) {
                suggestion = "the data has '\(spaced)' (with surrounding spaces); fix the header"
            }
            throw state.error(
                .missingColumn(name), "\(role) '\(name)' is not in the data",
                hint: suggestion ?? "columns are: \(state.table.columnNames.joined(separator: ", "))")
        }
        try require(config.depVar, role: "dep_var")
        for pair in config.paidMedia {
            if pair.usesExposure {
                try require(pair.variable, role: "paid media var")
                try require(
                    pair.spend, role: "spend column of paid media var '\(pair.variable)'",
                    hint: "every media var needs its spend column in the data")
            } else {
                try require(pair.spend, role: "paid media spend")
            }
        }
        for name in config.organicVars { try require(name, role: "organic var") }
        for name in config.baselineColumns { try require(name, role: "baseline column") }
        for name in config.contextVars { try require(name, role: "context var") }
        for name in state.numericRoleColumns {
            guard let column = state.table[name] else { continue }
            switch column.values {
            case .number: continue
            case .date:
                throw state.error(.notANumber, "holds dates, but its role needs numbers", column: name)
            case .text(let values):
                let sample = column.firstNonNumeric ?? values.enumerated().first { $0.element != nil }
                    .map { CellSample(row: $0.offset, value: $0.element ?? "") }
                throw state.error(
                    .notANumber, "value '\(sample?.value ?? "")' is not a number", row: sample?.row, column: name,
                    hint: numberHint(sample?.value ?? "", decimal: config.csv?.decimal ?? .point))
            }
        }
        state.record("check_columns", rowsIn: rowsIn, notes: [
                .info(
                    "columns_present",
                    "all \(Set(state.numericRoleColumns + config.contextVars).count) configured columns present")
            ])
    }

    /// What to say about a cell that is not a number: the option that fixes a decimal-mark mismatch, else the rule.
    static func numberHint(_ value: String, decimal: CSVDecimalMark) -> String {
        let other: CSVDecimalMark = decimal == .point ? .comma : .point
        if value.contains(other.rawValue), NumberParser.parse(value, decimalMark: other.byte) != nil {
            return other == .comma
                ? "it has a decimal comma: read the file with csv.decimal ',' (config \"csv\": {\"decimal\": \",\"}, flag --decimal-comma)"
                : "csv.decimal is ',' but this number has a decimal point: remove csv.decimal (flag --decimal-comma) or fix the cell"
        }
        let mark = decimal == .point ? "'.' as decimal point" : "',' as decimal mark (csv.decimal)"
        return "fix the cell (numbers use \(mark) and no thousands separators)"
    }

    /// `select_columns`: keeps the date, the dependent variable and the drivers, in that order; lists the rest.
    public static func selectColumns(_ state: inout PreparationState) throws {
        let rowsIn = state.table.rowCount
        let config = state.config
        var keep: [String] = []
        func add(_ name: String?) {
            if let name, !keep.contains(name), state.table.index(of: name) != nil { keep.append(name) }
        }
        add(state.dateColumn)
        add(config.depVar)
        config.baselineColumns.forEach { add($0) }
        for pair in config.paidMedia { add(pair.spend) }
        for pair in config.paidMedia where pair.usesExposure { add(pair.variable) }
        config.organicVars.forEach { add($0) }
        config.contextVars.forEach { add($0) }
        let kept = Set(keep)
        let alreadyListed = Set(state.manifest.droppedColumns.map(\.column))
        for name in state.table.columnNames where !kept.contains(name) && !alreadyListed.contains(name) {
            state.manifest.droppedColumns.append(.init(column: name, reason: "not used by the configuration"))
        }
        state.table = try DataTable(columns: keep.compactMap { state.table[$0] })
        state.record("select_columns", rowsIn: rowsIn, notes: [.info("columns_kept", "kept \(keep.count) columns")])
    }
}
