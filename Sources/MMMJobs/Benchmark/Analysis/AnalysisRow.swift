import MMMCore

/// One row of `results.csv` as the analysis reads it.
public struct AnalysisRow: Sendable, Equatable {
    /// The variant id (`naive_baseline` for the baseline row).
    public var id: String
    /// `benchmark_variant`.
    public var name: String
    /// Every cell as written.
    public var cells: [String: String]

    /// A numeric cell (nil when empty or not a finite number).
    public func number(_ column: String) -> Double? {
        guard let text = cells[column], let value = NumberParser.parse(text), value.isFinite else { return nil }
        return value
    }

    /// Whether this row has a trained model's metrics.
    public var hasModel: Bool { cells["state"] == "SUCCEEDED" && number("nrmse_train") != nil }

    /// The split-aware fit error: validation NRMSE, else training NRMSE (no validation split).
    public var fitError: Double? { number("nrmse_val") ?? number("nrmse_train") }

    /// The Bayesian backend's convergence verdict (`ok`, `warning`, `failed`, `approximate`); nil for other engines.
    public var verdict: String? { cells["bayes_verdict"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The widths of the 90 % ROI (or CPA) intervals of the paid channels, `roi_q95_<spend>` − `roi_q05_<spend>`, in
    /// column order (Bayesian variants only).
    public func intervalWidths(columns: [String]) -> [Double] {
        columns.filter { $0.hasPrefix("roi_q05_") }.compactMap { low in
            let spend = low.dropFirst("roi_q05_".count)
            guard let q05 = number(low), let q95 = number("roi_q95_" + spend) else { return nil }
            return q95 - q05
        }
    }

    /// |test − validation| NRMSE, the generalisation gap.
    public var gap: Double? {
        guard let v = number("nrmse_val"), let t = number("nrmse_test") else { return nil }
        return abs(t - v)
    }

    /// Reads the rows of a results table (baseline row separately).
    public static func rows(_ table: ResultsTable) -> (variants: [AnalysisRow], baseline: AnalysisRow?) {
        let all = table.rows.map { AnalysisRow(id: $0["variant_id"] ?? "", name: $0["benchmark_variant"] ?? "", cells: $0) }
        return (all.filter { $0.id != ResultsTable.baselineId }, all.first { $0.id == ResultsTable.baselineId })
    }
}
