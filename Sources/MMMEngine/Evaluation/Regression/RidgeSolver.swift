/// How the ridge problem is solved.
package enum RidgeSolver: Sendable, Hashable, Codable {
    /// glmnet's covariance coordinate descent (`elnet1`), stopping exactly where glmnet stops.
    ///
    /// With glmnet's default `threshold` 1e-7 this reproduces the coefficients Robyn reports, including
    /// glmnet's early-stopping error (up to ~2e-5 relative on the demo, more on ill-conditioned no-intercept
    /// refits). A tiny threshold converges to the exact optimum.
    case glmnet(threshold: Double, maxPasses: Int)
    /// The exact optimum of the strictly convex box-constrained problem (active-set Newton on the Gram matrix).
    case exact

    /// glmnet with its defaults (`thresh = 1e-7`, `maxit = 1e5`), as Robyn calls it.
    package static let robyn = RidgeSolver.glmnet(threshold: 1e-7, maxPasses: 100_000)
}

/// glmnet's `elnet1` for one λ and alpha = 0, on the standardised covariance problem held in a scratch.
///
/// Inputs (standardised by glmnet's rules): `hessian` holds the Gram matrix `c`, `gradientTarget` holds
/// `g = X̃ᵀỹ/n` (ỹ = y/ys), `lower`/`upper` hold `cl` (limits/ys·xs), `work` holds `xv` (the Gram diagonal glmnet
/// uses), `penalty` holds the rescaled penalty factors. On return `beta` holds glmnet's `a` (in ỹ units).
enum GlmnetCoordinateDescent {
    /// Runs the coordinate descent; `included` maps the q solver variables to penalty positions.
    static func solve(_ s: RidgeScratch, q: Int, lambda: Double, threshold: Double, maxPasses: Int) {
        let stride = s.columnCapacity
        let g = s.gradientTarget
        let a = s.beta
        let xv = s.work
        let da = s.step
        let ia = s.freeList
        let mm = s.activePosition
        for k in 0..<q {
            a[k] = 0
            mm[k] = 0
        }
        var nin = 0
        var passes = 0
        var iz = false
        var jz = true
        // alpha = 0: dem = λ·(1 − α) = λ and the L1 part ab = 0, so v = |u|.
        @inline(__always) func update(_ k: Int) -> Double {
            let ak = a[k]
            let u = g[k] + ak * xv[k]
            var updated = 0.0
            if Swift.abs(u) > 0 {
                updated = Swift.max(s.lower[k], Swift.min(s.upper[k], u / (xv[k] + s.penalty[s.included[k]] * lambda)))
            }
            a[k] = updated
            return updated - ak
        }
        while true {
            if !(iz && jz) {
                // Full sweep over every variable.
                passes += 1
                var dlx = 0.0
                for k in 0..<q {
                    let del = update(k)
                    if del == 0 { continue }
                    if mm[k] == 0 {
                        nin += 1
                        mm[k] = nin
                        ia[nin - 1] = k
                    }
                    dlx = Swift.max(xv[k] * del * del, dlx)
                    // c is symmetric: read row k (contiguous) for column k.
                    let row = s.hessian + k * stride
                    for j in 0..<q { g[j] -= row[j] * del }
                }
                if dlx < threshold || passes > maxPasses { return }
            }
            // Inner loop on the active set until it converges.
            iz = true
            for l in 0..<nin { da[l] = a[ia[l]] }
            while true {
                passes += 1
                var dlx = 0.0
                for l in 0..<nin {
                    let k = ia[l]
                    let del = update(k)
                    if del == 0 { continue }
                    dlx = Swift.max(xv[k] * del * del, dlx)
                    let row = s.hessian + k * stride
                    for j in 0..<nin { g[ia[j]] -= row[ia[j]] * del }
                }
                if dlx < threshold || passes > maxPasses { break }
            }
            if passes > maxPasses { return }
            for l in 0..<nin { da[l] = a[ia[l]] - da[l] }
            for j in 0..<q where mm[j] == 0 {
                var dot = 0.0
                for l in 0..<nin { dot += da[l] * s.hessian[j * stride + ia[l]] }
                g[j] -= dot
            }
            jz = false
        }
    }
}
