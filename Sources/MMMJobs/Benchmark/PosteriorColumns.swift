import MMMCore

/// The posterior of each Bayesian variant in `results.csv`: `bayes_verdict` (`ok`, `warning`, `failed` or
/// `approximate`, from `posterior_diagnostics.json`) and per paid channel the 90 % interval of its ROI,
/// `roi_q05_<spend>` and `roi_q95_<spend>` (from `posterior.csv`; `roi_<spend>` is the posterior mean). The columns
/// appear only when some variant was trained by the Bayesian backend; other rows leave them empty.
public struct PosteriorColumns: ResultsColumnProvider {
    /// Creates the provider.
    public init() {}

    public func columns(plan: BenchmarkPlan, summaries: [String: ModelSummary]) -> [String] {
        guard summaries.values.contains(where: { $0.engine.name == BayesBackend.engineInfo.name }) else { return [] }
        let paid = BenchmarkCollector.paidSpends(plan: plan, summaries: summaries)
        return ["bayes_verdict"] + paid.flatMap { ["roi_q05_" + $0, "roi_q95_" + $0] }
    }

    public func values(for variant: BenchmarkVariant, run: any RunFolder, summary: ModelSummary) async throws -> [String: String] {
        guard summary.engine.name == BayesBackend.engineInfo.name,
            let view = try await PosteriorView.read(run, names: ["posterior.csv", "posterior_diagnostics.json"])
        else { return [:] }
        // posterior.csv names a channel by its model variable (facebook_I); the results use the spend column.
        var spendOf: [String: String] = [:]
        for c in summary.decomposition where c.role == .paidMedia { spendOf[c.variable] = c.spendColumn ?? c.variable }
        var row = ["bayes_verdict": view.verdictStatus ?? ""]
        for channel in view.channels {
            guard let spend = spendOf[channel.name] else { continue }
            row["roi_q05_" + spend] = ResultsTable.number(channel.roi.q05)
            row["roi_q95_" + spend] = ResultsTable.number(channel.roi.q95)
        }
        return row
    }
}
