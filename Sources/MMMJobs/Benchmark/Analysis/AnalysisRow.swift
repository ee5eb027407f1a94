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
