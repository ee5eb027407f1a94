import MMMCore

extension AllocationRequest {
    /// The allocation `train` runs for a job configuration, as the previous system did (reference-system §4.3
    /// step 24), over the last 365 days of the window:
    ///
    /// - `max_historical_response`: the historical spend of the range, Robyn's default bounds [0.5, 2];
    /// - `max_response_expected_spend` without `channel_budgets`: `expected_spend` over the range; when it is below
    ///   0.9 × the historical spend the bounds become [0.01, min(2 × ratio, 2)];
    /// - `max_response_expected_spend` with `channel_budgets`: the budgets scaled to sum to `expected_spend`, each
    ///   channel within ±5 % of its budget, unlisted channels at 0.
    /// - Parameters:
    ///   - config: the job configuration as run.
    ///   - channels: the model's paid channel names and spend columns; budgets of other channels (dropped by data
    ///     preparation) are left out with a note before the scaling. Nil keeps every budget.
    package init(config: JobConfig, channels: Set<String>? = nil) {
        switch config.budgetScenario {
        case .maxHistoricalResponse:
            self.init(scenario: .maxResponse(.historical))
            if config.expectedSpend != nil || !config.channelBudgets.isEmpty {
                notes.append(
                    .note(
                        "allocation_settings_ignored",
                        "expected_spend and channel_budgets apply to budget_scenario max_response_expected_spend; "
                            + "this run allocates the historical spend (budget_scenario max_historical_response)",
                        path: "$.budget_scenario"))
            }
        case .maxResponseExpectedSpend:
            var budgets = config.channelBudgets
            var dropped: [String] = []
            if let channels {
                dropped = budgets.keys.filter { !channels.contains($0) }.sorted()
                for key in dropped { budgets[key] = nil }
            }
            let total = config.expectedSpend ?? budgets.values.reduce(0, +)
            self.init(scenario: .maxResponse(.total(total, source: "expected_spend")))
            for key in dropped {
                notes.append(
                    .note(
                        "channel_budget_unused", "'\(key)' is not a paid channel of the model (dropped by data preparation?); its budget is left out",
                        path: "$.channel_budgets.\(key)"))
            }
            if budgets.isEmpty {
                lowBudgetRule = true
            } else {
                let sum = budgets.values.reduce(0, +)
                channelBudgets = budgets.mapValues { sum > 0 ? $0 / sum * total : 0 }
                if sum > 0, abs(sum - total) > 1e-9 * Swift.max(1, total) {
                    notes.append(
                        .note(
                            "channel_budgets_scaled",
                            "channel_budgets sum to \(AllocationWords.amount(sum)); scaled to expected_spend "
                                + "\(AllocationWords.amount(total)), as the previous system did",
                            path: "$.channel_budgets"))
                }
            }
        }
    }
}
