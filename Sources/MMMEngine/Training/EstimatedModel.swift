import MMMCore

/// A model estimated outside the native search (the Bayesian backend's posterior-mean model), in the numbers the
/// run-folder writers need. ``TrainingResult/estimated(_:model:)`` turns it into a one-model result, so the Robyn
/// tables, `model_summary.json` and `model.json` come from the same writers as the native engine's.
///
/// Contributions are given per row and written as they are (for a posterior: the posterior means of each row's
/// contribution). The media transforms are evaluated at ``media``'s point values; each media coefficient is then
/// the one that makes that curve's window total equal the given contribution total, so the curve the allocator
/// optimises and the decomposition tables agree on every channel's total effect (docs/bayes.md, "Run folder").
package struct EstimatedModel: Sendable {
    /// An interval of a paid channel's ROI (or CPA), written into the `boot_*` / `ci_*` columns.
    package struct Interval: Sendable, Hashable {
        /// Centre (for a posterior: its mean).
        package var mean: Double
        /// Spread (for a posterior: its standard deviation).
        package var sd: Double
        /// Lower and upper end.
        package var low: Double
        package var high: Double

        /// Creates an interval.
        package init(mean: Double, sd: Double, low: Double, high: Double) {
            self.mean = mean
            self.sd = sd
            self.low = low
            self.high = high
        }
    }

    /// Per media and organic variable, in design order: the adstock and Hill parameters of its curve.
    package var media: [MediaHyperparameters]
    /// The intercept in response units.
    package var intercept: Double
    /// Per regressor (design order): its coefficient in the column's raw units. Media entries are ignored (they
    /// are derived from the contributions, see the type's description).
    package var coefficients: [Double]
    /// Per regressor (design order): its contribution on each window row, in response units.
    package var contributions: [[Double]]
    /// Per paid media name: the interval of its ROI (revenue) or CPA (conversion).
    package var intervals: [String: Interval]

    /// Creates an estimate.
    package init(
        media: [MediaHyperparameters], intercept: Double, coefficients: [Double], contributions: [[Double]],
        intervals: [String: Interval] = [:]
    ) {
        self.media = media
        self.intercept = intercept
        self.coefficients = coefficients
        self.contributions = contributions
        self.intervals = intervals
    }
}
