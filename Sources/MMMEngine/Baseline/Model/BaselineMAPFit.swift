/// The maximum a posteriori fit of Prophet's additive model, for a design whose coefficients have either a normal
/// prior (ridge) or a Laplace prior (lasso), plus Prophet's half-normal prior on the noise scale σ.
///
/// It minimises the negative log posterior Prophet's Stan model optimises (constants dropped):
///
///     RSS/(2σ²) + n·log σ + σ²/(2s²) + Σ ρⱼ·θⱼ²/2 + Σ λⱼ·|θⱼ|
///
/// by exact block minimisation, alternating: for fixed σ the coefficients (ridge block in closed form, lasso block
/// by ``BaselineLasso``), then σ in closed form (the positive root of σ⁴/s² + n·σ² − RSS = 0). Each step lowers the
/// objective, and the whole procedure is deterministic.
struct BaselineMAPFit {
    /// The fitted coefficients, one per design column.
    var coefficients: [Double]
    /// The fitted noise scale (in the scaled units of y).
    var sigma: Double
    /// Alternations used.
    var iterations: Int
    /// Whether σ and the coefficients stopped moving within tolerance.
    var converged: Bool

    /// Fits the model.
    /// - Parameters:
    ///   - columns: the design, one array of `y.count` values per column.
    ///   - y: the (scaled) response.
    ///   - ridge: per column, the normal prior's precision 1/scale² (used when `lasso` is 0).
    ///   - lasso: per column, the Laplace prior's rate 1/scale, or 0 for a normal prior.
    ///   - noisePriorScale: s, the scale of the half-normal prior on σ.
    ///   - tolerance: relative convergence tolerance.
    ///   - maxIterations: most alternations.
    /// - Throws: ``BaselineError`` (`.fitFailed`) when the ridge block is not positive definite or a value is not
    ///   finite.
    static func fit(
        columns: [[Double]], y: [Double], ridge: [Double], lasso: [Double], noisePriorScale: Double,
        tolerance: Double, maxIterations: Int
    ) throws -> BaselineMAPFit {
        let n = y.count, p = columns.count
        let smooth = (0..<p).filter { lasso[$0] == 0 }, sparse = (0..<p).filter { lasso[$0] > 0 }
        let gram = BaselineGram(columns: columns, y: y)
        let ns = smooth.count, nl = sparse.count
        let sumSquares = y.reduce(0) { $0 + $1 * $1 }
        let meanSquare = sumSquares > 0 ? sumSquares / Double(max(n, 1)) : 1
        // When the design can interpolate y (more columns than rows, or a noise-free series), the posterior pushes
        // σ towards 0 and the ridge with it; a floor on σ², raised while the ridge block will not factor, keeps the
        // fit defined (and deterministic) in that degenerate case.
        var sigma2Floor = max(meanSquare * 1e-20, Double.leastNormalMagnitude)
        var sigma2 = max(meanSquare * 0.01, sigma2Floor)
        var theta = [Double](repeating: 0, count: p)
        var iterations = 0, converged = false
        let gramSL = smooth.flatMap { i in sparse.map { j in gram.g[i * p + j] } }  // ns × nl
        while iterations < maxIterations {
            iterations += 1
            var hss = [Double](repeating: 0, count: ns * ns)
            for (r, i) in smooth.enumerated() {
                for (c, j) in smooth.enumerated() { hss[r * ns + c] = gram.g[i * p + j] }
                hss[r * ns + r] += sigma2 * ridge[i]
            }
            guard let factor = BaselineCholesky(hss, size: ns) else {
                if sigma2 < meanSquare * 1e-2 {
                    sigma2Floor = max(sigma2Floor, sigma2 * 100)
                    sigma2 = sigma2Floor
                    continue
                }
                throw BaselineError(
                    .fitFailed, "the trend/seasonality design is singular",
                    hint: "check that the dates are distinct and the dependent variable is not constant")
            }
            let cs = smooth.map { gram.c[$0] }
            let smoothOnly = factor.solve(cs)
            var delta = sparse.map { theta[$0] }
            if nl > 0 {
                let (q, b) = schurComplement(
                    gram: gram, smooth: smooth, sparse: sparse, gramSL: gramSL, factor: factor, smoothOnly: smoothOnly)
                let mu = sparse.map { sigma2 * lasso[$0] }
                delta = BaselineLasso.solve(
                    q: q, b: b, mu: mu, start: delta, tolerance: tolerance * (1 + gram.yNorm), maxSweeps: 20_000)
            }
            var rhs = cs
            for s in 0..<ns {
                for (l, d) in delta.enumerated() where d != 0 { rhs[s] -= gramSL[s * nl + l] * d }
            }
            let smoothTheta = factor.solve(rhs)
            var next = [Double](repeating: 0, count: p)
            for (r, i) in smooth.enumerated() { next[i] = smoothTheta[r] }
            for (r, i) in sparse.enumerated() { next[i] = delta[r] }
            let rss = gram.residualSumOfSquares(columns: columns, y: y, coefficients: next)
            // Positive root of σ⁴/s² + n·σ² − RSS = 0, written without the cancellation of (−n + √D)·s²/2.
            let s2 = noisePriorScale * noisePriorScale
            let dn = Double(n)
            let nextSigma2 = max(2 * rss / (dn + (dn * dn + 4 * rss / s2).squareRoot()), sigma2Floor)
            guard nextSigma2.isFinite, next.allSatisfy(\.isFinite) else {
                throw BaselineError(.fitFailed, "the fit produced a non-finite value")
            }
            let thetaScale = 1 + (next.map(abs).max() ?? 0)
            let thetaChange = zip(next, theta).map { abs($0 - $1) }.max() ?? 0
            let sigmaChange = abs(nextSigma2.squareRoot() - sigma2.squareRoot()) / sigma2.squareRoot()
            theta = next
            sigma2 = nextSigma2
            if sigmaChange <= tolerance, thetaChange <= tolerance * thetaScale {
                converged = true
                break
            }
        }
        return BaselineMAPFit(coefficients: theta, sigma: sigma2.squareRoot(), iterations: iterations, converged: converged)
    }

    /// The lasso block's problem once the ridge block is minimised out (its Schur complement):
    /// Q = G_LL − G_LS·H⁻¹·G_SL and b = c_L − G_LS·H⁻¹·c_S, where H is the ridge block of the penalised Gram matrix.
    private static func schurComplement(
        gram: BaselineGram, smooth: [Int], sparse: [Int], gramSL: [Double], factor: BaselineCholesky,
        smoothOnly: [Double]
    ) -> (q: [Double], b: [Double]) {
        let ns = smooth.count, nl = sparse.count, p = smooth.count + sparse.count
        var w = [Double](repeating: 0, count: ns * nl)  // H⁻¹·G_SL, column by column
        for c in 0..<nl {
            let solved = factor.solve((0..<ns).map { gramSL[$0 * nl + c] })
            for r in 0..<ns { w[r * nl + c] = solved[r] }
        }
        var q = [Double](repeating: 0, count: nl * nl), b = [Double](repeating: 0, count: nl)
        for (r, i) in sparse.enumerated() {
            for (c, j) in sparse.enumerated() {
                var value = gram.g[i * p + j]
                for s in 0..<ns { value -= gramSL[s * nl + r] * w[s * nl + c] }
                q[r * nl + c] = value
            }
            var value = gram.c[i]
            for s in 0..<ns { value -= gramSL[s * nl + r] * smoothOnly[s] }
            b[r] = value
        }
        return (q, b)
    }
}
