import MMMCore

/// The Robyn-format tables of a training result (robyn-semantics.md §6.4), rendered as CSV bytes.
///
/// Rendering is pure: bytes go to `emit` in order, and the job layer decides where they are stored.
public enum RobynTable: String, CaseIterable, Sendable {
    /// Hyperparameters and errors of every Pareto model.
    case paretoHyperparameters = "pareto_hyperparameters.csv"
    /// Per-variable aggregates of every Pareto model.
    case paretoAggregated = "pareto_aggregated.csv"
    /// Per-variable aggregates of every candidate (large: about 75 MB per 10,000 candidates).
    case allAggregated = "all_aggregated.csv"
    /// Per-row decomposition of every Pareto model.
    case paretoAllDecompMatrix = "pareto_alldecomp_matrix.csv"
    /// Per-row transformed media of every Pareto model.
    case paretoMediaTransformMatrix = "pareto_media_transform_matrix.csv"

    /// The file name in a run folder.
    public var fileName: String { rawValue }

    /// Renders the table.
    /// - Parameters:
    ///   - result: the training result.
    ///   - threads: worker threads for the large tables (the bytes do not depend on it).
    ///   - emit: receives the CSV bytes in order.
    public func render(_ result: TrainingResult, threads: Int = 1, emit: @escaping ([UInt8]) throws -> Void) throws {
        switch self {
        case .paretoHyperparameters:
            try HyperparameterTable.write(result, emit: emit)
        case .paretoAggregated:
            try AggregatedTable.write(result, indices: result.selection.paretoIndices, threads: threads, emit: emit)
        case .allAggregated:
            try AggregatedTable.write(result, indices: Array(result.records.indices), threads: threads, emit: emit)
        case .paretoAllDecompMatrix:
            try DecompositionMatrices.allDecomposition(result, emit: emit)
        case .paretoMediaTransformMatrix:
            try DecompositionMatrices.mediaTransform(result, emit: emit)
        }
    }
}

extension TrainingResult {
    /// `model_summary.json` of this result.
    /// - Parameter runId: the run's id, recorded in the summary.
    public func summary(runId: String) -> ModelSummary {
        SummaryBuilder.summary(self, runId: runId)
    }
}
