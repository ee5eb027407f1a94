import Foundation

/// Where a parameter lives, and the bijection from the real line the sampler uses for it.
public enum Support: Sendable, Hashable, Codable {
    /// The real line: identity.
    case real
    /// (0, ∞): x = exp(u), log-Jacobian u.
    case positive
    /// (0, 1): x = logistic(u), log-Jacobian log x + log(1 − x).
    case unitInterval
    /// (lower, upper): x = lower + (upper − lower)·logistic(u), log-Jacobian log(x − lower) + log(upper − x) −
    /// log(upper − lower).
    case interval(lower: Double, upper: Double)

    /// Maps an unconstrained value to the support.
    /// - Parameter u: The unconstrained value.
    /// - Returns: The constrained value.
    @inlinable
    public func constrain<T: DualScalar>(_ u: T) -> T {
        switch self {
        case .real: return u
        case .positive: return T.exp(u)
        case .unitInterval: return T.logistic(u)
        case .interval(let lower, let upper): return T.logistic(u) * (upper - lower) + lower
        }
    }

    /// Maps a constrained value to the real line (the inverse of ``constrain(_:)``).
    /// - Parameter x: A value inside the support.
    /// - Returns: The unconstrained value.
    public func unconstrain(_ x: Double) -> Double {
        switch self {
        case .real: return x
        case .positive: return Foundation.log(x)
        case .unitInterval: return Foundation.log(x) - Foundation.log1p(-x)
        case .interval(let lower, let upper): return Foundation.log(x - lower) - Foundation.log(upper - x)
        }
    }
}

/// log √(2π).
@usableFromInline let logSqrtTwoPi = 0.918_938_533_204_672_8

extension Prior {
    /// The normalised log density at a constrained value x (−∞ outside the support).
    /// - Parameter x: A value of the parameter.
    /// - Returns: log p(x).
    @inlinable
    public func logDensity<T: DualScalar>(_ x: T) -> T {
        switch support {
        case .positive where x.value <= 0, .unitInterval where x.value <= 0 || x.value >= 1:
            return T(-.infinity)
        case .interval(let lower, let upper) where x.value <= lower || x.value >= upper:
            return T(-.infinity)
        default:
            return logDensityUnconstrained(support.unconstrainedValue(of: x)) - support.logJacobian(at: x)
        }
    }

    /// The log density of the *unconstrained* value u: log p(x(u)) + log |dx/du|, written directly in u so it
    /// stays accurate in the far tails (no log(exp(u)) round trips).
    /// - Parameter u: The unconstrained value.
    /// - Returns: log p(x(u)) + log-Jacobian.
    @inlinable
    public func logDensityUnconstrained<T: DualScalar>(_ u: T) -> T {
        switch self {
        case .normal(let mean, let sd):
            let z = (u - mean) / sd
            return z * z * -0.5 - (Foundation.log(sd) + logSqrtTwoPi)
        case .halfNormal(let sd):
            let z = T.exp(u) / sd
            return u - z * z * 0.5 + (Foundation.log(2) - Foundation.log(sd) - logSqrtTwoPi)
        case .logNormal(let mu, let sigma):
            let z = (u - mu) / sigma
            return z * z * -0.5 - (Foundation.log(sigma) + logSqrtTwoPi)
        case .beta(let a, let b):
            // a·log x + b·log(1 − x) with log x = −softplus(−u), log(1 − x) = −softplus(u).
            let logBeta = Foundation.lgamma(a) + Foundation.lgamma(b) - Foundation.lgamma(a + b)
            return T.softplus(-u) * -a - T.softplus(u) * b - logBeta
        case .gamma(let shape, let rate):
            return u * shape - T.exp(u) * rate + (shape * Foundation.log(rate) - Foundation.lgamma(shape))
        case .scaledBeta(let a, let b, _, _):
            // The stretch's 1/(upper − lower) in the density cancels the (upper − lower) in dx/du: the same as Beta in u.
            return Prior.beta(alpha: a, beta: b).logDensityUnconstrained(u)
        }
    }
}

extension Support {
    /// The unconstrained value of a constrained dual (for ``Prior/logDensity(_:)``).
    @inlinable
    func unconstrainedValue<T: DualScalar>(of x: T) -> T {
        switch self {
        case .real: return x
        case .positive: return T.log(x)
        case .unitInterval: return T.log(x) - T.log1p(-x)
        case .interval(let lower, let upper): return T.log(x - lower) - T.log(upper - x)
        }
    }

    /// log |dx/du| expressed in x.
    @inlinable
    func logJacobian<T: DualScalar>(at x: T) -> T {
        switch self {
        case .real: return T(0)
        case .positive: return T.log(x)
        case .unitInterval: return T.log(x) + T.log1p(-x)
        case .interval(let lower, let upper):
            return T.log(x - lower) + T.log(upper - x) - Foundation.log(upper - lower)
        }
    }
}
