import MMMCore

/// The allocation of each variant's best model in `results.csv` (from `model_summary.json`'s `allocation`, written by
/// the `allocate` step): the scenario, whether the bounds allowed it, spend and response before and after, the lift,
/// and per paid channel the optimal spend change (`alloc_change_<spend>` = optimal / historical − 1).
public struct AllocationColumns: ResultsColumnProvider {
    /// The fixed columns, in order.
    public static let fixedColumns = [
        "alloc_scenario", "alloc_feasible", "alloc_initial_spend", "alloc_optimal_spend", "alloc_initial_response",
        "alloc_optimal_response", "alloc_response_lift",
    ]

    /// Creates the provider.
    public init() {}

    public func columns(plan: BenchmarkPlan, summaries: [String: ModelSummary]) -> [String] {
        var channels: [String] = []
        for variant in plan.variants {
            for c in summaries[variant.id]?.allocation?.channels ?? [] where !channels.contains(c.channel) {
                channels.append(c.channel)
            }
        }
        return Self.fixedColumns + channels.map { "alloc_change_" + $0 }
    }

    public func values(for variant: BenchmarkVariant, run: any RunFolder, summary: ModelSummary) async throws -> [String: String] {
        guard let a = summary.allocation else { return [:] }
        var row = [
            "alloc_scenario": a.scenario.rawValue,
            "alloc_feasible": a.feasible ? "TRUE" : "FALSE",
            "alloc_initial_spend": ResultsTable.number(a.initialSpend),
            "alloc_optimal_spend": ResultsTable.number(a.optimalSpend),
            "alloc_initial_response": ResultsTable.number(a.initialResponse),
            "alloc_optimal_response": ResultsTable.number(a.optimalResponse),
            "alloc_response_lift": ResultsTable.number(a.responseLift),
        ]
        for c in a.channels where c.initialSpend > 0 {
            row["alloc_change_" + c.channel] = ResultsTable.number(c.optimalSpend / c.initialSpend - 1)
        }
        return row
    }
}
