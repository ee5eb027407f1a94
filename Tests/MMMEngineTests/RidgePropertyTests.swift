import MMMTestSupport
import MMMEngine
import Testing

/// Properties of the ridge solvers on random box-constrained problems: feasibility, KKT, optimality.
@Suite("Ridge solver properties")
struct RidgePropertyTests {
    struct Problem {
        let columns: [[Double]]
        let y: [Double]
        let lower: [Double]
        let upper: [Double]
        let lambda: Double
        let penalty: [Double]?
    }

    /// Random correlated columns with offsets, sign bounds that often bind, and a response with mixed signs.
    static func problem(seed: UInt64) -> Problem {
        var rng = SeededRandom(seed: seed)
        let n = Int.random(in: 20...120, using: &rng)
        let p = Int.random(in: 2...14, using: &rng)
        let base = (0..<n).map { _ in rng.uniform(-1...1) }
        var columns: [[Double]] = []
        for j in 0..<p {
            let weight = rng.uniform(0...0.9)
            let offset = rng.uniform(-5...50)
            let scale = rng.uniform(0.1...100)
            columns.append((0..<n).map { i in offset + scale * (weight * base[i] + rng.uniform(-1...1)) })
            // Some constant columns: glmnet excludes them.
            if j == 1, seed % 5 == 0 { columns[j] = Array(repeating: 3.5, count: n) }
        }
        let truth = (0..<p).map { _ in rng.uniform(-2...2) }
        let y = (0..<n).map { i in
            rng.uniform(-10...40) + zip(columns, truth).reduce(0) { $0 + $1.0[i] * $1.1 } + 5 * rng.uniform(-1...1)
        }
        var lower: [Double] = []
        var upper: [Double] = []
        for _ in 0..<p {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: (lower, upper) = (lower + [-.infinity], upper + [.infinity])
            case 1: (lower, upper) = (lower + [0], upper + [.infinity])
            case 2: (lower, upper) = (lower + [-.infinity], upper + [0])
            default: (lower, upper) = (lower + [0], upper + [rng.uniform(0.01...1)])
            }
        }
        let penalty: [Double]? = seed % 3 == 0 ? (0..<p).map { _ in rng.uniform(0.1...1) } : nil
        return Problem(
            columns: columns, y: y, lower: lower, upper: upper, lambda: pow10(rng.uniform(-3...2)), penalty: penalty)
    }

    static func pow10(_ e: Double) -> Double {
        var value = 1.0
        let whole = Int(e.rounded(.down))
        for _ in 0..<Swift.abs(whole) { value = whole < 0 ? value / 10 : value * 10 }
        return value * (1 + (e - Double(whole)) * 9)
    }

    @Test("exact solver: coefficients within bounds and KKT conditions hold", arguments: 0..<60)
    func exactKKT(seed: Int) throws {
        let problem = Self.problem(seed: UInt64(seed))
        for intercept in [true, false] {
            let fit = try GlmnetRidge.fit(
                columns: problem.columns, y: problem.y, lambda: problem.lambda, lowerLimits: problem.lower,
                upperLimits: problem.upper, penaltyFactor: problem.penalty, intercept: intercept, solver: .exact)
            let objective = RidgeObjective(
                columns: problem.columns, y: problem.y, lambda: problem.lambda, intercept: intercept,
                penaltyFactor: problem.penalty)
            let gradient = objective.gradient(intercept: fit.intercept, coefficients: fit.coefficients)
            let sy = objective.responseScale
            for j in problem.columns.indices {
                let b = fit.coefficients[j]
                #expect(b >= problem.lower[j] && b <= problem.upper[j], "seed \(seed) column \(j) out of bounds")
                let s = RidgeObjective.populationSD(problem.columns[j])
                guard s > 0 else {
                    #expect(b == 0, "constant column must get 0")
                    continue
                }
                // Gradient in standardised units (β = s·b, y/s_y).
                let g = gradient[j] / (s * sy)
                if b == problem.lower[j] {
                    #expect(g >= -1e-9, "seed \(seed) column \(j): lower bound with negative gradient \(g)")
                } else if b == problem.upper[j] {
                    #expect(g <= 1e-9, "seed \(seed) column \(j): upper bound with positive gradient \(g)")
                } else {
                    #expect(Swift.abs(g) <= 1e-9, "seed \(seed) column \(j): free with gradient \(g)")
                }
            }
        }
    }

    @Test("glmnet emulation stays feasible, converges to the exact optimum, never beats it", arguments: 0..<60)
    func glmnetAgainstExact(seed: Int) throws {
        let problem = Self.problem(seed: UInt64(seed))
        for intercept in [true, false] {
            func fit(_ solver: RidgeSolver) throws -> RidgeFit {
                try GlmnetRidge.fit(
                    columns: problem.columns, y: problem.y, lambda: problem.lambda, lowerLimits: problem.lower,
                    upperLimits: problem.upper, penaltyFactor: problem.penalty, intercept: intercept, solver: solver)
            }
            let exact = try fit(.exact)
            let robyn = try fit(.robyn)
            let converged = try fit(.glmnet(threshold: 1e-24, maxPasses: 2_000_000))
            let objective = RidgeObjective(
                columns: problem.columns, y: problem.y, lambda: problem.lambda, intercept: intercept,
                penaltyFactor: problem.penalty)
            let best = objective.value(intercept: exact.intercept, coefficients: exact.coefficients)
            for candidate in [robyn, converged] {
                for (j, b) in candidate.coefficients.enumerated() {
                    #expect(b >= problem.lower[j] && b <= problem.upper[j], "seed \(seed) column \(j)")
                }
                let value = objective.value(intercept: candidate.intercept, coefficients: candidate.coefficients)
                #expect(value >= best * (1 - 1e-12), "seed \(seed): glmnet below the exact optimum")
            }
            let convergedValue = objective.value(intercept: converged.intercept, coefficients: converged.coefficients)
            #expect(Tolerance.close(convergedValue, best, rel: 1e-9), "seed \(seed) intercept \(intercept)")
        }
    }

    @Test("unbounded fit equals the closed form (Xs'Xs/n + λ/s_y·I)⁻¹ Xs'yc/n")
    func closedForm() throws {
        let problem = Self.problem(seed: 7)
        let p = problem.columns.count
        let free = [Double](repeating: .infinity, count: p)
        let fit = try GlmnetRidge.fit(
            columns: problem.columns, y: problem.y, lambda: problem.lambda, lowerLimits: free.map { -$0 },
            upperLimits: free, solver: .exact)
        // Independent normal-equation solve by Gaussian elimination in original scale.
        let objective = RidgeObjective(columns: problem.columns, y: problem.y, lambda: problem.lambda, intercept: true)
        let n = Double(problem.y.count)
        let means = problem.columns.map { $0.reduce(0, +) / n }
        let yMean = problem.y.reduce(0, +) / n
        var a = [[Double]](repeating: [Double](repeating: 0, count: p + 1), count: p)
        for j in 0..<p {
            for k in 0..<p {
                a[j][k] = zip(problem.columns[j], problem.columns[k]).reduce(0) { $0 + ($1.0 - means[j]) * ($1.1 - means[k]) } / n
            }
            let s = RidgeObjective.populationSD(problem.columns[j])
            a[j][j] += problem.lambda / objective.responseScale * s * s
            a[j][p] = zip(problem.columns[j], problem.y).reduce(0) { $0 + ($1.0 - means[j]) * ($1.1 - yMean) } / n
        }
        for col in 0..<p {
            let pivot = (col..<p).max { Swift.abs(a[$0][col]) < Swift.abs(a[$1][col]) } ?? col
            a.swapAt(col, pivot)
            for row in 0..<p where row != col {
                let factor = a[row][col] / a[col][col]
                for k in col...p { a[row][k] -= factor * a[col][k] }
            }
        }
        let solution = (0..<p).map { a[$0][p] / a[$0][$0] }
        #expect(Tolerance.firstMismatch(fit.coefficients, solution, rel: 1e-8, abs: 1e-12) == nil)
    }
}
