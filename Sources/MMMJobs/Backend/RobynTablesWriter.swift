import Foundation
import MMMCore
import MMMEngine

/// Writes `model_summary.json` and Robyn's CSV tables of a training result into a run folder: the files every engine
/// that reuses the native writers (native, Bayesian posterior mean) shares.
enum RobynTablesWriter {
    /// Writes the summary, then each table streamed (cancellable between tables).
    /// - Parameters:
    ///   - summary: the run's `model_summary.json`.
    ///   - result: the result whose tables are rendered.
    ///   - folder: the run folder.
    ///   - level: `.full` adds `all_aggregated.csv`, which otherwise repeats what the Pareto tables hold.
    ///   - threads: threads for rendering.
    /// - Returns: the names written, in order.
    static func write(
        summary: ModelSummary, result: TrainingResult, to folder: any RunFolder, level: OutputLevel, threads: Int
    ) async throws -> [String] {
        try await folder.writeJSON(summary, to: "model_summary.json")
        var written = ["model_summary.json"]
        for table in RobynTable.allCases where level == .full || table != .allAggregated {
            try Task.checkCancellation()
            try await folder.writeStreaming(to: table.fileName) { emit in
                try withoutActuallyEscaping(emit) { try table.render(result, threads: threads, emit: $0) }
            }
            written.append(table.fileName)
        }
        return written
    }
}
