import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// Measures the native engine's throughput on this machine: a short search (a few hundred candidates, one thread)
/// on a real configuration and table, timed by the engine's own `search` step.
public enum ThroughputCalibration {
    /// Runs the calibration.
    /// - Parameters:
    ///   - config: The job configuration (its own counts are replaced).
    ///   - source: The table.
    ///   - candidates: Candidates to evaluate (rounded to whole iterations of one trial).
    /// - Returns: Candidates per core-second at the prepared table's rows.
    /// - Throws: Whatever the training job throws.
    public static func measure(config: JobConfig, source: any TableSource, candidates: Int = 400) async throws
        -> EngineThroughput
    {
        var config = config
        config.iterations = max(50, candidates)
        config.trials = 1
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-calibrate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var job = TrainingJob(
            config: config, source: source,
            options: TrainingOptions(iterations: config.iterations, trials: 1, seed: config.seed, threads: 1),
            store: LocalRunStore(root: root.path), runId: "calibration")
        job.outputs = .small
        let outcome = try await job.run()
        let seconds = outcome.summary?.timings?["search"] ?? outcome.result?.timings.first { $0.step == "search" }?.seconds
        let count = outcome.summary?.candidateCount ?? config.iterations
        let manifest = try? StrictJSON.decode(
            PreparationManifest.self, from: Data(contentsOf: root.appendingPathComponent("calibration/preparation_manifest.json")))
        let rows = manifest?.steps.last?.rowsOut ?? 0
        guard let seconds, seconds > 0, rows > 0 else {
            throw QueueRuntimeError("the calibration run did not report its search time and rows")
        }
        return EngineThroughput(
            candidatesPerCoreSecond: Double(count) / seconds, rows: rows,
            source: "measured now: \(count) candidates, 1 thread, \(rows) rows")
    }
}
