/// Settings of the No-U-Turn sampler and its warm-up; every default is Stan's.
public struct NUTSOptions: Sendable, Hashable, Codable {
    /// Number of chains (default 4).
    public var chains: Int = 4
    /// Warm-up iterations per chain (default 1000); not kept.
    public var warmup: Int = 1000
    /// Kept draws per chain (default 1000).
    public var draws: Int = 1000
    /// Target mean acceptance statistic of the step-size adaptation (Stan's `delta`, default 0.8).
    public var targetAccept: Double = 0.8
    /// Maximum tree depth: at most 2^depth leapfrog steps per iteration (default 10).
    public var maxTreeDepth: Int = 10
    /// Seed; with the chain number it fixes every draw.
    public var seed: UInt64 = 1
    /// Worker threads; results do not depend on it.
    public var threads: Int = 1
    /// The first nominal step size (Stan default 1), refined by the initial heuristic.
    public var initialStepSize: Double = 1
    /// Random initial values are drawn uniformly within ± this radius of the centre on the unconstrained scale
    /// (Stan default 2).
    public var initRadius: Double = 2
    /// A trajectory diverges when H − H₀ exceeds this (Stan default 1000).
    public var maxDeltaH: Double = 1000
    /// First fast window, step size only (Stan's `init_buffer`, default 75).
    public var initBuffer: Int = 75
    /// Last fast window (Stan's `term_buffer`, default 50).
    public var termBuffer: Int = 50
    /// First slow window, doubling afterwards (Stan's `window`, default 25).
    public var baseWindow: Int = 25
    /// Dual-averaging γ (Stan default 0.05).
    public var adaptGamma: Double = 0.05
    /// Dual-averaging κ (Stan default 0.75).
    public var adaptKappa: Double = 0.75
    /// Dual-averaging t₀ (Stan default 10).
    public var adaptT0: Double = 10
    /// The starting diagonal inverse metric (Stan's `inv_metric` input); `nil` is Stan's default, the identity.
    public var initialInverseMetric: [Double]?
    /// Whether ``BayesFitter`` sets ``initialInverseMetric`` and ``initialPoints`` from a Laplace approximation at
    /// the MAP (when both are `nil`). Sampling is Stan's algorithm either way; `false` gives Stan's default inputs.
    public var warmStart = true
    /// Per-chain starting points (Stan's `init` input); `nil` draws them uniformly within ``initRadius`` of the
    /// centre, as Stan does.
    public var initialPoints: [[Double]]?

    /// Stan's defaults.
    public init() {}

    /// Checks every setting.
    /// - Throws: ``BayesError`` `.invalidOptions` naming the setting.
    public func validate() throws(BayesError) {
        let counts: [(String, Int, Int)] = [
            ("chains", chains, 1), ("warmup", warmup, 0), ("draws", draws, 1), ("maxTreeDepth", maxTreeDepth, 1),
            ("threads", threads, 1), ("initBuffer", initBuffer, 0), ("termBuffer", termBuffer, 0), ("baseWindow", baseWindow, 1),
        ]
        for (name, value, minimum) in counts where value < minimum {
            throw BayesError(.invalidOptions, path: name, "must be at least \(minimum) (got \(value))")
        }
        guard targetAccept > 0, targetAccept < 1 else {
            throw BayesError(.invalidOptions, path: "targetAccept", "must lie strictly between 0 and 1 (got \(targetAccept))")
        }
        let positives = [
            ("initialStepSize", initialStepSize), ("initRadius", initRadius), ("maxDeltaH", maxDeltaH),
            ("adaptGamma", adaptGamma), ("adaptKappa", adaptKappa), ("adaptT0", adaptT0),
        ]
        for (name, value) in positives where !(value.isFinite && value > 0) {
            throw BayesError(.invalidOptions, path: name, "must be a positive number (got \(value))")
        }
        if let metric = initialInverseMetric, !metric.allSatisfy({ $0.isFinite && $0 > 0 }) {
            throw BayesError(.invalidOptions, path: "initialInverseMetric", "every entry must be a positive number")
        }
        if let points = initialPoints, points.count < chains {
            throw BayesError(.invalidOptions, path: "initialPoints", "needs one point per chain (\(points.count) for \(chains) chains)")
        }
        guard maxTreeDepth <= 20 else {
            throw BayesError(.invalidOptions, path: "maxTreeDepth", "must be at most 20 (got \(maxTreeDepth))")
        }
    }
}
