/// How much to search and how.
public struct TrainingOptions: Sendable, Equatable {
    /// Candidate models per trial.
    public var iterations: Int
    /// Independent optimiser runs.
    public var trials: Int
    /// Randomness key; with the same inputs, the same seed gives byte-identical results.
    public var seed: UInt64
    /// Worker threads (≥ 1). Results do not depend on it.
    public var threads: Int
    /// Candidates asked (and evaluated) before the optimiser is told their errors. Part of the algorithm, so it is
    /// fixed and independent of ``threads``.
    public var batchSize = 4
    /// Optimiser population (nevergrad's TwoPointsDE uses max(30, workers)).
    public var populationSize = 30
    /// Robyn's `min_candidates`: Pareto fronts are kept until at least this many models are on them.
    public var minParetoCandidates = 100

    /// Creates options.
    public init(iterations: Int, trials: Int, seed: UInt64, threads: Int) {
        self.iterations = iterations
        self.trials = trials
        self.seed = seed
        self.threads = max(1, threads)
    }
}
