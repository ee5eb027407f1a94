import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// `mmm-bench robyn [--iterations N] [--trials N] [--threads T] [--data CSV] [--config JSON]`: the same job (the
/// bundled Robyn demo by default, run from the repository root) trained by the native engine and by Robyn in R,
/// with both wall times side by side. Prints SKIPPED for Robyn when R or the Robyn package is missing.
enum RobynBenchmark {
    static func run(_ arguments: [String]) async throws {
        let iterations = try BenchArguments.positive("--iterations", in: arguments, default: 2000)
        let trials = try BenchArguments.positive("--trials", in: arguments, default: 1)
        let threads = try BenchArguments.positive("--threads", in: arguments, default: 2)
        let data = BenchArguments.value("--data", in: arguments) ?? "Examples/data/dt_simulated_weekly.csv"
        let configPath = BenchArguments.value("--config", in: arguments) ?? "Examples/configs/demo_job_config.json"
        let config = try JobConfigLoader.load(path: configPath).config
        let options = TrainingOptions(iterations: iterations, trials: trials, seed: config.seed, threads: threads)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-bench-robyn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        print("job: \(data), \(configPath), \(iterations) iterations × \(trials) trials, \(threads) threads/cores")

        func train(_ backend: any TrainingBackend, id: String) async throws -> (seconds: Double, summary: ModelSummary?) {
            var job = TrainingJob(
                config: config, source: CSVFileSource(path: data), options: options, store: LocalRunStore(root: root.path),
                runId: id)
            job.backend = backend
            job.outputs = .small
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = try await job.run()
            return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, outcome.summary)
        }
        func line(_ engine: String, _ run: (seconds: Double, summary: ModelSummary?)) -> String {
            let best = run.summary?.bestModel
            func f(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "–" }
            return "\(engine): wall \(String(format: "%.2f", run.seconds)) s, \(run.summary?.candidateCount ?? 0) candidates, "
                + "best \(best?.modelId ?? "–") NRMSE \(f(best?.nrmse)) DECOMP.RSSD \(f(best?.decompRssd))"
        }

        let native = try await train(NativeBackend(), id: "native")
        print(line("native \(EngineInfo.native.version)", native))
        let runtime: RobynRuntime
        do {
            runtime = try await RobynRuntime.probe()
        } catch {
            print("robyn: SKIPPED (\(error))")
            return
        }
        let robyn = try await train(RobynBackend(runtime: runtime), id: "robyn")
        print(line("robyn \(runtime.robynVersion) (R \(runtime.rVersion))", robyn))
        print(String(format: "robyn / native wall time: %.1f×", robyn.seconds / max(native.seconds, 1e-9)))
    }
}
