import MMMCore

/// Why each channel ended where it did, and why a budget or target could not be met — in words a marketer can act on.
package enum AllocationExplanation {
    /// A channel "moved" when its spend changed by more than this share of its initial spend.
    package static let movedShare = 0.001

    /// The status and explanation of one channel in one run.
    /// - Parameters:
    ///   - index: the channel's position.
    ///   - run: the solved run.
    ///   - problem: the problem.
    /// - Returns: status, whether it moved, and the sentence.
    package static func channel(_ index: Int, run: SolvedRun, problem: AllocationProblem) -> (
        AllocationStatus, moved: Bool, String
    ) {
        let channel = problem.channels[index]
        let name = channel.model.name
        let spend = run.spend[index]
        let lower = run.lower[index]
        let upper = run.upper[index]
        let initial = channel.initialSpend
        let moved = initial > 0 ? Swift.abs(spend - initial) > movedShare * initial : spend > 0
        let a = AllocationWords.amount
        let bound = { (value: Double, multiplier: Double) in
            channel.reference > 0
                ? "\(a(value)) (\(AllocationWords.multiplier(multiplier)) \(channel.referenceName) \(a(channel.reference)))"
                : a(value)
        }
        let lowText = bound(lower, run.multipliers[index].low)
        let upText = bound(upper, run.multipliers[index].up)
        let marginal = channel.curve.gradient(at: spend)
        let others = run.price.map { " the \(a($0)) the other channels reach" } ?? " what the other channels return"

        if upper - lower <= 1e-9 * Swift.max(1, upper) {
            let why =
                upper == 0
                ? (channel.referenceName == "no channel budget"
                    ? "it has no channel budget, so its bounds are [0, 0]"
                    : (channel.reference == 0 ? "it had no spend in the date range, so bounds relative to its mean spend are [0, 0]" : "its bounds are [0, 0]"))
                : "its lower and upper bounds are both \(a(upper))"
            return (.fixedByBounds, moved, "cannot move: \(why)")
        }
        switch run.feasibility {
        case .belowLowerBounds:
            return (.budgetBelowLowerBounds, moved, "held at its lower bound \(lowText): the budget is below the sum of the lower bounds")
        case .aboveUpperBounds:
            return (.budgetAboveUpperBounds, moved, "held at its upper bound \(upText): the budget is above the sum of the upper bounds")
        default: break
        }
        if channel.curve.coefficient == 0 {
            return (
                .zeroCoefficient, moved,
                "the model gives \(name) no effect (coefficient 0), so its money is better used elsewhere; held at its lower bound \(lowText)"
            )
        }
        let atLower = !SolvedRun.isInside(spend, lower, upper) && spend - lower <= upper - spend
        if atLower {
            if let price = run.price, channel.curve.peakMarginal(from: spend) > price * (1 + 1e-6) {
                return (
                    .atLowerBound, moved,
                    "held at its lower bound \(lowText): its curve is still in its slow start there (S-shaped): one more unit returns \(a(marginal)), below\(others), and the steeper part of its curve starts too far up for the money to return more than elsewhere"
                )
            }
            return (
                .atLowerBound, moved,
                "would spend less: at its lower bound \(lowText) one more unit returns \(a(marginal)), below\(others); lower its lower bound to free more money"
            )
        }
        if !SolvedRun.isInside(spend, lower, upper) {
            return (
                .atUpperBound, moved,
                "would spend more: at its upper bound \(upText) one more unit still returns \(a(marginal)), above\(others); raise its upper bound to move more money here"
            )
        }
        if !moved {
            return (
                .optimal, moved,
                "already optimal: at its current spend \(a(spend)) one more unit returns \(a(marginal)), the same as the other channels"
            )
        }
        let change = initial > 0 ? " (\(AllocationWords.percent(spend / initial - 1)))" : ""
        return (
            .optimal, moved,
            "moved from \(a(initial)) to \(a(spend))\(change), where one more unit returns \(a(marginal)), the same as every channel not held by a bound"
        )
    }

    /// Problem-level diagnostics of a run: an infeasible budget or target, in words with the bounds that hold.
    /// - Parameters:
    ///   - run: the solved run.
    ///   - problem: the problem.
    ///   - label: "bounded" or "extended (bounds × 3)".
    /// - Returns: zero or more diagnostics.
    package static func problem(_ run: SolvedRun, problem: AllocationProblem, label: String) -> [Diagnostic] {
        let a = AllocationWords.amount
        let periods = Double(problem.periods)
        let names = problem.channels.map(\.model.name)
        func largest(_ values: [Double], _ multipliers: (BoundMultipliers) -> Double) -> String {
            let order = values.indices.filter { values[$0] > 0 }.sorted { values[$0] > values[$1] }.prefix(3)
            return order.map { i in
                "\(names[i]) \(a(values[i])) (\(AllocationWords.multiplier(multipliers(run.multipliers[i]))) \(a(problem.channels[i].reference)))"
            }.joined(separator: ", ")
        }
        var out: [Diagnostic] = []
        switch run.feasibility {
        case .feasible:
            break
        case .belowLowerBounds(let shortfall):
            out.append(
                .warning(
                    "allocation_budget_below_lower_bounds",
                    "\(label) run: the budget of \(a(run.budget)) per period (\(a(run.budget * periods)) over \(problem.periods) periods) "
                        + "is \(a(shortfall)) per period below the sum of the channels' lower bounds (\(a(run.lower.reduce(0, +)))), "
                        + "so every channel is held at its lower bound and the allocation spends \(a(shortfall * periods)) more than the budget. "
                        + "Largest lower bounds: \(largest(run.lower) { $0.low }); lower them or raise the budget."))
        case .aboveUpperBounds(let excess):
            out.append(
                .warning(
                    "allocation_budget_above_upper_bounds",
                    "\(label) run: the budget of \(a(run.budget)) per period (\(a(run.budget * periods)) over \(problem.periods) periods) "
                        + "is \(a(excess)) per period above the sum of the channels' upper bounds (\(a(run.upper.reduce(0, +)))), "
                        + "so every channel is held at its upper bound and \(a(excess * periods)) is left unallocated. "
                        + "Tightest upper bounds: \(largest(run.upper) { $0.up }); raise them or lower the budget."))
        case .targetUnreachable:
            let spend = run.spend.reduce(0, +)
            let response = run.response.reduce(0, +)
            let reached = problem.depVarType == .revenue ? "a ROAS of \(a(response / spend))" : "a CPA of \(a(spend / response))"
            out.append(
                .warning(
                    "allocation_target_unreachable",
                    "\(label) run: even with every channel at its lower bound the best split reaches \(reached), "
                        + "short of the target \(a(problem.target ?? .nan)); the result shows the lower bounds. "
                        + "Largest lower bounds: \(largest(run.lower) { $0.low }); lower them or relax the target."))
        case .targetCappedByUpperBounds:
            let spend = run.spend.reduce(0, +)
            let response = run.response.reduce(0, +)
            let reached = problem.depVarType == .revenue ? "a ROAS of \(a(response / spend))" : "a CPA of \(a(spend / response))"
            out.append(
                .note(
                    "allocation_target_capped",
                    "\(label) run: with every channel at its upper bound the split still reaches \(reached), better than "
                        + "the target \(a(problem.target ?? .nan)); the upper bounds, not the target, limit spend"))
        }
        if run.gap > BudgetSolver.tolerance * Swift.max(1, Swift.abs(run.response.reduce(0, +))) {
            out.append(
                .note(
                    "allocation_optimality_gap",
                    "\(label) run: the solver stopped at its node limit; the response is within \(a(run.gap)) per period of the optimum"))
        }
        return out
    }
}
