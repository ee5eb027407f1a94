import Foundation

/// A prior distribution for one scalar parameter, with the support that decides its unconstrained parameterisation.
public enum Prior: Sendable, Hashable, Codable {
    /// Normal(mean, sd) on the real line.
    case normal(mean: Double, sd: Double)
    /// Half-normal with scale `sd` on (0, ∞).
    case halfNormal(sd: Double)
    /// Log-normal: log x ~ Normal(mu, sigma), on (0, ∞).
    case logNormal(mu: Double, sigma: Double)
    /// Beta(alpha, beta) on (0, 1).
    case beta(alpha: Double, beta: Double)
    /// Gamma with shape and rate (mean shape/rate) on (0, ∞).
    case gamma(shape: Double, rate: Double)
    /// Beta(alpha, beta) stretched onto the bounded interval (lower, upper): x = lower + (upper − lower)·B. With
    /// alpha = beta = 1 it is the uniform on the interval, Robyn's own belief about a hyperparameter range.
    case scaledBeta(alpha: Double, beta: Double, lower: Double, upper: Double)

    /// The uniform on (lower, upper), as a ``scaledBeta(alpha:beta:lower:upper:)`` (sampled on the logit of the
    /// interval, so the walls are never hit).
    /// - Parameters:
    ///   - lower: The lower bound.
    ///   - upper: The upper bound (> lower).
    /// - Returns: `.scaledBeta(alpha: 1, beta: 1, lower: lower, upper: upper)`.
    public static func uniform(lower: Double, upper: Double) -> Prior {
        .scaledBeta(alpha: 1, beta: 1, lower: lower, upper: upper)
    }

    /// The log-normal whose mean and standard deviation are the given ones (moment matching, as used for ROI
    /// priors stated as "mean ± sd").
    /// - Parameters:
    ///   - mean: Desired mean > 0.
    ///   - sd: Desired standard deviation > 0.
    /// - Returns: `.logNormal(mu:sigma:)` with σ² = log(1 + sd²/mean²), μ = log mean − σ²/2.
    public static func logNormal(mean: Double, sd: Double) -> Prior {
        let variance = Foundation.log1p(sd * sd / (mean * mean))
        return .logNormal(mu: Foundation.log(mean) - variance / 2, sigma: Foundation.sqrt(variance))
    }

    /// The set the parameter lives in, which picks its unconstrained transform.
    public var support: Support {
        switch self {
        case .normal: return .real
        case .halfNormal, .logNormal, .gamma: return .positive
        case .beta: return .unitInterval
        case .scaledBeta(_, _, let lower, let upper): return .interval(lower: lower, upper: upper)
        }
    }

    /// The prior mean (for starting points and documentation).
    public var mean: Double {
        switch self {
        case .normal(let mean, _): return mean
        case .halfNormal(let sd): return sd * Foundation.sqrt(2 / Double.pi)
        case .logNormal(let mu, let sigma): return Foundation.exp(mu + sigma * sigma / 2)
        case .beta(let a, let b): return a / (a + b)
        case .gamma(let shape, let rate): return shape / rate
        case .scaledBeta(let a, let b, let lower, let upper): return lower + (upper - lower) * Prior.beta(alpha: a, beta: b).mean
        }
    }

    /// The prior median, a robust centre for starting points.
    public var median: Double {
        switch self {
        case .normal(let mean, _): return mean
        case .halfNormal(let sd): return sd * 0.674_489_750_196_081_7
        case .logNormal(let mu, _): return Foundation.exp(mu)
        // Approximations are enough for a starting point; they are exact for the symmetric cases.
        case .beta(let a, let b): return a > 1 && b > 1 ? (a - 1.0 / 3) / (a + b - 2.0 / 3) : a / (a + b)
        case .gamma(let shape, let rate): return shape >= 1 ? (shape - 1.0 / 3 + 0.02 / shape) / rate : shape / rate
        case .scaledBeta(let a, let b, let lower, let upper): return lower + (upper - lower) * Prior.beta(alpha: a, beta: b).median
        }
    }

    /// Checks the hyperparameters: every scale and shape must be finite and positive, and an interval's bounds
    /// finite with lower < upper.
    /// - Parameter path: The field name used in the error.
    /// - Throws: ``BayesError`` `.invalidPrior` naming `path` and the bad value.
    public func validate(path: String) throws(BayesError) {
        let checks: [(String, Double, Bool)]
        switch self {
        case .normal(let mean, let sd): checks = [("mean", mean, true), ("sd", sd, false)]
        case .halfNormal(let sd): checks = [("sd", sd, false)]
        case .logNormal(let mu, let sigma): checks = [("mu", mu, true), ("sigma", sigma, false)]
        case .beta(let a, let b): checks = [("alpha", a, false), ("beta", b, false)]
        case .gamma(let shape, let rate): checks = [("shape", shape, false), ("rate", rate, false)]
        case .scaledBeta(let a, let b, let lower, let upper):
            checks = [("alpha", a, false), ("beta", b, false), ("lower", lower, true), ("upper", upper, true)]
        }
        for (name, value, anySign) in checks where !value.isFinite || (!anySign && value <= 0) {
            throw BayesError(
                .invalidPrior, path: path + "." + name,
                "\(name) must be \(anySign ? "finite" : "a positive number") (got \(value))")
        }
        if case .scaledBeta(_, _, let lower, let upper) = self, !(lower < upper) {
            throw BayesError(.invalidPrior, path: path + ".upper", "upper must be above lower (got lower \(lower), upper \(upper))")
        }
    }
}
