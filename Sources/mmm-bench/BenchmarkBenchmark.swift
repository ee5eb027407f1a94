import Foundation
import MMMCore
import MMMJobs

/// `mmm-bench benchmark [--iterations N] [--trials N] [--parallel P] [--threads T]`: the comprehensive benchmark
/// (54 variants: 3 adstocks × 3 splits × 2 aggregations × 3 mappings) on the bundled demo at full-run counts
/// (1,000 × 3), as `mmm-cli benchmark full --full-run` runs it: generate, train, collect, analyse. Reports wall
/// time per phase, candidates per second and peak RSS. Run from the repository root.
enum BenchmarkBenchmark {
    static func run(_ arguments: [String]) async throws {
        let iterations = try BenchArguments.positive("--iterations", in: arguments, default: 1000)
        let trials = try BenchArguments.positive("--trials", in: arguments, default: 3)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let parallel = BenchArguments.value("--parallel", in: arguments) != nil
            ? try BenchArguments.positive("--parallel", in: arguments, default: cores) : nil
        let threads = BenchArguments.value("--threads", in: arguments) != nil
            ? try BenchArguments.positive("--threads", in: arguments, default: 1) : nil
        let data = BenchArguments.value("--data", in: arguments) ?? "Examples/data/dt_simulated_weekly.csv"
        let basePath = BenchArguments.value("--base", in: arguments) ?? "Examples/configs/demo_job_config.json"
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }

        let cpuStart = TrainBenchmark.cpuSeconds()
        let start = now()
        let base = try JobConfigLoader.load(path: basePath).config
        var (config, _) = ComprehensiveBenchmark.config(base: base)
        config.iterations = iterations
        config.trials = trials
        let plan = try BenchmarkGenerator(config: config, base: base, baseLabel: basePath).plan(createdAt: Date())
        let table = try await CSVFileSource(path: data).load()
        let schedule = BenchmarkSchedule(cores: cores, parallel: parallel, threads: threads, variants: plan.variants.count)
        let workspace = LocalBenchmarkWorkspace(output: root.path, benchmarkId: plan.benchmarkId)
        let trainStart = now()
        let report = try await BenchmarkRunner(plan: plan, table: table, workspace: workspace, schedule: schedule).run()
        let trainSeconds = now() - trainStart
        let collectStart = now()
        let results = try await BenchmarkCollector(workspace: workspace).collect()
        try workspace.write(results.csv(), to: "results.csv")
        let analysisFiles = try BenchmarkAnalysis(plan: report.plan, results: results).write(to: workspace.path("analysis"))
        let collectSeconds = now() - collectStart
        let total = now() - start
        let candidates = report.trained.count * iterations * trials
        print(
            "benchmark: \(plan.variants.count) variants at \(iterations)×\(trials) on \(cores) cores "
                + "(\(schedule.parallel) variants × \(schedule.threads) thread\(schedule.threads == 1 ? "" : "s")): "
                + "trained \(report.trained.count), same_as \(report.linked.count), failed \(report.failed.count)")
        print(
            String(
                format: "benchmark: wall %.2f s (train %.2f s, collect + analyse %.2f s), CPU %.2f s, %d candidates/s, peak RSS %d MB",
                total, trainSeconds, collectSeconds, TrainBenchmark.cpuSeconds() - cpuStart, Int(Double(candidates) / trainSeconds),
                TrainBenchmark.peakRSSMegabytes()))
        print("benchmark: results.csv \(results.rows.count) rows; analysis \(analysisFiles.count) files")
        for (id, message) in report.failed { print("  failed \(id): \(message)") }
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
