/// Settings of the Prophet-like baseline decomposition. The defaults are Prophet 1.0's (as Robyn calls it).
package struct BaselineFitOptions: Sendable, Equatable {
    /// Potential trend changepoints (Prophet `n.changepoints`, 25).
    package var changepointCount = 25
    /// Share of the history in which changepoints are placed (Prophet `changepoint.range`, 0.8).
    package var changepointRange = 0.8
    /// Scale of the Laplace prior on rate changes (Prophet `changepoint.prior.scale`, 0.05).
    package var changepointPriorScale = 0.05
    /// Normal prior scale of the Fourier coefficients (Prophet `seasonality.prior.scale`, 10).
    package var seasonalityPriorScale = 10.0
    /// Normal prior scale of holiday and factor-dummy coefficients (Prophet `holidays.prior.scale`, 10).
    package var holidaysPriorScale = 10.0
    /// Normal prior scale of the base growth rate and offset (Prophet's Stan model: 5).
    package var trendPriorScale = 5.0
    /// Half-normal prior scale of the observation noise (Prophet's Stan model: 0.5).
    package var noisePriorScale = 0.5
    /// Yearly seasonality: period in days and Fourier order (365.25, 10).
    package var yearlyPeriod = 365.25
    /// Yearly Fourier order.
    package var yearlyOrder = 10
    /// Weekly seasonality (daily data only): period 7 days, Fourier order 3.
    package var weeklyOrder = 3
    /// Robyn's `monthly` seasonality: period 30.5 days, Fourier order 5.
    package var monthlyPeriod = 30.5
    /// Monthly Fourier order.
    package var monthlyOrder = 5
    /// lares `ohse` keeps this many most frequent levels of a factor and pools the rest as `OTHER` (10).
    package var factorLevelLimit = 10
    /// Relative convergence tolerance of the MAP fit.
    package var tolerance = 1e-12
    /// Most alternations between the coefficients and the noise scale.
    package var maxIterations = 500

    /// Prophet's defaults.
    package init() {}

    /// Checks every setting.
    /// - Throws: ``BaselineError`` (`.invalidOption`) naming the first bad setting.
    package func validate() throws {
        func require(_ ok: Bool, _ name: String, _ rule: String) throws {
            guard ok else { throw BaselineError(.invalidOption, "option \(name) must be \(rule)") }
        }
        try require(changepointCount >= 0, "changepointCount", "≥ 0")
        try require(changepointRange > 0 && changepointRange <= 1, "changepointRange", "in (0, 1]")
        for (name, value) in [
            ("changepointPriorScale", changepointPriorScale), ("seasonalityPriorScale", seasonalityPriorScale),
            ("holidaysPriorScale", holidaysPriorScale), ("trendPriorScale", trendPriorScale),
            ("noisePriorScale", noisePriorScale), ("yearlyPeriod", yearlyPeriod), ("monthlyPeriod", monthlyPeriod),
            ("tolerance", tolerance),
        ] {
            try require(value.isFinite && value > 0, name, "a positive number")
        }
        for (name, value) in [("yearlyOrder", yearlyOrder), ("weeklyOrder", weeklyOrder), ("monthlyOrder", monthlyOrder)] {
            try require(value >= 1 && value <= 100, name, "between 1 and 100")
        }
        try require(factorLevelLimit >= 1, "factorLevelLimit", "≥ 1")
        try require(maxIterations >= 1, "maxIterations", "≥ 1")
    }
}
