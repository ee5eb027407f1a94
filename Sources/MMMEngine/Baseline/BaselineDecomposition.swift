import MMMCore

/// Robyn's Prophet step, natively: decomposes the dependent variable into trend, yearly season, holidays, weekday,
/// monthly and factor effects with a deterministic, dependency-free re-implementation of Prophet's model.
///
/// The model is Prophet 1.0's as Robyn calls it: y scaled by max |y|; additive; linear growth with 25 potential
/// changepoints in the first 80 % of the rows (Laplace prior, scale 0.05); yearly Fourier order 10 (period 365.25),
/// weekly order 3 (daily data only), optional monthly order 5 (period 30.5), all with normal priors of scale 10;
/// one indicator per holiday (scale 10) and one per factor dummy (scale 10); normal(0, 5) priors on the base rate
/// and offset; half-normal(0.5) on the noise. The fit is the exact MAP (see `BaselineMAPFit`), where Prophet runs
/// Stan's L-BFGS. See docs/baseline.md.
package enum BaselineDecomposition {
    /// Fits the decomposition over all rows.
    ///
    /// - Parameters:
    ///   - dates: one strictly increasing date per row (all rows, not only the modelling window).
    ///   - y: the dependent variable, one finite value per row.
    ///   - cadence: the data's cadence (decides how holidays are reshaped, and whether `weekday` applies).
    ///   - terms: the Prophet variables to output; `weekday` is ignored (with a note) unless the data is daily.
    ///     The trend is always part of the model, as in Prophet; it is output only if asked for. Without any
    ///     term nothing is fitted, as Robyn runs Prophet only when `prophet_vars` is set.
    ///   - holidays: the holiday table; nil uses ``HolidayCalendar/builtIn``. Used only for `holiday`.
    ///   - country: the holiday country code, e.g. `DE` (case-insensitive); required for `holiday`.
    ///   - factors: factor (categorical) context variables, one-hot encoded the lares way and added as regressors.
    ///   - options: Prophet's settings (defaults are Prophet's).
    /// - Returns: the columns in dependent-variable units and the fit's diagnostics.
    /// - Throws: ``BaselineError`` for unusable inputs, a missing or unknown country, bad options or a failed fit.
    package static func fit(
        dates: [CalendarDate], y: [Double], cadence: Cadence, terms: [BaselineTerm],
        holidays: HolidayCalendar? = nil, country: String? = nil, factors: [BaselineFactor] = [],
        options: BaselineFitOptions = BaselineFitOptions()
    ) throws -> BaselineComponents {
        try options.validate()
        try BaselineInputCheck.check(dates: dates, y: y, factors: factors)
        var notes: [String] = []
        var wanted: [BaselineTerm] = []
        for term in terms where !wanted.contains(term) {
            if term == .weekday, cadence != .daily {
                notes.append(
                    "weekday ignored: weekly seasonality needs daily data (the data is \(cadence.rawValue))")
                continue
            }
            wanted.append(term)
        }
        try BaselineInputCheck.checkNames(factors: factors, terms: wanted)
        guard !wanted.isEmpty else {
            notes.append("no baseline terms requested: nothing fitted (Robyn runs Prophet only with prophet_vars)")
            return BaselineComponents(
                dates: dates, columns: [], fitted: [],
                diagnostics: BaselineDiagnostics(
                    rSquared: .nan, noiseScale: .nan, yScale: .nan, holidaysUsed: 0, holidayNames: [],
                    changepoints: [], changepointRateChanges: [], factorDummies: [], iterations: 0, converged: true,
                    notes: notes))
        }
        let holidayColumns = try wanted.contains(.holiday)
            ? BaselineHolidayFeatures.indicators(
                dates: dates, cadence: cadence, calendar: holidays ?? .builtIn, country: country)
            : []
        if wanted.contains(.holiday), holidayColumns.isEmpty {
            notes.append("no holiday of \(country ?? "?") falls on a data date: the holiday column is all zeros")
        }

        let yScale = y.map(abs).max().map { $0 > 0 ? $0 : 1 } ?? 1
        let scaledY = y.map { $0 / yScale }
        let t = BaselineDesign.scaledTime(dates)
        let days = dates.map { Double($0.daysSinceEpoch) }
        let changepointRows = BaselineChangepoints.rowIndices(
            rowCount: dates.count, count: options.changepointCount, range: options.changepointRange)

        var design = BaselineDesign()
        design.addTrend(t: t, changepointRows: changepointRows, options: options)
        if wanted.contains(.season) {
            design.addSeasonality(
                .season, days: days, period: options.yearlyPeriod, order: options.yearlyOrder,
                priorScale: options.seasonalityPriorScale)
        }
        if wanted.contains(.weekday) {
            design.addSeasonality(
                .weekday, days: days, period: 7, order: options.weeklyOrder, priorScale: options.seasonalityPriorScale)
        }
        if wanted.contains(.monthly) {
            design.addSeasonality(
                .monthly, days: days, period: options.monthlyPeriod, order: options.monthlyOrder,
                priorScale: options.seasonalityPriorScale)
        }
        for holiday in holidayColumns {
            design.add(holiday.values, block: .holiday, name: holiday.name, priorScale: options.holidaysPriorScale)
        }
        var dummyNames: [String] = []
        for (index, factor) in factors.enumerated() {
            for dummy in BaselineFactorEncoding.dummies(for: factor, limit: options.factorLevelLimit) {
                design.add(dummy.values, block: .factor(index), name: dummy.name, priorScale: options.holidaysPriorScale)
                dummyNames.append(dummy.name)
            }
        }

        let fit = try BaselineMAPFit.fit(
            columns: design.columns, y: scaledY, ridge: design.ridge, lasso: design.lasso,
            noisePriorScale: options.noisePriorScale, tolerance: options.tolerance,
            maxIterations: options.maxIterations)
        let beta = fit.coefficients
        func inUnits(_ values: [Double]) -> [Double] { values.map { $0 * yScale } }

        var columns: [BaselineColumn] = []
        for term in wanted {
            let values: [Double]
            switch term {
            case .trend: values = design.component(beta) { [.slope, .offset, .changepoint].contains($0) }
            case .holiday: values = design.component(beta) { $0 == .holiday }
            case .season, .weekday, .monthly: values = design.component(beta) { $0 == .seasonality(term) }
            }
            columns.append(BaselineColumn(name: term.rawValue, kind: .term(term), values: inUnits(values)))
        }
        for (index, factor) in factors.enumerated() {
            let effect = inUnits(design.component(beta) { $0 == .factor(index) })
            let floor = effect.min() ?? 0
            columns.append(BaselineColumn(name: factor.name, kind: .factor, values: effect.map { $0 - floor }))
        }

        let fitted = inUnits(design.component(beta) { _ in true })
        let mean = y.reduce(0, +) / Double(y.count)
        let rss = zip(y, fitted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let tss = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let spanDays = Double(dates[dates.count - 1].days(since: dates[0]))
        let rateChanges = design.blocks.indices.filter { design.blocks[$0] == .changepoint }
            .map { beta[$0] * yScale / spanDays }
        if !fit.converged {
            notes.append("the MAP fit stopped after \(fit.iterations) iterations before reaching its tolerance")
        }
        return BaselineComponents(
            dates: dates, columns: columns, fitted: fitted,
            diagnostics: BaselineDiagnostics(
                rSquared: tss > 0 ? 1 - rss / tss : .nan, noiseScale: fit.sigma * yScale, yScale: yScale,
                holidaysUsed: holidayColumns.count, holidayNames: holidayColumns.map(\.name),
                changepoints: changepointRows.map { dates[$0] }, changepointRateChanges: rateChanges,
                factorDummies: dummyNames, iterations: fit.iterations, converged: fit.converged, notes: notes))
    }
}
