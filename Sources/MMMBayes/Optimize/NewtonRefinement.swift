import Foundation

/// Damped Newton steps (Levenberg–Marquardt) on the Hessian from central differences of the exact gradient, to
/// polish an L-BFGS optimum.
///
/// MMM posteriors are badly conditioned (curvatures over about six orders of magnitude along a curved valley), where
/// L-BFGS crawls; a few Newton steps from its result converge quadratically. Each step costs 2·dimension gradient
/// evaluations and is accepted only if it increases log p.
enum NewtonRefinement {
    /// Polishes `start` (an approximate maximum).
    /// - Parameters:
    ///   - model: The target.
    ///   - start: The L-BFGS result.
    ///   - maxSteps: Newton steps allowed.
    ///   - gradientTolerance: Stop when max |∇ log p| falls below this.
    /// - Returns: The polished optimum (`start` itself if no step improved it).
    static func refine<Model: LogDensityModel>(
        _ model: Model, from start: OptimizationResult, maxSteps: Int = 50, gradientTolerance: Double = 1e-7
    ) -> OptimizationResult {
        var workspace = model.makeWorkspace()
        var best = start
        var damping = 0.0
        var steps = 0
        while steps < maxSteps {
            if best.gradient.map(abs).max() ?? 0 < gradientTolerance {
                best.converged = true
                best.reason = "gradient below tolerance after \(steps) Newton steps"
                return best
            }
            steps += 1
            let hessian = HessianEstimate.negativeHessian(model, at: best.point, workspace: &workspace)
            let scale = hessian.indices.map { abs(hessian[$0][$0]) }.max() ?? 1
            var improved = false
            for _ in 0..<30 {
                var damped = hessian
                for i in damped.indices { damped[i][i] += damping * Swift.max(abs(hessian[i][i]), 1e-12 * scale) }
                guard let factor = Cholesky.factor(damped) else {
                    damping = Swift.max(damping * 10, 1e-8)
                    continue
                }
                // Solve (−H + λD)·d = ∇ log p, so x + d moves uphill.
                let step = Cholesky.solveUpperTransposed(factor, Cholesky.solveLower(factor, best.gradient))
                let candidate = zip(best.point, step).map { $0 + $1 }
                var gradient = [Double](repeating: 0, count: candidate.count)
                let value = model.logDensity(candidate, gradient: &gradient, workspace: &workspace)
                if value.isFinite, value >= best.logDensity, gradient.allSatisfy(\.isFinite) {
                    let change = value - best.logDensity
                    best = OptimizationResult(
                        point: candidate, logDensity: value, gradient: gradient, iterations: best.iterations,
                        converged: false, reason: best.reason)
                    damping /= 10
                    improved = true
                    if change <= 1e-12 * Swift.max(1, abs(value)) {
                        best.converged = true
                        best.reason = "objective change below tolerance after \(steps) Newton steps"
                        return best
                    }
                    break
                }
                damping = Swift.max(damping * 10, 1e-8)
            }
            if !improved { break }
        }
        best.reason = "no further Newton improvement after \(steps) steps (\(best.reason))"
        best.converged = best.gradient.map(abs).max() ?? 0 < 1e-3
        return best
    }
}
