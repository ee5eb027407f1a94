import Foundation
import MMMCore
import MMMEngine
import MMMJobs

#if canImport(Glibc)
    import Glibc
#endif

/// `mmm-bench train [--iterations N] [--trials N] [--threads T] [--batch B] [--population P] [--seed S] [--cli]
/// [--outputs full|small]`: trains on the bundled Robyn demo (Examples/data + Examples/configs, run from the repository
/// root) and reports wall time, CPU time, candidates per second, peak RSS and the chosen model's errors. The wall time
/// covers the whole job including writing the run folder (a 68 MB all_aggregated.csv among it at 2,000 × 5). Without
/// `--cli` it is the engine-only job; `--cli` adds the after-steps `mmm-cli train` runs by default (allocate, report).
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
        let cli = arguments.contains("--cli")
        let outputs = try BenchArguments.value("--outputs", in: arguments).map { text in
            guard let level = OutputLevel(rawValue: text) else {
                throw BenchArguments.BadValue(description: "--outputs needs full or small, got '\(text)'")
            }
            return level
        } ?? .full
        let cpuStart = cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let config = try JobConfigLoader.load(path: configPath).config
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // The whole job, as `mmm-cli train` runs it: preparation, search, selection and every output file.
        var job = TrainingJob(
            config: config, source: CSVFileSource(path: data), options: options, store: LocalRunStore(root: root.path),
            runId: "bench")
        job.outputs = outputs
        if cli { job.afterTraining = [AllocateStep(), ReportStep()] }
        let outcome = try await job.run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = cpuSeconds() - cpuStart
        guard let result = outcome.result else { throw CancellationError() }
        let candidates = result.records.count
        let search = result.timings.first { $0.step == "search" }?.seconds ?? seconds
        let best = result.bestRecord
        let m = best.result?.metrics
        func f(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "–" }
        print(
            "train \(iterations)×\(trials) threads \(threads) batch \(options.batchSize)\(cli ? " (CLI default: allocate, report)" : ""): "
                + "wall \(String(format: "%.2f", seconds)) s, CPU \(String(format: "%.2f", cpu)) s, "
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
        // Every step of the job, from its run manifest (the engine's steps and the job's own).
        let manifestURL = URL(fileURLWithPath: outcome.location).appendingPathComponent("run_manifest.json")
        let manifest = try StrictJSON.decode(RunManifest.self, from: try Data(contentsOf: manifestURL))
        for timing in manifest.timings { print("  \(timing.step): \(String(format: "%.3f", timing.seconds)) s") }
    }

    /// User + system CPU seconds of this process so far (all threads).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Peak resident set size of this process (Linux `ru_maxrss` is in KiB).
    static func peakRSSMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
    }
}
