import MMMCore

/// Simulated lift tests: a study window on a channel, its true incremental effect, and a noisy measurement.
enum SimulatedLiftTests {
    /// Study length in rows: 4–8 weeks, 21–42 days or 2–3 months.
    static func lengths(_ cadence: Cadence) -> ClosedRange<Int> {
        switch cadence {
        case .daily: return 21...42
        case .weekly: return 4...8
        case .monthly: return 2...3
        }
    }

    /// Draws the tests.
    /// - Parameters:
    ///   - media: the paid channels to test (already chosen), with their true series.
    ///   - spends: each channel's spend column over all rows.
    ///   - dates: every row's date.
    ///   - window: the modelling window.
    ///   - cadence: the data's cadence.
    ///   - type: the true adstock family.
    ///   - raw: each channel's modelled column over all rows.
    ///   - depVar: the measured metric.
    ///   - error: relative standard deviation of the measurement.
    ///   - random: the simulation's randomness.
    /// - Returns: one test per channel.
    static func draw(
        media: [SimulatedMedia], spends: [[Double]], raw: [[Double]], dates: [CalendarDate], window: Range<Int>,
        cadence: Cadence, type: AdstockType, depVar: String, error: Double, random: SimulationRandom
    ) throws -> [Truth.LiftTest] {
        try media.indices.map { k in
            var rng = random.stream("lift", k)
            let length = Swift.min(lengths(cadence).lowerBound + rng.index(below: lengths(cadence).count), window.count - 2)
            // The study's last calendar day (the day before the next row) must not pass the window's last date.
            let starts = window.lowerBound...(window.upperBound - 1 - length)
            guard length >= 2, !starts.isEmpty else {
                throw SimulationError("the modelling window (\(window.count) rows) is too short for a lift test")
            }
            var best: (start: Int, spend: Double)?
            for _ in 0..<20 {
                let start = starts.lowerBound + rng.index(below: starts.count)
                let spend = (start..<(start + length)).reduce(0.0) { $0 + spends[k][$1] }
                let active = (start..<(start + length)).filter { spends[k][$0] > 0 }.count
                if best == nil || spend > (best?.spend ?? 0) { best = (start, spend) }
                if active * 2 >= length { best = (start, spend); break }
            }
            guard let (start, spend) = best, spend > 0 else {
                throw SimulationError("'\(media[k].spendColumn ?? media[k].variable)' has no spend to test in the window")
            }
            let rows = Array(start..<(start + length))
            let trueLift = incremental(media[k], raw: raw[k], rows: rows, type: type)
            let measured = Swift.max(0.05 * trueLift, trueLift * (1 + error * rng.normal()))
            var study = CalibrationStudy(
                channel: media[k].spendColumn ?? media[k].variable, liftStartDate: dates[rows[0]],
                liftEndDate: dates[start + length].adding(days: -1), liftAbs: measured, scope: .immediate)
            study.spend = spend
            study.confidence = 0.9
            study.metric = depVar
            return Truth.LiftTest(study: study, trueLift: trueLift)
        }
    }

    /// The true effect during the study of the study's spend: Σ β·(hill(A_t) − hill(A_t − S_t)) over the study rows,
    /// with A the adstock of all spend and S the adstock of the study's spend alone (the true kernel, all rows long).
    static func incremental(_ media: SimulatedMedia, raw: [Double], rows: [Int], type: AdstockType) -> Double {
        let parameters = media.adstockParameters(type)
        let alone: [Double]
        switch parameters {
        case .geometric(let theta): alone = Adstock.geometric(rows.map { raw[$0] }, theta: theta).decayed
        case .weibull(let shape, let scale):
            alone = Adstock.weibull(
                rows.map { raw[$0] }, shape: shape, scale: scale, pdf: type == .weibullPDF, windowLength: raw.count
            ).decayed
        }
        let alpha = media.hyperparameters["alphas"] ?? 1
        let without = HillSaturation.saturate(
            rows.indices.map { media.adstocked[rows[$0]] - alone[$0] }, alpha: alpha, inflexion: media.inflexion)
        return rows.indices.reduce(0.0) { $0 + media.coefficient * (media.saturated[rows[$1]] - without[$1]) }
    }
}
