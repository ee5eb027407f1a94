import Foundation
import MMMTestSupport
import Testing

@testable import MMMEngine

/// The solver against brute force: on random small problems (S-shaped and concave curves mixed, bounds and
/// budgets drawn at random) no grid point beats it, every constraint holds, and the first-order conditions hold.
@Suite struct AllocatorOptimalityTests {
    static func randomProblem(channels: Int, seed: UInt64) -> (channels: [BoundedCurve], budget: Double) {
        var rng = SeededRandom(seed: seed)
        let curves = (0..<channels).map { _ -> BoundedCurve in
            let inflexion = rng.uniform(10...1_000)
            let curve = ResponseCurve(
                coefficient: rng.uniform(100...100_000), alpha: rng.uniform(0.5...3.5), inflexion: inflexion,
                carryoverMean: rng.uniform(0...1) < 0.3 ? 0 : rng.uniform(0...inflexion))
            let lower = rng.uniform(0...1) < 0.3 ? 0 : rng.uniform(0...inflexion)
            return BoundedCurve(curve: curve, lower: lower, upper: lower + rng.uniform(0.1...3) * inflexion)
        }
        let low = curves.map(\.lower).reduce(0, +)
        let high = curves.map(\.upper).reduce(0, +)
        return (curves, low + rng.uniform(0...1) * (high - low))
    }

    static func total(_ channels: [BoundedCurve], _ spend: [Double]) -> Double {
        zip(channels, spend).map { $0.curve.response(at: $1) }.reduce(0, +)
    }

    /// Constraints and first-order (KKT) conditions of a solution.
    static func checkConditions(_ channels: [BoundedCurve], budget: Double, _ solution: BudgetSolver.Solution) {
        #expect(Swift.abs(solution.spend.reduce(0, +) - budget) <= 1e-9 * Swift.max(1, budget))
        for (c, x) in zip(channels, solution.spend) {
            #expect(x >= c.lower && x <= c.upper, "spend \(x) outside [\(c.lower), \(c.upper)]")
        }
        let price = solution.price
        for (c, x) in zip(channels, solution.spend) where c.curve.coefficient > 0 {
            let marginal = c.curve.gradient(at: x)
            let tolerance = 1e-5 * Swift.max(price, 1e-12)
            if SolvedRun.isInside(x, c.lower, c.upper) {
                #expect(Swift.abs(marginal - price) <= tolerance, "free channel: marginal \(marginal) vs price \(price)")
            } else if x - c.lower <= c.upper - x {
                #expect(marginal <= price + tolerance, "at lower bound: marginal \(marginal) > price \(price)")
            } else {
                #expect(marginal >= price - tolerance, "at upper bound: marginal \(marginal) < price \(price)")
            }
        }
    }

    @Test(arguments: 0..<40)
    func twoChannelsBeatEveryGridPoint(seed: Int) {
        let (channels, budget) = Self.randomProblem(channels: 2, seed: UInt64(seed) + 1)
        let solution = BudgetSolver.maximize(channels, budget: budget)
        let lo = Swift.max(channels[0].lower, budget - channels[1].upper)
        let hi = Swift.min(channels[0].upper, budget - channels[1].lower)
        var best = -Double.infinity
        var bestX = lo
        let steps = 20_000
        for k in 0...steps {
            let x = lo + (hi - lo) * Double(k) / Double(steps)
            let value = Self.total(channels, [x, budget - x])
            if value > best {
                best = value
                bestX = x
            }
        }
        #expect(solution.total >= best - 1e-10 * Swift.abs(best), "solver \(solution.total) < grid \(best) at x1 = \(bestX)")
        // The grid's best point is within one step of the optimum, so the values agree to the grid's resolution.
        let step = (hi - lo) / Double(steps)
        let slope = channels.map { $0.curve.peakMarginal(from: $0.lower) }.filter(\.isFinite).max() ?? 0
        #expect(solution.total - best <= 2 * slope * step + 1e-9 * Swift.abs(best))
        Self.checkConditions(channels, budget: budget, solution)
    }

    @Test(arguments: 0..<15)
    func threeChannelsBeatEveryGridPoint(seed: Int) {
        let (channels, budget) = Self.randomProblem(channels: 3, seed: UInt64(seed) + 1_000)
        let solution = BudgetSolver.maximize(channels, budget: budget)
        var best = -Double.infinity
        let steps = 300
        let (l0, u0, l1, u1) = (channels[0].lower, channels[0].upper, channels[1].lower, channels[1].upper)
        for i in 0...steps {
            let x0 = l0 + (u0 - l0) * Double(i) / Double(steps)
            for j in 0...steps {
                let x1 = l1 + (u1 - l1) * Double(j) / Double(steps)
                let x2 = budget - x0 - x1
                guard x2 >= channels[2].lower, x2 <= channels[2].upper else { continue }
                best = Swift.max(best, Self.total(channels, [x0, x1, x2]))
            }
        }
        #expect(solution.total >= best - 1e-10 * Swift.abs(best), "solver \(solution.total) < grid \(best)")
        Self.checkConditions(channels, budget: budget, solution)
    }

    /// Two identical S-shaped channels: splitting evenly is a saddle (the local optimum a gradient method finds from
    /// equal starting points); all in one channel is the optimum.
    @Test func sShapedCurvesAreNotSplitEvenlyWhenConcentratingPays() {
        let curve = ResponseCurve(coefficient: 1_000, alpha: 3, inflexion: 100, carryoverMean: 0)
        let channels = [BoundedCurve(curve: curve, lower: 0, upper: 200), BoundedCurve(curve: curve, lower: 0, upper: 200)]
        let solution = BudgetSolver.maximize(channels, budget: 120)
        let even = Self.total(channels, [60, 60])
        #expect(solution.total > even * 1.5, "\(solution.total) vs even split \(even)")
        #expect(solution.spend.max() == 120)
    }

    @Test func concaveProblemsNeedOneNode() {
        let channels = [
            BoundedCurve(curve: ResponseCurve(coefficient: 500, alpha: 0.8, inflexion: 50, carryoverMean: 5), lower: 0, upper: 100),
            BoundedCurve(curve: ResponseCurve(coefficient: 900, alpha: 1, inflexion: 80, carryoverMean: 0), lower: 10, upper: 100),
        ]
        let solution = BudgetSolver.maximize(channels, budget: 90)
        #expect(solution.nodes == 1)
        #expect(solution.gap <= 1e-9 * solution.total)
        Self.checkConditions(channels, budget: 90, solution)
    }

    @Test func targetSearchFindsTheLargestSpendMeetingTheRatio() {
        let (channels, _) = Self.randomProblem(channels: 3, seed: 77)
        let low = channels.map(\.lower).reduce(0, +)
        let high = channels.map(\.upper).reduce(0, +)
        let atLow = BudgetSolver.maximize(channels, budget: low).total / Swift.max(low, 1e-9)
        let atHigh = BudgetSolver.maximize(channels, budget: high).total / high
        let ratio = 0.5 * (atLow + atHigh)
        let found = TargetSearch.solve(channels, ratio: ratio)
        #expect(found.outcome == .met)
        #expect(Swift.abs(found.solution.total / found.budget - ratio) <= 1e-8 * ratio)
        // Spending noticeably more misses the target.
        let more = found.budget + 1e-4 * (high - low)
        if more <= high { #expect(BudgetSolver.maximize(channels, budget: more).total < ratio * more) }
    }
}
