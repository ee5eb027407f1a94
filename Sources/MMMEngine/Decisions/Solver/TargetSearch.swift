/// target_efficiency: the largest total spend whose best split still returns at least `ratio` per unit of spend.
///
/// Robyn maximises response subject to `Σ response = ratio · Σ spend`. On that constraint response and spend rise
/// together, so the answer is the largest budget B in `[Σ lower, Σ upper]` with `R*(B) ≥ ratio · B`, where `R*` is
/// the best response for budget B (``BudgetSolver``). `R*(B) − ratio · B` is scanned from the top down on a grid and
/// the crossing refined by bisection.
package enum TargetSearch {
    /// How the search ended.
    package enum Outcome: Sendable, Equatable {
        /// The target is met exactly at a budget inside the bounds.
        case met
        /// Even the upper bounds meet the target: spend is capped by them.
        case cappedByUpperBounds
        /// Even the lower bounds miss the target: the result is the lower bounds.
        case unreachable
    }

    /// Scan points between the smallest and the largest total spend.
    static let gridPoints = 8

    /// Finds the budget and its split.
    /// - Parameters:
    ///   - channels: curves with bounds.
    ///   - ratio: the required response per unit of spend (the target ROAS, or 1 / target CPA).
    /// - Returns: the budget per period, its best split, and how the search ended.
    package static func solve(_ channels: [BoundedCurve], ratio: Double) -> (
        budget: Double, solution: BudgetSolver.Solution, outcome: Outcome
    ) {
        let low = channels.map(\.lower).reduce(0, +)
        let high = channels.map(\.upper).reduce(0, +)
        func surplus(_ budget: Double) -> (Double, BudgetSolver.Solution) {
            let solution = BudgetSolver.maximize(channels, budget: budget)
            return (solution.total - ratio * budget, solution)
        }
        let top = surplus(high)
        if top.0 >= 0 { return (high, top.1, .cappedByUpperBounds) }
        var above = (high, top.1)
        var surplusAbove = top.0
        var surplusBelow = 0.0
        var found: (Double, BudgetSolver.Solution)?
        for step in stride(from: gridPoints - 1, through: 0, by: -1) {
            let budget = low + (high - low) * Double(step) / Double(gridPoints)
            let point = surplus(budget)
            if point.0 >= 0 {
                found = (budget, point.1)
                surplusBelow = point.0
                break
            }
            above = (budget, point.1)
            surplusAbove = point.0
        }
        // The scan ends at the lower bounds, so without a crossing `above` holds their solution.
        guard var below = found else { return (low, above.1, .unreachable) }
        // Illinois on the surplus (continuous in B), bisecting after any step that did not halve the bracket, to
        // 1e-12 relative in B.
        var side = 0
        var previousWidth = Double.infinity
        for _ in 0..<200 {
            let width = above.0 - below.0
            guard width > 1e-12 * Swift.max(1, above.0), surplusBelow > 1e-13 * ratio * Swift.max(1, below.0) else { break }
            var mid = below.0 + surplusBelow * width / (surplusBelow - surplusAbove)
            if width > 0.5 * previousWidth || !(mid > below.0 && mid < above.0) { mid = 0.5 * (below.0 + above.0) }
            previousWidth = width
            guard mid > below.0, mid < above.0 else { break }
            let point = surplus(mid)
            if point.0 >= 0 {
                below = (mid, point.1)
                surplusBelow = point.0
                if side == 1 { surplusAbove *= 0.5 }
                side = 1
            } else {
                above = (mid, point.1)
                surplusAbove = point.0
                if side == -1 { surplusBelow *= 0.5 }
                side = -1
            }
        }
        return (below.0, below.1, .met)
    }
}
