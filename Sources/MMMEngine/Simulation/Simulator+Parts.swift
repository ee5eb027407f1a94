import Foundation
import MMMCore

extension Simulator {
    /// Checks the options against the configuration.
    static func check(_ options: SimulationOptions, config: JobConfig) throws {
        let channels = Set(config.paidMedia.flatMap { [$0.spend, $0.variable] })
        for (name, roi) in options.roi.sorted(by: { $0.key < $1.key }) {
            guard channels.contains(name) else {
                throw SimulationError("--roi names '\(name)', which is not a paid media spend column or var of the config")
            }
            guard roi.isFinite, roi >= 0 else { throw SimulationError("--roi \(name)=\(roi) must be a non-negative number") }
        }
        let media = Set(channels).union(config.organicVars)
        for key in options.hyperparameters.keys.sorted() {
            guard let cut = key.lastIndex(of: "_"), media.contains(String(key[..<cut])),
                HyperparameterKind(rawValue: String(key[key.index(after: cut)...])) != nil
            else {
                throw SimulationError("hyperparameter '\(key)' must be <channel>_<thetas|shapes|scales|alphas|gammas> for a modelled channel")
            }
        }
        for name in options.liftChannels where !channels.contains(name) {
            throw SimulationError("--lift-channels names '\(name)', which is not a paid media spend column or var of the config")
        }
        guard options.liftTests >= 0, options.liftTests <= config.paidMedia.count else {
            throw SimulationError("--lift-tests \(options.liftTests) must be 0…\(config.paidMedia.count) (one per paid channel)")
        }
        guard options.liftError.isFinite, (0...1).contains(options.liftError) else {
            throw SimulationError("the lift measurement error \(options.liftError) must be in 0…1")
        }
        switch options.noise {
        case .standardDeviation(let sd):
            guard sd.isFinite, sd >= 0 else { throw SimulationError("--noise-sd \(sd) must be a non-negative number") }
        case .rSquared(let r2):
            guard r2.isFinite, r2 > 0, r2 <= 1 else { throw SimulationError("--r2 \(r2) must be in (0, 1]") }
        }
    }

    /// Noise SD: given, or `sqrt(var(signal)·(1 − r²)/r²)` over the window.
    static func noiseSD(signal: [Double], noise: SimulationOptions.Noise) -> Double {
        switch noise {
        case .standardDeviation(let sd): return sd
        case .rSquared(let r2):
            let mean = signal.reduce(0, +) / Double(signal.count)
            let variance = signal.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(Swift.max(1, signal.count - 1))
            return (variance * (1 - r2) / r2).squareRoot()
        }
    }

    /// A placebo's spend: on/off flights (a two-state chain) with log-normal amounts, scaled to `total` over the window.
    static func placeboSpend(rows: Int, window: Range<Int>, total: Double, random: SimulationRandom) -> [Double] {
        var rng = random.stream("placebo")
        var on = false
        var spend = [Double](repeating: 0, count: rows)
        for t in 0..<rows {
            on = on ? rng.uniform() < 0.8 : rng.uniform() < 0.25
            if on { spend[t] = Foundation.exp(0.5 * rng.normal()) }
        }
        if spend[window].allSatisfy({ $0 == 0 }) { spend[window.lowerBound] = 1 }
        let sum = spend[window].reduce(0, +)
        return spend.map { $0 * total / sum }
    }

    /// The baseline's holiday indicators, when the configuration has a holiday term and a country.
    static func holidayTerms(
        config: JobConfig, dates: [CalendarDate], cadence: Cadence, calendar: HolidayCalendar?
    ) throws -> [BaselineHolidayIndicator] {
        let terms = config.effectiveBaselineTerms(dailyData: cadence == .daily)
        guard terms.contains(.holiday), let country = config.effectiveHolidaysCountry else { return [] }
        return try BaselineHolidayFeatures.indicators(
            dates: dates, cadence: cadence, calendar: calendar ?? .builtIn, country: country)
    }

    /// Indices (into the paid media) of the channels to test: the chosen ones, else the largest window spenders.
    static func liftChannels(
        _ options: SimulationOptions, media: [SimulatedMedia], pairs: [MediaPair], series: (String) throws -> [Double],
        window: Range<Int>
    ) throws -> [Int] {
        guard options.liftTests > 0 || !options.liftChannels.isEmpty else { return [] }
        if !options.liftChannels.isEmpty {
            return options.liftChannels.compactMap { name in pairs.firstIndex { $0.spend == name || $0.variable == name } }
        }
        let candidates = try pairs.indices.filter { !media[$0].placebo }.map { k in
            (k, try series(pairs[k].spend)[window].reduce(0, +))
        }
        return candidates.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(options.liftTests).map(\.0)
    }
}
