/// One row of `posterior.csv`: the posterior summary of one quantity, with its convergence diagnostics.
public struct QuantitySummary: Sendable, Hashable, Codable {
    /// What it is (`roi`, `beta`, …) and whose (channel, control, or empty).
    public var name: QuantityName
    /// Posterior mean.
    public var mean: Double
    /// Posterior standard deviation.
    public var sd: Double
    /// 5 % quantile.
    public var q05: Double
    /// Median.
    public var q50: Double
    /// 95 % quantile.
    public var q95: Double
    /// Rank-normalised split R-hat (NaN for a Laplace approximation, whose draws are independent by construction).
    public var rHat: Double
    /// Bulk ESS (NaN for a Laplace approximation).
    public var essBulk: Double
    /// Tail ESS (NaN for a Laplace approximation).
    public var essTail: Double

    /// Summarises chains × draws of one quantity.
    /// - Parameters:
    ///   - name: The quantity.
    ///   - draws: Its draws per chain.
    ///   - diagnostics: Whether to compute R-hat and ESS (false for independent approximate draws).
    public init(name: QuantityName, draws: DrawMatrix, diagnostics: Bool) {
        self.name = name
        let all = draws.flattened
        let sorted = all.sorted()
        mean = all.reduce(0, +) / Double(all.count)
        let m = mean
        sd = all.count > 1 ? (all.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(all.count - 1)).squareRoot() : .nan
        q05 = DrawMatrix.quantile(sorted: sorted, 0.05)
        q50 = DrawMatrix.quantile(sorted: sorted, 0.5)
        q95 = DrawMatrix.quantile(sorted: sorted, 0.95)
        rHat = diagnostics ? ConvergenceDiagnostics.rankNormalizedRHat(draws) : .nan
        essBulk = diagnostics ? ConvergenceDiagnostics.bulkESS(draws) : .nan
        essTail = diagnostics ? ConvergenceDiagnostics.tailESS(draws) : .nan
    }
}

/// Sampler-level diagnostics over all chains (kept draws only, unless named otherwise).
public struct SamplerDiagnostics: Sendable, Hashable, Codable {
    /// Divergent transitions after warm-up.
    public var divergences: Int
    /// Divergent transitions during warm-up (informational).
    public var warmupDivergences: Int
    /// Transitions that hit the maximum tree depth.
    public var treeDepthHits: Int
    /// The maximum tree depth.
    public var maxTreeDepth: Int
    /// Adapted step size per chain.
    public var stepSizes: [Double]
    /// Mean acceptance statistic per chain.
    public var meanAcceptStats: [Double]
    /// Leapfrog steps (gradient evaluations) over all kept transitions.
    public var leapfrogSteps: Int
    /// Number of chains.
    public var chains: Int
    /// Kept draws per chain.
    public var drawsPerChain: Int

    /// Collects the statistics of finished chains.
    /// - Parameters:
    ///   - chains: The chains.
    ///   - maxTreeDepth: The depth limit used.
    public init(chains results: [ChainResult], maxTreeDepth: Int) {
        divergences = results.reduce(0) { $0 + $1.divergences }
        warmupDivergences = results.reduce(0) { $0 + $1.warmupDivergences }
        treeDepthHits = results.reduce(0) { $0 + $1.treeDepthHits(maxDepth: maxTreeDepth) }
        self.maxTreeDepth = maxTreeDepth
        stepSizes = results.map(\.stepSize)
        meanAcceptStats = results.map { $0.stats.map(\.acceptStat).reduce(0, +) / Double(Swift.max($0.stats.count, 1)) }
        leapfrogSteps = results.reduce(0) { $0 + $1.leapfrogSteps }
        chains = results.count
        drawsPerChain = results.first?.draws.count ?? 0
    }
}
