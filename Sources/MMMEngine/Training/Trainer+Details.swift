import Foundation
import MMMCore

extension Trainer {
    /// The per-row details of the given records (the Pareto models), on `threads` threads with a workspace each.
    ///
    /// Evaluations do not depend on the workspace or the order, so the details are the same for any thread count;
    /// when some fail, the error of the first failing record (in `indices` order) is thrown, as a serial loop would.
    static func details(
        of indices: [Int], records: [CandidateRecord], evaluator: CandidateEvaluator, space: SearchSpace, threads: Int
    ) throws -> [Int: CandidateDetails] {
        let workers = min(max(1, threads), indices.count)
        guard workers > 1 else {
            let workspace = EvaluationWorkspace(for: evaluator)
            var details: [Int: CandidateDetails] = [:]
            for index in indices {
                details[index] = try evaluator.evaluateWithDetails(space.candidate(values: records[index].values), in: workspace)
            }
            return details
        }
        let next = Locked(0)
        let done = Locked([Int: Result<CandidateDetails, any Error>]())
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let workspace = EvaluationWorkspace(for: evaluator)
            while true {
                let position = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard position < indices.count else { return }
                let index = indices[position]
                let outcome = Result<CandidateDetails, any Error> {
                    try evaluator.evaluateWithDetails(space.candidate(values: records[index].values), in: workspace)
                }
                done.withLock { $0[index] = outcome }
            }
        }
        let outcomes = done.withLock { $0 }
        var details: [Int: CandidateDetails] = [:]
        for index in indices {
            guard let outcome = outcomes[index] else { continue }
            details[index] = try outcome.get()
        }
        return details
    }
}
