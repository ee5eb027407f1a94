import Foundation

/// A Gaussian approximation of the posterior on the unconstrained scale: centred at the mode, with covariance the
/// inverse of the negative Hessian of log p there. The Hessian comes from central differences of the exact gradient
/// (symmetrised). Approximate by construction: it ignores skewness and bounded tails.
public struct LaplaceApproximation: Sendable {
    /// The posterior mode (unconstrained).
    public let mode: [Double]
    /// log p at the mode.
    public let logDensityAtMode: Double
    /// The negative Hessian of log p at the mode (the precision matrix), row-major.
    public let precision: [[Double]]
    /// Lower Cholesky factor L of the precision (precision = L·Lᵀ).
    let choleskyFactor: [[Double]]

    /// Builds the approximation at a mode.
    /// - Parameters:
    ///   - model: The target.
    ///   - mode: A maximum of its log density.
    ///   - logDensity: log p at the mode.
    /// - Throws: ``BayesError`` `.numericalFailure` if the negative Hessian is not positive definite (not a
    ///   strict maximum, or a flat direction), naming the first failing parameter index.
    public init<Model: LogDensityModel>(_ model: Model, mode: [Double], logDensity: Double) throws(BayesError) {
        var workspace = model.makeWorkspace()
        let hessian = HessianEstimate.negativeHessian(model, at: mode, workspace: &workspace)
        guard let factor = Cholesky.factor(hessian) else {
            throw BayesError(
                .numericalFailure,
                "the Laplace approximation needs a strict maximum, but the negative Hessian at the mode is not positive definite; use NUTS")
        }
        self.mode = mode
        self.logDensityAtMode = logDensity
        precision = hessian
        choleskyFactor = factor
    }

    /// Posterior standard deviations on the unconstrained scale (square roots of the covariance diagonal).
    public var standardDeviations: [Double] {
        let n = mode.count
        return (0..<n).map { j in
            var unit = [Double](repeating: 0, count: n)
            unit[j] = 1
            // Σⱼⱼ = ‖L⁻¹eⱼ‖².
            return Cholesky.solveLower(choleskyFactor, unit).reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
    }

    /// Independent draws x = mode + L⁻ᵀz with z ~ Normal(0, I), so Cov(x) = (L·Lᵀ)⁻¹.
    /// - Parameters:
    ///   - count: Number of draws.
    ///   - seed: Fixes the draws.
    /// - Returns: `count` unconstrained points.
    public func draws(count: Int, seed: UInt64) -> [[Double]] {
        var rng = KeyedRNG(seed, 0x4C41_504C)
        return (0..<count).map { _ in
            let z = mode.map { _ in rng.normal() }
            let offset = Cholesky.solveUpperTransposed(choleskyFactor, z)
            return zip(mode, offset).map { $0 + $1 }
        }
    }
}

/// Dense Cholesky factorisation and triangular solves for the small matrices of the Laplace approximation.
enum Cholesky {
    /// Lower-triangular L with A = L·Lᵀ, or `nil` if A is not (numerically) positive definite.
    static func factor(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            var diagonal = a[j][j]
            for k in 0..<j { diagonal -= l[j][k] * l[j][k] }
            guard diagonal > 0, diagonal.isFinite else { return nil }
            l[j][j] = diagonal.squareRoot()
            for i in (j + 1)..<Swift.max(n, j + 1) {
                var sum = a[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                l[i][j] = sum / l[j][j]
            }
        }
        return l
    }

    /// Solves L·x = b.
    static func solveLower(_ l: [[Double]], _ b: [Double]) -> [Double] {
        var x = b
        for i in x.indices {
            for k in 0..<i { x[i] -= l[i][k] * x[k] }
            x[i] /= l[i][i]
        }
        return x
    }

    /// Solves Lᵀ·x = b.
    static func solveUpperTransposed(_ l: [[Double]], _ b: [Double]) -> [Double] {
        var x = b
        for i in x.indices.reversed() {
            for k in (i + 1)..<x.count { x[i] -= l[k][i] * x[k] }
            x[i] /= l[i][i]
        }
        return x
    }
}
