import Foundation

/// Settings of the L-BFGS optimiser; tolerances follow Stan's `optimize` defaults.
public struct LBFGSOptions: Sendable, Hashable, Codable {
    /// Correction pairs kept (Stan's `history_size` is 5; 10 converges in fewer iterations on MMM posteriors).
    public var memory = 10
    /// Iteration limit (Stan's default is 2000; the MAP path stops L-BFGS earlier and polishes with Newton steps).
    public var maxIterations = 2000
    /// Stop when the largest |gradient| component falls below this (Stan's `tol_grad`).
    public var gradientTolerance = 1e-8
    /// Stop when |Δf| falls below this (Stan's `tol_obj`).
    public var objectiveTolerance = 1e-12
    /// Stop when |Δf| / max(|f|, 1) falls below this (Stan's `tol_rel_obj` of 10⁴ machine epsilons).
    public var relativeObjectiveTolerance = 1e4 * Double.ulpOfOne
    /// Stop when the largest |step| component falls below this (Stan's `tol_param`).
    public var parameterTolerance = 1e-8

    /// Stan's defaults.
    public init() {}
}

/// The outcome of a maximisation.
public struct OptimizationResult: Sendable, Hashable {
    /// The best point found.
    public var point: [Double]
    /// log p at that point.
    public var logDensity: Double
    /// The gradient there.
    public var gradient: [Double]
    /// Iterations used.
    public var iterations: Int
    /// Whether a convergence test (rather than the iteration limit or a failed line search) stopped it.
    public var converged: Bool
    /// Which test stopped it.
    public var reason: String
}

/// Limited-memory BFGS (Nocedal & Wright, Algorithm 7.5) maximising a log density, with a strong-Wolfe line search.
public enum LBFGS {
    /// Maximises `model`'s log density from `start`.
    /// - Parameters:
    ///   - model: The target.
    ///   - start: The starting point.
    ///   - options: Tolerances and limits.
    /// - Returns: The optimum (or the best point when it stopped early; see `converged`).
    /// - Throws: ``BayesError`` `.numericalFailure` if the density or its gradient is not finite at `start`.
    public static func maximize<Model: LogDensityModel>(
        _ model: Model, from start: [Double], options: LBFGSOptions = LBFGSOptions()
    ) throws(BayesError) -> OptimizationResult {
        var workspace = model.makeWorkspace()
        let n = model.dimension
        // Minimise f = −log p.
        func evaluate(_ x: [Double]) -> (Double, [Double]) {
            var gradient = [Double](repeating: 0, count: n)
            let lp = model.logDensity(x, gradient: &gradient, workspace: &workspace)
            return (lp.isNaN ? .infinity : -lp, gradient.map { -$0 })
        }
        var x = start
        var (f, g) = evaluate(x)
        guard f.isFinite, g.allSatisfy(\.isFinite) else {
            throw BayesError(.numericalFailure, "the log density or its gradient is not finite at the starting point")
        }
        var pairs = [(s: [Double], y: [Double], rho: Double)]()
        let lineSearch = WolfeLineSearch()
        for iteration in 1...Swift.max(options.maxIterations, 1) {
            if g.map(abs).max() ?? 0 < options.gradientTolerance {
                return result(x, f, g, iteration - 1, true, "gradient below tolerance")
            }
            var d = direction(g, pairs)
            var slope = zip(g, d).reduce(0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {
                // Not a descent direction (lost curvature information): restart from steepest descent.
                pairs.removeAll()
                d = g.map { -$0 }
                slope = -g.reduce(0) { $0 + $1 * $1 }
            }
            let initial = pairs.isEmpty ? Swift.min(1, 1 / (g.map(abs).max() ?? 1)) : 1
            let startTrial = WolfeLineSearch.Trial(alpha: 0, value: f, slope: slope, gradient: g)
            let found = lineSearch.search(start: startTrial, initialStep: initial) { alpha in
                let moved = zip(x, d).map { $0 + alpha * $1 }
                let (value, gradient) = evaluate(moved)
                return WolfeLineSearch.Trial(
                    alpha: alpha, value: value, slope: zip(gradient, d).reduce(0) { $0 + $1.0 * $1.1 }, gradient: gradient)
            }
            guard let step = found else {
                if !pairs.isEmpty {
                    pairs.removeAll()
                    continue
                }
                return result(x, f, g, iteration, false, "line search found no decrease")
            }
            let s = d.map { $0 * step.alpha }
            let y = zip(step.gradient, g).map { $0 - $1 }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            if sy > 1e-10 * norm(s) * norm(y) {
                pairs.append((s, y, 1 / sy))
                if pairs.count > options.memory { pairs.removeFirst() }
            }
            let change = f - step.value
            for i in x.indices { x[i] += s[i] }
            (f, g) = (step.value, step.gradient)
            if abs(change) < options.objectiveTolerance { return result(x, f, g, iteration, true, "objective change below tolerance") }
            if abs(change) / Swift.max(abs(f), 1) < options.relativeObjectiveTolerance {
                return result(x, f, g, iteration, true, "relative objective change below tolerance")
            }
            if s.map(abs).max() ?? 0 < options.parameterTolerance {
                return result(x, f, g, iteration, true, "parameter change below tolerance")
            }
        }
        return result(x, f, g, options.maxIterations, false, "iteration limit reached")
    }

    /// The two-loop recursion: −H·g with H the L-BFGS inverse-Hessian approximation scaled by sᵀy / yᵀy.
    static func direction(_ g: [Double], _ pairs: [(s: [Double], y: [Double], rho: Double)]) -> [Double] {
        var q = g
        var alphas = [Double](repeating: 0, count: pairs.count)
        for i in pairs.indices.reversed() {
            alphas[i] = pairs[i].rho * zip(pairs[i].s, q).reduce(0) { $0 + $1.0 * $1.1 }
            for j in q.indices { q[j] -= alphas[i] * pairs[i].y[j] }
        }
        if let last = pairs.last {
            let gamma = 1 / (last.rho * last.y.reduce(0) { $0 + $1 * $1 })
            for j in q.indices { q[j] *= gamma }
        }
        for i in pairs.indices {
            let beta = pairs[i].rho * zip(pairs[i].y, q).reduce(0) { $0 + $1.0 * $1.1 }
            for j in q.indices { q[j] += (alphas[i] - beta) * pairs[i].s[j] }
        }
        return q.map { -$0 }
    }

    private static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    private static func result(
        _ x: [Double], _ f: Double, _ g: [Double], _ iterations: Int, _ converged: Bool, _ reason: String
    ) -> OptimizationResult {
        OptimizationResult(
            point: x, logDensity: -f, gradient: g.map { -$0 }, iterations: iterations, converged: converged, reason: reason)
    }
}
