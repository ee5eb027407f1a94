import Foundation
import MMMCore
import MMMEngine
import MMMJobs

#if canImport(Glibc)
    import Glibc
#endif

/// `mmm-bench train [--iterations N] [--trials N] [--threads T] [--batch B] [--population P] [--seed S]`: trains on the bundled Robyn
/// demo (Examples/data + Examples/configs, run from the repository root) and reports wall time, candidates per
/// second, peak RSS and the chosen model's errors. The wall time covers the whole job including writing the run
/// folder (a 68 MB all_aggregated.csv among it).
enum TrainBenchmark {
    static func run(_ arguments: [String]) async throws {
        let iterations = try BenchArguments.positive("--iterations", in: arguments, default: 2000)
        let trials = try BenchArguments.positive("--trials", in: arguments, default: 5)
        let threads = try BenchArguments.positive("--threads", in: arguments, default: 1)
        let seed = UInt64(try BenchArguments.positive("--seed", in: arguments, default: 123))
        let data = BenchArguments.value("--data", in: arguments) ?? "Examples/data/dt_simulated_weekly.csv"
        let configPath = BenchArguments.value("--config", in: arguments) ?? "Examples/configs/demo_job_config.json"
        var options = TrainingOptions(iterations: iterations, trials: trials, seed: seed, threads: threads)
        options.batchSize = try BenchArguments.positive("--batch", in: arguments, default: options.batchSize)
        options.populationSize = try BenchArguments.positive("--population", in: arguments, default: options.populationSize)
        let start = DispatchTime.now().uptimeNanoseconds
        let config = try JobConfigLoader.load(path: configPath).config
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // The whole job, as `mmm-cli train` runs it: preparation, search, selection and every output file.
        let outcome = try await TrainingJob(
            config: config, source: CSVFileSource(path: data), options: options, store: LocalRunStore(root: root.path),
            runId: "bench"
        ).run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard let result = outcome.result else { throw CancellationError() }
        let candidates = result.records.count
        let search = result.timings.first { $0.step == "search" }?.seconds ?? seconds
        let best = result.bestRecord
        let m = best.result?.metrics
        func f(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "–" }
        print(
            "train \(iterations)×\(trials) threads \(threads) batch \(options.batchSize): wall \(String(format: "%.2f", seconds)) s, "
                + "search \(String(format: "%.2f", search)) s, \(Int(Double(candidates) / search)) candidates/s, "
                + "peak RSS \(peakRSSMegabytes()) MB")
        print(
            "best \(best.modelId): NRMSE train/val/test \(f(m?.nrmseTrain))/\(f(m?.nrmseVal))/\(f(m?.nrmseTest)), "
                + "DECOMP.RSSD \(f(m?.decompRSSD)), R² train/val/test \(f(m?.rsqTrain))/\(f(m?.rsqVal))/\(f(m?.rsqTest)), "
                + "train_size \(f(best.result?.hyperparameters.trainSize)), pareto \(result.selection.paretoIndices.count) models, "
                + "\(result.selection.keptFronts) fronts, \(result.selection.clusterCount) clusters")
        let all = result.records.compactMap { $0.result?.metrics }
        let front1 = result.records.indices.filter { result.selection.fronts[$0] == 1 }.compactMap { result.records[$0].result?.metrics }
        func range(_ v: [Double]) -> String { "\(f(v.min()))–\(f(v.max()))" }
        print(
            "all models: min NRMSE \(f(all.map(\.nrmse).min())), min NRMSE train \(f(all.map(\.nrmseTrain).min())), "
                + "min DECOMP.RSSD \(f(all.map(\.decompRSSD).min())); front 1 (\(front1.count)): NRMSE \(range(front1.map(\.nrmse))), "
                + "DECOMP.RSSD \(range(front1.map(\.decompRSSD)))")
        for (step, s) in result.timings { print("  \(step): \(String(format: "%.3f", s)) s") }
    }

    /// Peak resident set size of this process (Linux `ru_maxrss` is in KiB).
    static func peakRSSMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
    }
}
