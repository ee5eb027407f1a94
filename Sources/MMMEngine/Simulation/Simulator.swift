import MMMCore

/// Simulates data with a known truth, patterned on a real prepared table (`mmm-cli simulate`; docs/simulation.md).
///
/// The real dates and spend (and exposure, organic and context) columns are kept. Each media variable gets true
/// adstock and Hill parameters (given, or drawn inside the configured bounds) and is transformed exactly as the model
/// transforms it; each paid channel's coefficient is solved so that its ROI over the modelling window equals the
/// target. A baseline at the real `dep_var`'s scale and normal noise are added. Pure and deterministic for a seed.
public enum Simulator {
    /// Simulates.
    /// - Parameters:
    ///   - state: the real data after ``DataPreparer`` (not skipped).
    ///   - options: targets, noise, placebo, lift tests and the seed.
    ///   - holidays: the holiday calendar; nil means the built-in table.
    ///   - source: the real file's name and SHA-256, recorded in the truth.
    /// - Returns: the simulated table, its training configuration, the truth and the lift tests.
    /// - Throws: ``SimulationError`` (exit 2) for unknown channels, bad values or ROIs larger than `dep_var` allows;
    ///   ``ConfigError`` for bad bounds; ``BaselineError`` for an unknown holiday country.
    public static func simulate(
        like state: PreparationState, options: SimulationOptions, holidays: HolidayCalendar? = nil,
        source: (name: String, sha256: String?)? = nil
    ) throws -> Simulation {
        guard let rows = state.windowRows, let cadence = state.cadence, let dateColumn = state.dateColumn else {
            throw SimulationError("the data has no resolved window; it could not be prepared")
        }
        let window = rows.lowerBound..<(rows.upperBound + 1)
        let dates = state.dates
        let table = state.table
        var config = state.config
        let type = options.adstock ?? config.adstock
        let random = SimulationRandom(seed: options.seed)
        try check(options, config: config)
        func numbers(_ name: String) throws -> [Double] {
            guard let values = table[name]?.numbers else { throw SimulationError("column '\(name)' is missing or not numeric") }
            return values.map { $0.isNaN ? 0 : $0 }
        }
        let realY = try numbers(config.depVar)
        let meanY = realY[window].reduce(0, +) / Double(window.count)

        // Paid media (placebo last) and organic variables, transformed as the model transforms them.
        var pairs = config.paidMedia
        var columns: [Column] = []
        if options.placebo {
            let name = Set(table.columnNames).contains("placebo_S") ? "placebo_S_sim" : "placebo_S"
            let totals = try pairs.map { try numbers($0.spend)[window].reduce(0, +) }.sorted()
            let spend = placeboSpend(rows: dates.count, window: window, total: totals[totals.count / 2], random: random)
            columns.append(Column(name: name, values: .number(spend)))
            pairs.append(MediaPair(spend: name, variable: name))
        }
        // The bounds the model will use, the placebo's included (its preset row, as training resolves it). Looking
        // them up in a dictionary by position would depend on the process's hash seed.
        var modelled = config
        modelled.paidMedia = pairs
        let bounds = try modelled.overridingAdstock(type, origin: "simulate").config.resolvedHyperparameterBounds()
        func series(_ name: String) throws -> [Double] {
            if let placebo = columns.first(where: { $0.name == name }), let values = placebo.numbers { return values }
            return try numbers(name)
        }
        var media: [SimulatedMedia] = []
        for (k, pair) in pairs.enumerated() {
            let placebo = options.placebo && k == pairs.count - 1
            var rng = random.stream("hyperparameters", k)
            guard let channelBounds = bounds[pair.variable] else { throw SimulationError("no hyperparameter bounds for '\(pair.variable)'") }
            let values = try SimulatedMedia.hyperparameters(
                variable: pair.variable, spendColumn: pair.spend, bounds: channelBounds, type: type,
                fixed: options.hyperparameters, rng: &rng)
            var m = try SimulatedMedia.transform(
                variable: pair.variable, spendColumn: pair.spend, raw: try series(pair.variable), type: type,
                hyperparameters: values, window: window)
            m.placebo = placebo
            var roiDraw = random.stream("roi", k)
            let drawn = roiDraw.uniform(in: options.roiRange)
            let roi = placebo ? 0 : (options.roi[pair.spend] ?? options.roi[pair.variable] ?? drawn)
            let spendTotal = try series(pair.spend)[window].reduce(0, +)
            m.spendTotal = spendTotal
            m.coefficient = roi * spendTotal / m.saturated[window].reduce(0, +)
            media.append(m)
        }
        for (k, name) in config.organicVars.enumerated() {
            var rng = random.stream("organic", k)
            guard let channelBounds = bounds[name] else { throw SimulationError("no hyperparameter bounds for '\(name)'") }
            let values = try SimulatedMedia.hyperparameters(
                variable: name, spendColumn: nil, bounds: channelBounds, type: type, fixed: options.hyperparameters, rng: &rng)
            var m = try SimulatedMedia.transform(
                variable: name, spendColumn: nil, raw: try numbers(name), type: type, hyperparameters: values, window: window)
            let share = rng.uniform(in: 0.01...0.05)
            m.coefficient = share * meanY * Double(window.count) / m.saturated[window].reduce(0, +)
            media.append(m)
        }

        // Baseline at the real scale, then noise.
        let mediaTotal = (0..<dates.count).map { t in media.reduce(0.0) { $0 + $1.coefficient * $1.saturated[t] } }
        let level = meanY - mediaTotal[window].reduce(0, +) / Double(window.count)
        guard level > 0.1 * meanY else {
            throw SimulationError(
                "the target ROIs make media \(NumberFormatting.shortest((1 - level / meanY) * 100)) % of \(config.depVar) (more than 90 %); lower --roi")
        }
        let contextColumns = (config.contextVars + config.baselineColumns).compactMap { table[$0] }
        let holidayIndicators = try holidayTerms(config: config, dates: dates, cadence: cadence, calendar: holidays)
        let baseline = SimulatedBaseline.series(
            level: level, dates: dates, window: window, cadence: cadence, context: contextColumns,
            holidays: holidayIndicators, random: random)
        let signal = zip(baseline, mediaTotal).map { $0 + $1 }
        let sd = noiseSD(signal: Array(signal[window]), noise: options.noise)
        var noiseRNG = random.stream("noise")
        let noise = signal.map { _ in sd * noiseRNG.normal() }
        let y = zip(signal, noise).map { $0 + $1 }

        // Lift tests on the largest (or the chosen) paid channels.
        let tested = try liftChannels(options, media: media, pairs: pairs, series: series, window: window)
        let lifts = try SimulatedLiftTests.draw(
            media: tested.map { media[$0] }, spends: try tested.map { try series(pairs[$0].spend) },
            raw: try tested.map { try series(pairs[$0].variable) }, dates: dates, window: window, cadence: cadence,
            type: type, depVar: config.depVar, error: options.liftError, random: random)

        // The output table and the configuration to train on it.
        var output = [Column(name: dateColumn, values: .date(dates)), Column(name: config.depVar, values: .number(y))]
        var seen: Set<String> = [dateColumn, config.depVar]
        for name in pairs.flatMap({ [$0.spend, $0.variable] }) + config.organicVars + config.contextVars + config.baselineColumns
        where seen.insert(name).inserted {
            if let column = columns.first(where: { $0.name == name }) ?? table[name] { output.append(column) }
        }
        config.paidMedia = pairs
        config.resampleFreq = .none
        config.columnAggStrategies = [:]
        config.countryColumn = nil
        config.dateVar = dateColumn
        config.startDate = dates[window.lowerBound]
        config.endDate = dates[window.upperBound - 1]
        config.dataPath = nil
        config.calibrationInput = nil
        config.outputTimestamp = nil
        let truth = TruthBuilder.truth(
            media: media, pairs: pairs, dates: dates, window: window, baseline: baseline, noise: noise, y: y,
            noiseSD: sd, type: type, config: config, options: options, lifts: lifts, source: source)
        return Simulation(
            data: try DataTable(columns: output), config: config, truth: truth, liftTests: lifts.map(\.study))
    }
}
