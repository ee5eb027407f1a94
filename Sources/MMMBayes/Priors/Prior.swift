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
        }
    }

    /// Checks the hyperparameters: every scale and shape must be finite and positive.
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
        }
        for (name, value, anySign) in checks where !value.isFinite || (!anySign && value <= 0) {
            throw BayesError(
                .invalidPrior, path: path + "." + name,
                "\(name) must be \(anySign ? "finite" : "a positive number") (got \(value))")
        }
    }
}
