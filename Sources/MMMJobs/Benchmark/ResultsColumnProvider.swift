import MMMCore

/// Extra columns of `results.csv` computed from each variant's run folder.
///
/// Two hooks use it:
/// - ``BenchmarkCollector/allocationColumns``: the allocation metrics of each variant's best model
///   (``AllocationColumns``).
/// - ``BenchmarkCollector/truthColumns``: `roi_mae` and `roi_err_<spend>` against a truth file (``TruthColumns``,
///   `benchmark collect --truth`).
public protocol ResultsColumnProvider: Sendable {
    /// The columns this provider adds, in order, given every variant's model summary (nil for a variant that did
    /// not train).
    func columns(plan: BenchmarkPlan, summaries: [String: ModelSummary]) -> [String]
    /// One variant's cells (missing keys stay empty).
    /// - Parameters:
    ///   - variant: the variant.
    ///   - run: the run folder whose model the row shows (the `same_as` target for a linked variant).
    ///   - summary: that run's model summary.
    func values(for variant: BenchmarkVariant, run: any RunFolder, summary: ModelSummary) async throws -> [String: String]
}
