import MMMCore

/// One solved run of an allocation problem (the bounded run, or the extended run with wider bounds). Per period.
package struct SolvedRun: Sendable {
    /// Whether and how the budget or target fit the bounds.
    package enum Feasibility: Sendable, Equatable {
        /// Met within the bounds.
        case feasible
        /// The budget is below the sum of the lower bounds by this much (per period).
        case belowLowerBounds(shortfall: Double)
        /// The budget is above the sum of the upper bounds by this much (per period).
        case aboveUpperBounds(excess: Double)
        /// target_efficiency: even at the lower bounds the efficiency misses the target.
        case targetUnreachable
        /// target_efficiency: even at the upper bounds the efficiency beats the target, so the bounds cap spend.
        case targetCappedByUpperBounds

        /// Whether the budget or target was met (a target capped by the upper bounds is met with room to spare).
        package var isFeasible: Bool {
            switch self {
            case .feasible, .targetCappedByUpperBounds: return true
            case .belowLowerBounds, .aboveUpperBounds, .targetUnreachable: return false
            }
        }
    }

    /// The bound multipliers of each channel.
    package var multipliers: [BoundMultipliers]
    /// Lower bounds.
    package var lower: [Double]
    /// Upper bounds.
    package var upper: [Double]
    /// Optimised spend.
    package var spend: [Double]
    /// Response at the optimised spend.
    package var response: [Double]
    /// The common marginal response of channels not held by a bound (nil when every channel is held).
    package var price: Double?
    /// Distance from the optimum guaranteed by the solver.
    package var gap: Double
    /// The budget allocated (target_efficiency: the spend found).
    package var budget: Double
    /// How it fit.
    package var feasibility: Feasibility

    /// Solves one run of a problem.
    /// - Parameters:
    ///   - problem: the resolved problem.
    ///   - widening: nil for the bounded run; Robyn's multiplier (3) for the extended run.
    package init(_ problem: AllocationProblem, widening: Double?) {
        let multipliers = problem.channels.map { widening.map($0.multipliers.widened(by:)) ?? $0.multipliers }
        let lower = zip(problem.channels, multipliers).map { $0.reference * $1.low }
        let upper = zip(problem.channels, multipliers).map { $0.reference * $1.up }
        self.multipliers = multipliers
        self.lower = lower
        self.upper = upper
        let bounded = problem.channels.indices.map {
            BoundedCurve(curve: problem.channels[$0].curve, lower: lower[$0], upper: upper[$0])
        }
        let lowTotal = lower.reduce(0, +)
        let highTotal = upper.reduce(0, +)
        let slack = 1e-12 * Swift.max(1, highTotal)
        var solution: BudgetSolver.Solution?
        switch problem.scenario {
        case .maxResponse:
            let budget = problem.budget ?? 0
            self.budget = budget
            if budget < lowTotal - slack {
                feasibility = .belowLowerBounds(shortfall: lowTotal - budget)
                spend = lower
            } else if budget > highTotal + slack {
                feasibility = .aboveUpperBounds(excess: budget - highTotal)
                spend = upper
            } else {
                let solved = BudgetSolver.maximize(bounded, budget: Swift.min(Swift.max(budget, lowTotal), highTotal))
                feasibility = .feasible
                spend = solved.spend
                solution = solved
            }
        case .targetEfficiency:
            let target = problem.target ?? 1
            let ratio = problem.depVarType == .revenue ? target : 1 / target
            let found = TargetSearch.solve(bounded, ratio: ratio)
            budget = found.budget
            spend = found.solution.spend
            solution = found.solution
            switch found.outcome {
            case .met: feasibility = .feasible
            case .cappedByUpperBounds: feasibility = .targetCappedByUpperBounds
            case .unreachable: feasibility = .targetUnreachable
            }
        }
        response = zip(problem.channels, spend).map { $0.curve.response(at: $1) }
        gap = solution?.gap ?? 0
        let spend = self.spend
        let free = spend.indices.contains { SolvedRun.isInside(spend[$0], lower[$0], upper[$0]) }
        price = free ? solution?.price : nil
    }

    /// Whether a spend lies strictly between its bounds (beyond rounding).
    package static func isInside(_ spend: Double, _ lower: Double, _ upper: Double) -> Bool {
        let tolerance = 1e-9 * Swift.max(1, Swift.abs(upper))
        return spend > lower + tolerance && spend < upper - tolerance
    }
}
