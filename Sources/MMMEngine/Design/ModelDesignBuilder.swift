import MMMCore

/// Builds Robyn's modelling table from prepared data (robyn-semantics §3): baseline terms (fitted or given), context
/// drivers (factors through the baseline fit, or one-hot without it), paid media in spend units, organic drivers.
package enum ModelDesignBuilder {
    /// Builds the model for a prepared state.
    /// - Parameters:
    ///   - state: output of ``DataPreparer`` (must not be skipped).
    ///   - holidays: holiday calendar; nil means the built-in table.
    /// - Throws: ``EngineError``, ``BaselineError`` or ``ConfigError`` when the data cannot form a design.
    package static func build(_ state: PreparationState, holidays: HolidayCalendar? = nil) throws -> PreparedModel {
        let config = state.config
        let table = state.table
        let dates = state.dates
        guard let rows = state.windowRows, let cadence = state.cadence else {
            throw EngineError(.invalidWindow, "The data has no resolved window; run data preparation first.")
        }
        let window = rows.lowerBound..<(rows.upperBound + 1)
        func numbers(_ name: String) throws -> [Double] {
            guard let values = table[name]?.numbers else {
                throw EngineError(.lengthMismatch, "Column '\(name)' is missing or not numeric.")
            }
            return values
        }
        let y = try numbers(config.depVar)
        var notes: [Diagnostic] = []
        var regressors: [Regressor] = []

        // Factors: categorical context columns (configured, or any non-numeric context column, as Robyn does).
        var factorNames = config.factorVars
        for name in config.contextVars where table[name]?.numbers == nil && !factorNames.contains(name) {
            factorNames.append(name)
            notes.append(.note("context_as_factor", "context var '\(name)' is not numeric; treated as a factor", column: name))
        }
        let factors = factorNames.compactMap { name -> BaselineFactor? in
            guard let column = table[name] else { return nil }
            let levels: [String?] = (0..<table.rowCount).map { column.values.isMissing($0) ? nil : column.cellText($0) }
            return BaselineFactor(name: name, values: levels)
        }

        // Baseline: given columns first, then fitted terms (Robyn: prophet vars lead dt_mod).
        for name in config.baselineColumns {
            regressors.append(Regressor(name: name, values: try numbers(name), role: .baseline(isTrend: name == "trend")))
        }
        let terms = config.effectiveBaselineTerms(dailyData: cadence == .daily)
        var baseline: BaselineComponents?
        var factorEffects: [String: [Double]] = [:]
        if !terms.isEmpty {
            let fitted = try BaselineDecomposition.fit(
                dates: dates, y: y, cadence: cadence, terms: terms, holidays: holidays,
                country: terms.contains(.holiday) ? config.effectiveHolidaysCountry : nil, factors: factors)
            baseline = fitted
            notes += fitted.diagnostics.notes.map { .note("baseline", $0) }
            for column in fitted.columns {
                switch column.kind {
                case .term(let term):
                    regressors.append(Regressor(name: term.rawValue, values: column.values, role: .baseline(isTrend: term == .trend)))
                case .factor:
                    factorEffects[column.name] = column.values
                }
            }
        }

        // Context: numbers as they are; factors as their fitted effect, or one-hot dummies without a baseline fit.
        for name in config.contextVars {
            if let effect = factorEffects[name] {
                regressors.append(Regressor(name: name, values: effect, role: .context(sign: .default)))
            } else if let factor = factors.first(where: { $0.name == name }) {
                let dummies = BaselineFactorEncoding.dummies(for: factor)
                if dummies.isEmpty { notes.append(.note("single_level_factor", "factor '\(name)' has a single level; left out", column: name)) }
                for dummy in dummies {
                    regressors.append(Regressor(name: dummy.name, values: dummy.values, role: .context(sign: .default)))
                }
            } else {
                regressors.append(Regressor(name: name, values: try numbers(name), role: .context(sign: .default)))
            }
        }

        // Paid media in spend units: an exposure column is rescaled by the window's cost per exposure (§3.4).
        var cpe: [String: Double] = [:]
        var meanExposure: [String: Double] = [:]
        for pair in config.paidMedia {
            let spend = try numbers(pair.spend)
            var values = try numbers(pair.variable)
            meanExposure[pair.variable] = values[window].reduce(0, +) / Double(window.count)
            if pair.usesExposure {
                let exposureSum = values[window].reduce(0, +)
                guard exposureSum > 0 else {
                    throw EngineError(.mediaZeroInWindow, "Exposure '\(pair.variable)' is 0 on every row of the window.")
                }
                let rate = spend[window].reduce(0, +) / exposureSum
                cpe[pair.variable] = rate
                values = values.map { $0 * rate }
            }
            regressors.append(
                Regressor(name: pair.variable, values: values, role: .paidMedia(spendName: pair.spend, spend: spend, sign: .positive)))
        }
        for name in config.organicVars {
            let values = try numbers(name)
            meanExposure[name] = values[window].reduce(0, +) / Double(window.count)
            regressors.append(Regressor(name: name, values: values, role: .organic(sign: .positive)))
        }

        if window.count < 10 * regressors.count {
            // Robyn's check (§3.1): fewer than 10 rows per independent variable over-fits easily.
            notes.append(
                .warning(
                    "rows_per_variable",
                    "the window has \(window.count) rows for \(regressors.count) variables; Robyn recommends at least 10 rows per variable"
                ))
        }
        let design = try ModelDesign(dependent: y, regressors: regressors, window: window)
        let settings = ModelSettings(
            adstock: config.adstock, tsValidation: config.trainSize.hasValidation, depVarType: config.depVarType)
        return PreparedModel(
            design: design, settings: settings, dates: dates, config: config, baseline: baseline, costPerExposure: cpe,
            meanExposure: meanExposure, notes: notes)
    }
}
