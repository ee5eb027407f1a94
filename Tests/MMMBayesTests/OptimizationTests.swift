import Foundation
@testable import MMMBayes
import Testing

/// L-BFGS, its strong-Wolfe line search, the Newton polish and the Laplace approximation on targets with known
/// answers.
struct OptimizationTests {
    /// log p = −Rosenbrock(x, y); maximum at (1, 1).
    static let rosenbrock = ClosureDensity(dimension: 2) { q, g in
        let (x, y) = (q[0], q[1])
        g[0] = -(-2 * (1 - x) - 400 * x * (y - x * x))
        g[1] = -(200 * (y - x * x))
        return -((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x))
    }

    /// A correlated Gaussian with mean μ and covariance Σ = [[2, 0.6, 0], [0.6, 1, -0.3], [0, -0.3, 0.5]].
    static let mean = [1.0, -2.0, 0.5]
    static let covariance = [[2.0, 0.6, 0.0], [0.6, 1.0, -0.3], [0.0, -0.3, 0.5]]
    static let precision: [[Double]] = {
        // Σ⁻¹ by Gauss–Jordan on the 3 × 3 matrix.
        var a = covariance.enumerated().map { i, row in row + (0..<3).map { $0 == i ? 1.0 : 0.0 } }
        for col in 0..<3 {
            let pivot = a[col][col]
            a[col] = a[col].map { $0 / pivot }
            for row in 0..<3 where row != col {
                let factor = a[row][col]
                a[row] = zip(a[row], a[col]).map { $0 - factor * $1 }
            }
        }
        return a.map { Array($0[3...]) }
    }()
    static let gaussian = ClosureDensity(dimension: 3) { q, g in
        let d = zip(q, mean).map { $0 - $1 }
        var lp = 0.0
        for i in 0..<3 {
            var row = 0.0
            for j in 0..<3 { row += precision[i][j] * d[j] }
            g[i] = -row
            lp -= 0.5 * d[i] * row
        }
        return lp
    }

    @Test func lbfgsSolvesRosenbrock() throws {
        let result = try LBFGS.maximize(Self.rosenbrock, from: [-1.2, 1])
        #expect(result.converged, "\(result.reason)")
        #expect(abs(result.point[0] - 1) < 1e-5 && abs(result.point[1] - 1) < 1e-5, "\(result.point)")
        #expect(result.iterations < 100)
    }

    @Test func lineSearchStepsSatisfyTheStrongWolfeConditions() {
        // φ(α) = f(x + α·d) for f(x) = x⁴ − 3x² + x from x = 2 along d = −1.
        let f: (Double) -> (Double, Double) = { x in (x * x * x * x - 3 * x * x + x, 4 * x * x * x - 6 * x + 1) }
        let search = WolfeLineSearch()
        let (f0, g0) = f(2)
        let start = WolfeLineSearch.Trial(alpha: 0, value: f0, slope: -g0, gradient: [g0])
        for initial in [0.01, 0.5, 1, 8] {
            let found = search.search(start: start, initialStep: initial) { alpha in
                let (value, slope) = f(2 - alpha)
                return WolfeLineSearch.Trial(alpha: alpha, value: value, slope: -slope, gradient: [slope])
            }
            guard let step = found else {
                Issue.record("no step from α₀ = \(initial)")
                continue
            }
            #expect(step.value <= f0 + search.c1 * step.alpha * start.slope, "sufficient decrease at α \(step.alpha)")
            #expect(abs(step.slope) <= -search.c2 * start.slope, "curvature at α \(step.alpha)")
        }
    }

    @Test func mapAndLaplaceRecoverAGaussianExactly() throws {
        let approach = try LBFGS.maximize(Self.gaussian, from: [5, 5, 5])
        let polished = NewtonRefinement.refine(Self.gaussian, from: approach)
        for i in 0..<3 { #expect(abs(polished.point[i] - Self.mean[i]) < 1e-7) }
        let laplace = try LaplaceApproximation(Self.gaussian, mode: polished.point, logDensity: polished.logDensity)
        for i in 0..<3 {
            for j in 0..<3 { #expect(abs(laplace.precision[i][j] - Self.precision[i][j]) < 1e-6, "precision[\(i)][\(j)]") }
            #expect(abs(laplace.standardDeviations[i] - Self.covariance[i][i].squareRoot()) < 1e-7)
        }
        // Draws have the covariance Σ (4 Monte Carlo standard errors for 20 000 draws).
        let draws = laplace.draws(count: 20000, seed: 3)
        for (i, j) in [(0, 0), (0, 1), (1, 2), (2, 2)] {
            let products: [Double] = draws.map { draw in (draw[i] - Self.mean[i]) * (draw[j] - Self.mean[j]) }
            let count = Double(products.count)
            let estimate = products.reduce(0, +) / count
            let variance: Double = products.reduce(0) { sum, x in sum + (x - estimate) * (x - estimate) } / (count - 1)
            let bound = 4 * (variance / count).squareRoot()
            #expect(abs(estimate - Self.covariance[i][j]) < bound, "Σ[\(i)][\(j)] \(estimate)")
        }
    }

    @Test func laplaceRefusesASaddle() {
        let saddle = ClosureDensity(dimension: 2) { q, g in
            g[0] = -q[0]
            g[1] = q[1]
            return -0.5 * q[0] * q[0] + 0.5 * q[1] * q[1]
        }
        #expect(throws: BayesError.self) { try LaplaceApproximation(saddle, mode: [0, 0], logDensity: 0) }
    }

    @Test func mapOnTheMMMConvergesFromEveryStart() async throws {
        let model = try MMMPosterior(TestModels.small(weeks: 52).input)
        var options = MAPOptions()
        options.starts = 3
        let first = options
        let optimum = try await OffPool.run { try BayesFitter.maximumAPosteriori(model, options: first) }
        #expect(optimum.converged, "\(optimum.reason)")
        #expect(optimum.gradient.map(abs).max() ?? 1 < 1e-4)
        // Every start reaches the same mode.
        for seed in [UInt64(2), 3] {
            options.seed = seed
            let next = options
            let other = try await OffPool.run { try BayesFitter.maximumAPosteriori(model, options: next) }
            #expect(abs(other.logDensity - optimum.logDensity) < 1e-6)
        }
    }
}
