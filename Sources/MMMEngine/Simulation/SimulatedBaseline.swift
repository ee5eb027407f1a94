import Foundation
import MMMCore

/// The simulated baseline at the real data's scale: a level, a linear trend, a yearly season (plus a weekday pattern
/// for daily data), holiday bumps and the real context columns' effects.
///
/// Every component is a multiple of the level `L` (the real `dep_var`'s window mean minus the simulated media), with
/// the multiples drawn from fixed intervals, so the baseline moves like a real one without copying the real series
/// (which would carry the real media effects along).
enum SimulatedBaseline {
    /// The baseline per row.
    /// - Parameters:
    ///   - level: L.
    ///   - dates: every row's date.
    ///   - window: the modelling window (trend and context are centred on it).
    ///   - cadence: the data's cadence.
    ///   - context: context columns (numbers, or text for factors) and `baseline_columns`.
    ///   - holidays: holiday indicators (empty without a holiday term).
    ///   - random: the simulation's randomness.
    static func series(
        level: Double, dates: [CalendarDate], window: Range<Int>, cadence: Cadence, context: [Column],
        holidays: [BaselineHolidayIndicator], random: SimulationRandom
    ) -> [Double] {
        let n = dates.count
        var rng = random.stream("baseline")
        let origin = dates[window.lowerBound]
        let span = Double(Swift.max(1, dates[window.upperBound - 1].days(since: origin)))
        let slope = rng.uniform(in: -0.2...0.2)
        let amplitude = rng.uniform(in: 0.04...0.12)
        let phase = rng.uniform(in: 0...(2 * Double.pi))
        let weekday = (0..<7).map { _ in rng.uniform(in: -0.05...0.05) }
        var values = [Double](repeating: level, count: n)
        for t in 0..<n {
            let days = Double(dates[t].days(since: origin))
            values[t] += level * slope * (days / span - 0.5)
            values[t] += level * amplitude * Foundation.sin(2 * Double.pi * Double(dates[t].daysSinceEpoch) / 365.25 + phase)
            if cadence == .daily { values[t] += level * weekday[dates[t].isoWeekday - 1] }
        }
        for (k, holiday) in holidays.enumerated() {
            var h = random.stream("holiday", k)
            let effect = level * h.uniform(in: -0.02...0.06)
            for t in 0..<n where holiday.values[t] != 0 { values[t] += effect * holiday.values[t] }
        }
        for (k, column) in context.enumerated() {
            var c = random.stream("context", k)
            for (t, effect) in effects(of: column, level: level, window: window, rng: &c).enumerated() { values[t] += effect }
        }
        return values
    }

    /// A context column's effect per row: a standardised number times ±(2–8 %) of L, or for a factor one bump of
    /// ±6 % of L per level other than the most frequent.
    private static func effects(of column: Column, level: Double, window: Range<Int>, rng: inout CounterRNG) -> [Double] {
        if let numbers = column.numbers {
            let inWindow = numbers[window].filter { !$0.isNaN }
            let mean = inWindow.reduce(0, +) / Double(Swift.max(1, inWindow.count))
            let variance = inWindow.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(Swift.max(1, inWindow.count - 1))
            let sd = variance.squareRoot()
            let sign: Double = rng.uniform() < 0.5 ? -1 : 1
            let size = sign * level * rng.uniform(in: 0.02...0.08)
            return numbers.map { value in sd > 0 && !value.isNaN ? size * (value - mean) / sd : 0 }
        }
        let levels = (0..<column.values.count).map { column.values.isMissing($0) ? nil : column.cellText($0) }
        var counts: [String: Int] = [:]
        for case let value? in levels { counts[value, default: 0] += 1 }
        let reference = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        var bumps: [String: Double] = [:]
        for value in counts.keys.sorted() where value != reference { bumps[value] = level * rng.uniform(in: -0.06...0.06) }
        return levels.map { $0.flatMap { bumps[$0] } ?? 0 }
    }
}
