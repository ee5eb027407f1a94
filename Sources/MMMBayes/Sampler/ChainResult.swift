/// One chain's output: the kept draws on the unconstrained scale, their sampler statistics, and the adapted
/// step size and metric.
public struct ChainResult: Sendable {
    /// The chain number (0-based); with the seed it fixed this chain's random stream.
    public var chain: Int
    /// Kept draws, `draws[i]` is the i-th unconstrained parameter vector.
    public var draws: [[Double]]
    /// Sampler statistics of each kept draw.
    public var stats: [TransitionStats]
    /// Divergent transitions during warm-up (not counted in the kept draws).
    public var warmupDivergences: Int
    /// Leapfrog steps (gradient evaluations) during warm-up.
    public var warmupLeapfrogSteps: Int
    /// The adapted step size.
    public var stepSize: Double
    /// The adapted diagonal inverse metric (posterior variance estimates on the unconstrained scale).
    public var inverseMetric: [Double]
    /// The starting point.
    public var initialPoint: [Double]

    /// Creates a chain result (the sampler fills it; public for re-reading stored runs).
    public init(
        chain: Int, draws: [[Double]], stats: [TransitionStats], warmupDivergences: Int, warmupLeapfrogSteps: Int,
        stepSize: Double, inverseMetric: [Double], initialPoint: [Double]
    ) {
        self.chain = chain
        self.draws = draws
        self.stats = stats
        self.warmupDivergences = warmupDivergences
        self.warmupLeapfrogSteps = warmupLeapfrogSteps
        self.stepSize = stepSize
        self.inverseMetric = inverseMetric
        self.initialPoint = initialPoint
    }

    /// Divergent transitions among the kept draws.
    public var divergences: Int { stats.filter(\.divergent).count }
    /// Kept transitions that stopped at the maximum tree depth.
    public func treeDepthHits(maxDepth: Int) -> Int { stats.filter { $0.treeDepth >= maxDepth }.count }
    /// Total leapfrog steps over the kept draws.
    public var leapfrogSteps: Int { stats.reduce(0) { $0 + $1.leapfrogSteps } }
}

/// Where sampling stands, for progress reporting.
public struct SamplingProgress: Sendable, Hashable {
    /// The chain reporting.
    public var chain: Int
    /// Iterations done in this chain (warm-up and kept).
    public var iteration: Int
    /// Iterations this chain will run.
    public var total: Int
    /// Whether the chain is still warming up.
    public var warmingUp: Bool
}
