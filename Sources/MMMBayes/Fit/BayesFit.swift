/// A model the fitter can summarise: a log density plus named quantities computed from each draw.
public protocol PosteriorModel: LogDensityModel {
    /// Names of ``quantities(at:)``.
    var quantityNames: [QuantityName] { get }
    /// The reportable quantities at an unconstrained point.
    /// - Parameter q: ``LogDensityModel/dimension`` values.
    /// - Returns: One value per name.
    func quantities(at q: [Double]) -> [Double]
    /// A sensible centre for starting points.
    /// - Returns: ``LogDensityModel/dimension`` values.
    func initialPoint() -> [Double]
}

extension MMMPosterior: PosteriorModel {}

/// How to fit: full NUTS, or the fast MAP + Laplace approximation.
public enum InferenceMethod: Sendable, Hashable {
    /// NUTS with the given settings.
    case nuts(NUTSOptions)
    /// MAP by L-BFGS plus a Laplace approximation.
    case map(MAPOptions)
}

/// Settings of the MAP + Laplace fast path.
public struct MAPOptions: Sendable, Hashable, Codable {
    /// Optimiser runs from the model's centre and from random points around it; the best mode wins.
    public var starts = 4
    /// Random starts lie within ± this radius of the centre (unconstrained scale).
    public var initRadius = 1.0
    /// Draws taken from the Laplace approximation for the summaries.
    public var draws = 1000
    /// Fixes the random starts and the draws.
    public var seed: UInt64 = 1
    /// L-BFGS settings for the approach to the mode (stopped early: the Newton polish finishes the job).
    public var lbfgs: LBFGSOptions = {
        var options = LBFGSOptions()
        options.maxIterations = 300
        options.relativeObjectiveTolerance = 1e-10
        return options
    }()
    /// Newton steps allowed to polish each L-BFGS result.
    public var newtonSteps = 50

    /// Defaults: 4 starts, 1000 draws.
    public init() {}
}

/// The result of a fit: draws of every quantity, their summaries, the diagnostics and the verdict.
public struct BayesFit: Sendable {
    /// `"nuts"` or `"map"`.
    public var method: String
    /// The quantities, in the order of each draw's values.
    public var quantityNames: [QuantityName]
    /// `draws[chain][i][k]`: quantity k of draw i of a chain (one "chain" for the Laplace approximation).
    public var draws: [[[Double]]]
    /// `parameterDraws[chain][i]`: the unconstrained parameter vector of each draw (for decompositions and draws files).
    public var parameterDraws: [[[Double]]]
    /// Per-quantity summaries (`posterior.csv` rows).
    public var summaries: [QuantitySummary]
    /// Sampler statistics (NUTS only).
    public var sampler: SamplerDiagnostics?
    /// The raw chains on the unconstrained scale (NUTS only), for draws files and re-analysis.
    public var chains: [ChainResult]
    /// The optimum (MAP only).
    public var optimum: OptimizationResult?
    /// The verdict.
    public var verdict: Verdict
    /// Wall-clock seconds of the inference.
    public var seconds: Double

    /// The summary of one quantity, if the model has it.
    /// - Parameters:
    ///   - name: The quantity (`roi`, `beta`, …).
    ///   - owner: Its channel or control; empty for global quantities.
    /// - Returns: Its summary.
    public func summary(_ name: String, owner: String = "") -> QuantitySummary? {
        summaries.first { $0.name == QuantityName(name, owner: owner) }
    }
}
