import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// `mmm-bench allocate [--iterations N] [--trials N] [--repeat R] [--model-file model.json]`: the time of one budget
/// allocation of the demo's best model (trained here, 300 × 2 by default, or read from a model file), the number the
/// serve issue needs below 50 ms. Reports median and worst of R repetitions for: preparing a model from `model.json`
/// bytes (decode + adstock), a max_response allocation (both runs, explanations, curve points), a target_efficiency
/// allocation, and one response point.
enum AllocateBenchmark {
    static func run(_ arguments: [String]) async throws {
        let repeats = try BenchArguments.positive("--repeat", in: arguments, default: 50)
        let file: ModelFile
        if let path = BenchArguments.value("--model-file", in: arguments) {
            file = try StrictJSON.decode(ModelFile.self, path: path)
        } else {
            let iterations = try BenchArguments.positive("--iterations", in: arguments, default: 300)
            let trials = try BenchArguments.positive("--trials", in: arguments, default: 2)
            let config = try JobConfigLoader.load(path: "Examples/configs/demo_job_config.json").config
            let state = try DataPreparer().prepare(csvPath: "Examples/data/dt_simulated_weekly.csv", config: config)
            let result = try await Trainer.train(
                state, options: TrainingOptions(iterations: iterations, trials: trials, seed: 123, threads: 2))
            file = try result.modelFile(runId: "bench")
        }
        let bytes = try StrictJSON.encode(file)
        let model = try ResponseModel(file)
        let maxResponse = AllocationRequest(scenario: .maxResponse(.historical))
        let target = AllocationRequest(scenario: .targetEfficiency(target: nil))
        let channel = model.paidChannels[0]

        let load = try measure(repeats) { _ = try ResponseModel(StrictJSON.decode(ModelFile.self, from: bytes)) }
        var last: AllocationResult?
        let allocate = try measure(repeats) { last = try BudgetAllocator.allocate(model, request: maxResponse) }
        let efficiency = try measure(repeats) { _ = try BudgetAllocator.allocate(model, request: target) }
        let response = try measure(repeats) {
            _ = try ResponseQuery(model: model, channel: channel.name, spend: 1_000, range: .standard)
        }
        print(
            "allocate: model \(file.modelId), \(file.paidMedia.count) paid channels, \(file.dates.count) rows, "
                + "model.json \(bytes.count / 1024) KiB, \(repeats) repetitions (median / worst)")
        print("  load model.json (decode + adstock):  \(load)")
        print("  max_response (bounded + ×3 runs):    \(allocate)")
        print("  target_efficiency (bounded + ×3):    \(efficiency)")
        print("  one response point (with simulation): \(response)")
        if let last {
            let lift = last.bounded.responseLift.map { String(format: "%+.1f %%", $0 * 100) } ?? "–"
            print("  max_response lift \(lift) over \(last.periods) periods, optimality gap \(last.bounded.optimalityGap)")
        }
    }

    /// Median and worst wall time of `body` in milliseconds.
    private static func measure(_ repeats: Int, _ body: () throws -> Void) rethrows -> String {
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        return String(format: "%.2f ms / %.2f ms", times[times.count / 2], times.last ?? 0)
    }
}
