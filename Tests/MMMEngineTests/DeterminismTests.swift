import MMMTestSupport
import Foundation
import MMMCore
import MMMEngine
import Testing

/// Results depend only on (evaluator, hyperparameters): not on thread count, order or workspace reuse.
@Suite("Determinism across threads")
struct DeterminismTests {
    /// Demo-shaped random candidates (geometric), with mixed train sizes.
    static func candidates(count: Int, seed: UInt64) -> [CandidateHyperparameters] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            let media = (0..<6).map { _ in
                MediaHyperparameters(
                    adstock: .geometric(theta: rng.uniform(0...0.8)), alpha: rng.uniform(0.5...3),
                    gamma: rng.uniform(0.3...1))
            }
            return CandidateHyperparameters(
                media: media, lambda: .normalized(rng.uniform(0...1)), trainSize: rng.uniform(0.5...1))
        }
    }

    /// A bit-exact fingerprint: Swift prints doubles round-trip exactly, so equal text means equal bits.
    static func fingerprint(_ result: CandidateResult) -> String {
        String(reflecting: result)
    }

    @Test("serial vs 4 concurrent workers in reverse order give byte-identical results")
    func concurrentMatchesSerial() async throws {
        let evaluator = try DemoModel.evaluator(tsValidation: true)
        let candidates = Self.candidates(count: 48, seed: 2024)
        let serialWorkspace = EvaluationWorkspace(for: evaluator)
        let serial = try candidates.map { Self.fingerprint(try evaluator.evaluate($0, in: serialWorkspace)) }

        let workers = 4
        let concurrent = try await withThrowingTaskGroup(of: [(Int, String)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let workspace = EvaluationWorkspace(for: evaluator)
                    var out: [(Int, String)] = []
                    for index in stride(from: candidates.count - 1 - worker, through: 0, by: -workers) {
                        out.append((index, Self.fingerprint(try evaluator.evaluate(candidates[index], in: workspace))))
                    }
                    return out
                }
            }
            var merged = [String](repeating: "", count: candidates.count)
            for try await part in group {
                for (index, text) in part { merged[index] = text }
            }
            return merged
        }
        #expect(concurrent == serial)
        #expect(Set(serial).count == serial.count, "distinct candidates give distinct results")
    }

    @Test("Weibull kernels cached per workspace do not leak between candidates", arguments: [
        AdstockType.weibullCDF, .weibullPDF,
    ])
    func weibullCache(adstock: AdstockType) throws {
        let evaluator = try CandidateEvaluator(design: DemoModel.design(), settings: ModelSettings(adstock: adstock))
        var rng = SeededRandom(seed: 9)
        let candidates = (0..<12).map { _ in
            CandidateHyperparameters(
                media: (0..<6).map { _ in
                    MediaHyperparameters(
                        adstock: .weibull(shape: rng.uniform(0.5...6), scale: rng.uniform(0...0.1)),
                        alpha: rng.uniform(0.5...3), gamma: rng.uniform(0.3...1))
                }, lambda: .normalized(rng.uniform(0...1)), trainSize: 1)
        }
        let shared = EvaluationWorkspace(for: evaluator)
        // Evaluate each candidate twice in an interleaved order on one workspace, and once on a fresh one.
        let order = candidates.indices + candidates.indices.reversed()
        var seen: [Int: String] = [:]
        for index in order {
            let text = Self.fingerprint(try evaluator.evaluate(candidates[index], in: shared))
            if let previous = seen[index] { #expect(previous == text) }
            seen[index] = text
            let fresh = Self.fingerprint(try evaluator.evaluate(candidates[index], in: EvaluationWorkspace(for: evaluator)))
            #expect(fresh == text)
        }
    }
}
