import MMMTestSupport
import Foundation
import MMMCore
import MMMEngine
import Testing

/// Hand-run timing probe (never asserts on time). Run it in release:
///
///     MMM_ENGINE_PROBE=1 swift test -c release --filter TimingProbe
///
/// It prints microseconds per candidate on the demo design for each adstock and ridge solver.
@Suite("Timing probe (manual)", .enabled(if: ProcessInfo.processInfo.environment["MMM_ENGINE_PROBE"] != nil))
struct TimingProbe {
    static func candidates(_ adstock: AdstockType, count: Int) -> [CandidateHyperparameters] {
        var rng = SeededRandom(seed: 77)
        return (0..<count).map { _ in
            let media = (0..<6).map { _ in
                let parameters: AdstockParameters =
                    adstock == .geometric
                    ? .geometric(theta: rng.uniform(0...0.8))
                    : .weibull(shape: rng.uniform(0.0001...(adstock == .weibullCDF ? 2 : 10)), scale: rng.uniform(0...0.1))
                return MediaHyperparameters(adstock: parameters, alpha: rng.uniform(0.5...3), gamma: rng.uniform(0.3...1))
            }
            return CandidateHyperparameters(
                media: media, lambda: .normalized(rng.uniform(0...1)), trainSize: rng.uniform(0.5...0.8))
        }
    }

    static func threadCPUMicros() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1e6 + Double(spec.tv_nsec) / 1e3
    }

    @Test("µs per candidate on the demo design")
    func probe() throws {
        let design = try DemoModel.design()
        let count = 2000
        for adstock in AdstockType.allCases {
            for (label, solver) in [("glmnet 1e-7", RidgeSolver.robyn), ("exact", RidgeSolver.exact)] {
                let evaluator = try CandidateEvaluator(
                    design: design, settings: ModelSettings(adstock: adstock, tsValidation: true, ridgeSolver: solver))
                let workspace = EvaluationWorkspace(for: evaluator)
                let batch = Self.candidates(adstock, count: count)
                var checksum = 0.0
                for candidate in batch.prefix(200) { checksum += try evaluator.evaluate(candidate, in: workspace).metrics.nrmseTrain }
                // Best of 5 rounds of thread CPU time: the machine is shared, so wall time over-counts.
                var micros = Double.infinity
                for _ in 0..<5 {
                    let start = Self.threadCPUMicros()
                    for candidate in batch {
                        checksum += try evaluator.evaluate(candidate, in: workspace).metrics.nrmseTrain
                    }
                    micros = Swift.min(micros, Self.threadCPUMicros() - start)
                }
                print("TimingProbe \(adstock.rawValue) [\(label)]: \(micros / Double(count)) µs CPU/candidate (checksum \(checksum))")
                #expect(checksum.isFinite)
            }
        }
    }
}
