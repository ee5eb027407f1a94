import MMMCore

/// What `mmm-cli simulate` varies: the true effects, the noise, a placebo and lift tests.
public struct SimulationOptions: Sendable, Equatable {
    /// How much noise is added.
    public enum Noise: Sendable, Equatable {
        /// Normal noise with this standard deviation (in `dep_var` units).
        case standardDeviation(Double)
        /// Noise sized so that baseline and media explain this share of the window's variance.
        case rSquared(Double)
    }

    /// The randomness key: the same inputs and seed give the same bytes.
    public var seed: UInt64
    /// True ROI per paid channel (spend column or var); channels not listed get one drawn from ``roiRange``.
    public var roi: [String: Double] = [:]
    /// The interval unlisted channels' ROIs are drawn from.
    public var roiRange: ClosedRange<Double> = 0.5...3.5
    /// The true adstock family; nil means the config's.
    public var adstock: AdstockType?
    /// Fixed true hyperparameters by Robyn name (`tv_S_thetas`); the others are drawn inside the config's bounds.
    public var hyperparameters: [String: Double] = [:]
    /// The noise.
    public var noise = Noise.rSquared(0.9)
    /// Add a paid channel with no effect (`placebo_S`).
    public var placebo = false
    /// Number of simulated lift tests (0: none).
    public var liftTests = 0
    /// Channels to test (spend columns or vars); empty means the largest spenders.
    public var liftChannels: [String] = []
    /// Relative standard deviation of a lift test's measurement error.
    public var liftError = 0.1

    /// Options with a seed and defaults for everything else.
    public init(seed: UInt64) { self.seed = seed }
}

/// A simulated data set patterned on real data, with its known truth.
public struct Simulation: Sendable {
    /// The table: dates, the simulated `dep_var`, the real spend/exposure, organic and context columns (+ placebo).
    public var data: DataTable
    /// The job configuration to train on ``data`` (the input's, plus the placebo, without resampling).
    public var config: JobConfig
    /// The true effects.
    public var truth: Truth
    /// The simulated lift tests (also in ``truth``), ready for `lift_tests.csv`.
    public var liftTests: [CalibrationStudy]
}

/// A simulation request that cannot be met (exit code 2).
public struct SimulationError: CategorizedError, Equatable {
    /// What is wrong and what to do.
    public var message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    public var category: ErrorCategory { .usage }
    public var description: String { message }
}
