import Foundation
import MMMCore

/// Runs `trials` independent optimiser runs of `iterations` candidates each, in parallel across trials.
///
/// Every trial's candidates depend only on (seed, trial) and the losses its own candidates produce, so the records
/// are byte-identical for any thread count; they are returned in (trial, iteration) order.
package struct ModelSearch: Sendable {
    /// The shared, immutable evaluator.
    package let evaluator: CandidateEvaluator
    /// The hyperparameter box.
    package let space: SearchSpace
    /// Sizes, seed and threads.
    package let options: TrainingOptions

    /// Creates a search.
    package init(evaluator: CandidateEvaluator, space: SearchSpace, options: TrainingOptions) {
        self.evaluator = evaluator
        self.space = space
        self.options = options
    }

    /// Runs the search off the caller's thread; Swift task cancellation stops it between batches.
    /// - Parameter progress: called from worker threads after every batch.
    /// - Throws: `CancellationError` when cancelled.
    package func run(progress: @escaping @Sendable (SearchProgress) -> Void = { _ in }) async throws -> [CandidateRecord] {
        let cancelled = Locked(false)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    continuation.resume(with: Result { try self.runBlocking(progress: progress, isCancelled: { cancelled.withLock { $0 } }) })
                }
            }
        } onCancel: {
            cancelled.withLock { $0 = true }
        }
    }

    /// Runs the search on the calling thread plus `threads − 1` helpers.
    package func runBlocking(
        progress: @Sendable (SearchProgress) -> Void = { _ in }, isCancelled: @Sendable () -> Bool = { false }
    ) throws -> [CandidateRecord] {
        guard options.iterations >= 1, options.trials >= 1, options.batchSize >= 1, options.populationSize >= 4 else {
            throw EngineError(
                .invalidHyperparameters,
                "iterations, trials and batch size must be at least 1 and the population at least 4 (got \(options.iterations), \(options.trials), \(options.batchSize), \(options.populationSize))")
        }
        let total = options.iterations * options.trials
        let calibrated = evaluator.calibration != nil
        let state = Locked(SearchProgress(done: 0, total: total))
        let nextTrial = Locked(1)
        let results = Locked([Int: [CandidateRecord]]())
        let failure = Locked<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: min(options.threads, options.trials)) { _ in
            let workspace = EvaluationWorkspace(for: evaluator)
            while true {
                let trial = nextTrial.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard trial <= options.trials, failure.withLock({ $0 == nil }) else { return }
                do {
                    let records = try runTrial(trial, workspace: workspace, isCancelled: isCancelled) { batch in
                        // Reported under the lock, so snapshots arrive in order.
                        state.withLock { s in
                            s.done += batch.count
                            for record in batch {
                                guard let m = record.result?.metrics else { continue }
                                if m.nrmse.isFinite, m.nrmse < (s.bestNRMSE ?? .infinity) { s.bestNRMSE = m.nrmse }
                                if m.decompRSSD.isFinite, m.decompRSSD < (s.bestDecompRSSD ?? .infinity) {
                                    s.bestDecompRSSD = m.decompRSSD
                                }
                                if calibrated, m.mape.isFinite, m.mape < (s.bestMAPE ?? .infinity) { s.bestMAPE = m.mape }
                            }
                            progress(s)
                        }
                    }
                    results.withLock { $0[trial] = records }
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { all in (1...options.trials).flatMap { all[$0] ?? [] } }
    }

    /// One trial: ask a batch, evaluate it, tell it, until `iterations` candidates are done.
    func runTrial(
        _ trial: Int, workspace: EvaluationWorkspace, isCancelled: () -> Bool, onBatch: ([CandidateRecord]) -> Void
    ) throws -> [CandidateRecord] {
        var configuration = DifferentialEvolution.Configuration(dimension: space.dimension)
        configuration.populationSize = options.populationSize
        // Robyn tells nevergrad (nrmse, decomp.rssd[, mape]) with all weights 1.
        let calibrated = evaluator.calibration != nil
        configuration.objectiveWeights = calibrated ? [1, 1, 1] : [1, 1]
        var optimiser = DifferentialEvolution(configuration: configuration, seed: options.seed, trial: trial)
        var records: [CandidateRecord] = []
        records.reserveCapacity(options.iterations)
        var batchNumber = 0
        while records.count < options.iterations {
            if isCancelled() { throw CancellationError() }
            batchNumber += 1
            let candidates = optimiser.ask(min(options.batchSize, options.iterations - records.count))
            var batch: [CandidateRecord] = []
            for (index, candidate) in candidates.enumerated() {
                let values = space.values(unit: candidate.point)
                var record = CandidateRecord(
                    trial: trial, batch: batchNumber, position: index + 1, iteration: records.count + index + 1,
                    values: values)
                do {
                    var result = try evaluator.evaluate(space.candidate(values: values), in: workspace)
                    result.yPred = []
                    record.result = result
                } catch {
                    record.failure = "\(error)"
                }
                batch.append(record)
            }
            for (candidate, record) in zip(candidates, batch) { optimiser.tell(candidate, losses: record.losses(calibrated: calibrated)) }
            records += batch
            onBatch(batch)
        }
        return records
    }
}
