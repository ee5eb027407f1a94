import MMMCore

/// Spend bounds as multipliers of a channel's reference spend (its mean spend over the date range).
package struct BoundMultipliers: Sendable, Hashable {
    /// Lower multiplier (≥ 0).
    package var low: Double
    /// Upper multiplier (≥ low).
    package var up: Double

    /// Creates multipliers.
    package init(low: Double, up: Double) {
        self.low = low
        self.up = up
    }

    /// Robyn's defaults for max_response: [0.5, 2].
    package static let maxResponse = BoundMultipliers(low: 0.5, up: 2)
    /// Robyn's defaults for target_efficiency: [0.1, 10].
    package static let targetEfficiency = BoundMultipliers(low: 0.1, up: 10)

    /// Robyn's extended run: `low' = max(0, 1 − (1 − low)·m)`, `up' = 1 + (up − 1)·m` (or `up·m` if that is < 0).
    /// - Parameter multiplier: how much wider (Robyn: 3).
    /// - Returns: the widened multipliers.
    package func widened(by multiplier: Double) -> BoundMultipliers {
        let up = 1 + (self.up - 1) * multiplier
        return BoundMultipliers(low: Swift.max(0, 1 - (1 - low) * multiplier), up: up < 0 ? self.up * multiplier : up)
    }
}

/// What to allocate: a scenario, the date range, bounds and optional fixed channel budgets.
package struct AllocationRequest: Sendable {
    /// Where a max_response budget comes from.
    package enum Budget: Sendable, Hashable {
        /// The historical spend of the date range (Robyn's default; the previous system's `max_historical_response`).
        case historical
        /// A total over the date range, with where it came from (e.g. "expected_spend", "--budget").
        case total(Double, source: String)
    }

    /// What is optimised.
    package enum Scenario: Sendable, Hashable {
        /// The most response for a budget.
        case maxResponse(Budget)
        /// The most spend whose total ROAS (revenue) or CPA (conversion) still meets `target`; nil means Robyn's
        /// default (0.8 × the initial ROAS, or 1.2 × the initial CPA).
        case targetEfficiency(target: Double?)
    }

    /// The scenario.
    package var scenario: Scenario
    /// The rows looked at (default: the last 365 days of the window).
    package var dateRange: DecisionDateRange = .standard
    /// Bounds for channels not listed in ``channelBounds``; nil means the scenario's defaults.
    package var defaultBounds: BoundMultipliers?
    /// Bounds per channel (modelled name or spend column).
    package var channelBounds: [String: BoundMultipliers] = [:]
    /// Fixed totals per channel over the date range (modelled name or spend column); unlisted channels get 0.
    /// Each channel may move ``channelBudgetTolerance`` around its budget (the previous system's third mode).
    package var channelBudgets: [String: Double] = [:]
    /// How far a channel with a budget may move from it (0.05: ±5 %, as the previous system).
    package var channelBudgetTolerance = 0.05
    /// The previous system's rule for a budget well below history: when the budget is under 0.9 × the historical
    /// spend, bounds become [0.01, min(2 × budget/history, 2)] (so the lower bounds cannot make it infeasible).
    package var lowBudgetRule = false
    /// How much wider the extended run's bounds are (Robyn: 3).
    package var extendedMultiplier = 3.0
    /// Points per response curve in the result.
    package var curvePoints = 101
    /// Notes on how the request was formed (e.g. a setting that does not apply to the scenario).
    package var notes: [Diagnostic] = []

    /// Creates a request.
    package init(scenario: Scenario) {
        self.scenario = scenario
    }
}
