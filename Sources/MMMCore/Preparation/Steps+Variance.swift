extension PreparationSteps {
    /// Whether a column has at most one distinct non-missing value over `rows`.
    public static func isConstant(_ column: Column, rows: ClosedRange<Int>) -> Bool {
        switch column.values {
        case .number(let v):
            let present = rows.map { v[$0] }.filter { !$0.isNaN }
            guard let first = present.first else { return true }
            return present.allSatisfy { $0 == first }
        case .date(let v): return Set(rows.map { v[$0] }).count <= 1
        case .text(let v): return Set(rows.map { v[$0] }).count <= 1
        }
    }

    /// `drop_zero_variance`: drivers that do not vary in the window cannot be estimated (Robyn rejects them); organic
    /// and context drivers are dropped, and so is a paid channel whose spend or var is constant — each with a note.
    public static func dropZeroVariance(_ state: inout PreparationState) {
        let rowsIn = state.table.rowCount
        guard let window = state.windowRows else { return }
        var notes: [Diagnostic] = []
        func constant(_ name: String) -> Bool { state.table[name].map { isConstant($0, rows: window) } ?? false }
        func drop(_ name: String, _ what: String) {
            state.manifest.droppedColumns.append(.init(column: name, reason: "\(what) does not vary in the window"))
            notes.append(.warning("constant_driver_dropped", "\(what) '\(name)' does not vary in the window; dropped", column: name))
        }
        for name in state.config.organicVars where constant(name) { drop(name, "organic var") }
        state.config.organicVars.removeAll(where: constant)
        for name in state.config.baselineColumns where constant(name) { drop(name, "baseline column") }
        state.config.baselineColumns.removeAll(where: constant)
        for name in state.config.contextVars where constant(name) { drop(name, "context var") }
        state.config.contextVars.removeAll(where: constant)
        state.config.factorVars.removeAll { !state.config.contextVars.contains($0) }
        var kept: [MediaPair] = []
        for pair in state.config.paidMedia {
            if constant(pair.spend) {
                drop(pair.spend, "paid media spend")
                if pair.usesExposure {
                    state.manifest.droppedColumns.append(.init(column: pair.variable, reason: "its spend '\(pair.spend)' does not vary"))
                }
            } else if pair.usesExposure, constant(pair.variable) {
                drop(pair.variable, "paid media var")
                state.manifest.droppedColumns.append(.init(column: pair.spend, reason: "its var '\(pair.variable)' does not vary"))
            } else {
                kept.append(pair)
            }
        }
        state.config.paidMedia = kept
        state.record("drop_zero_variance", rowsIn: rowsIn, notes: notes.isEmpty ? [.info("drivers_vary", "every driver varies in the window")] : notes)
    }

    /// `check_skip_rules`: a constant dependent variable, or no paid channel left, means there is nothing to model;
    /// the run is SKIPPED with this reason (not FAILED).
    public static func checkSkipRules(_ state: inout PreparationState) {
        let rowsIn = state.table.rowCount
        guard let window = state.windowRows else { return }
        if let dep = state.table[state.config.depVar], isConstant(dep, rows: window) {
            state.skipReason = "dep_var '\(state.config.depVar)' is constant (\(dep.cellText(window.lowerBound))) in the window \(state.dates[window.lowerBound])…\(state.dates[window.upperBound])"
        } else if state.config.paidMedia.isEmpty {
            state.skipReason = "no paid media spend column varies in the window"
        }
        state.record("check_skip_rules", rowsIn: rowsIn, notes: [
                state.skipReason.map { .info("skip", "skip: " + $0) } ?? .info("modelable", "data can be modelled")
            ])
    }
}
