import MMMCore

/// Recovery against a simulation's truth in `results.csv` (`benchmark collect --truth truth.json`): `roi_mae` (mean
/// absolute ROI error over the main paid channels, as `mmm-cli evaluate` computes it), `roi_mae_all`, `placebo_share`,
/// and per paid channel `roi_err_<spend>` (model − truth).
public struct TruthColumns: ResultsColumnProvider {
    /// The truth.
    public var truth: Truth
    /// The spend share from which a channel counts as main.
    public var mainShare: Double

    /// A provider comparing each variant's chosen model with `truth`.
    public init(truth: Truth, mainShare: Double = RecoveryEvaluation.defaultMainShare) {
        self.truth = truth
        self.mainShare = mainShare
    }

    public func columns(plan: BenchmarkPlan, summaries: [String: ModelSummary]) -> [String] {
        ["roi_mae", "roi_mae_all", "placebo_share"] + BenchmarkCollector.paidSpends(plan: plan, summaries: summaries).map { "roi_err_" + $0 }
    }

    public func values(for variant: BenchmarkVariant, run: any RunFolder, summary: ModelSummary) async throws -> [String: String] {
        let report = try RecoveryEvaluation.evaluate(runFolder: run.location, truth: truth, mainShare: mainShare)
        var row = [
            "roi_mae": ResultsTable.number(report.roiMAEMain),
            "roi_mae_all": ResultsTable.number(report.roiMAE),
            "placebo_share": ResultsTable.number(report.placeboShare),
        ]
        for channel in report.channels {
            guard let spend = channel.spendColumn else { continue }
            row["roi_err_" + spend] = ResultsTable.number(channel.roiError)
        }
        return row
    }
}
