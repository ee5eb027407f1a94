import Foundation
import MMMCore
import MMMEngine

/// The files an allocation writes into a folder: `allocation.json`, `allocation.csv` and `allocator_metrics.csv`.
public enum AllocationFiles {
    /// The full result.
    public static let resultFile = "allocation.json"
    /// One row per channel (Robyn's `dt_optimOut` columns).
    public static let tableFile = AllocationTables.allocationFile
    /// The previous system's one-row summary.
    public static let metricsFile = AllocationTables.metricsFile
    /// The model file.
    public static let modelFile = "model.json"

    /// Writes the three allocation files.
    /// - Parameters:
    ///   - result: the allocation.
    ///   - metrics: the allocated model's errors (for `allocator_metrics.csv`).
    ///   - trainingMinutes: wall-clock training time, when known.
    ///   - cores: training threads, when known.
    ///   - folder: where to write.
    /// - Returns: the file names written, in order.
    /// - Throws: the folder's write errors.
    public static func write(
        _ result: AllocationResult, metrics: ModelMetrics, trainingMinutes: Double?, cores: Int?, to folder: any RunFolder
    ) async throws -> [String] {
        try await folder.writeJSON(result, to: resultFile)
        try await folder.write(Data(AllocationTables.allocation(result)), to: tableFile)
        try await folder.write(
            Data(AllocationTables.metrics(result, metrics: metrics, trainingMinutes: trainingMinutes, cores: cores)),
            to: metricsFile)
        return [resultFile, tableFile, metricsFile]
    }
}
