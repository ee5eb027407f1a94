import Foundation
import MMMCore

/// Writes a training result's files into a run folder.
public enum RunOutputs {
    /// Writes `model_summary.json` and the Robyn-format CSVs.
    /// - Returns: the file names written.
    public static func write(
        _ result: TrainingResult, summary: ModelSummary, to store: any RunStore, threads: Int = 1
    ) async throws -> [String] {
        try await store.write(try StrictJSON.encode(summary), to: "model_summary.json")
        let tables: [(String, (_ emit: @escaping ([UInt8]) throws -> Void) throws -> Void)] = [
            ("pareto_hyperparameters.csv", { try HyperparameterTable.write(result, emit: $0) }),
            ("pareto_aggregated.csv", { try AggregatedTable.write(result, indices: result.selection.paretoIndices, threads: threads, emit: $0) }),
            ("all_aggregated.csv", {
                try AggregatedTable.write(result, indices: Array(result.records.indices), threads: threads, emit: $0)
            }),
            ("pareto_alldecomp_matrix.csv", { try DecompositionMatrices.allDecomposition(result, emit: $0) }),
            ("pareto_media_transform_matrix.csv", { try DecompositionMatrices.mediaTransform(result, emit: $0) }),
        ]
        for (name, produce) in tables {
            try Task.checkCancellation()
            try await store.writeStreaming(to: name) { emit in try withoutActuallyEscaping(emit) { try produce($0) } }
        }
        return ["model_summary.json"] + tables.map(\.0)
    }
}
