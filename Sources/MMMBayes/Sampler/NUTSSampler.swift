import Dispatch
import MMMCore

/// Runs NUTS chains in parallel. Each chain's random stream is keyed by (seed, chain) and its result stored by chain
/// number, so the output is byte-identical for any thread count.
public enum NUTSSampler {
    /// Samples every chain, blocking the calling thread (which works as one of the `options.threads` workers). From
    /// async code use ``sample(_:options:centre:progress:)``, which keeps the cooperative threads free.
    /// - Parameters:
    ///   - model: The target density.
    ///   - options: Sampler settings (validated here).
    ///   - centre: Centre of the random initial values; zeros by default.
    ///   - progress: Called from worker threads now and then with a chain's position.
    ///   - isCancelled: Polled every few iterations; returning `true` stops all chains.
    /// - Returns: The chains in chain order.
    /// - Throws: ``BayesError`` for invalid options, a chain that cannot start, or cancellation.
    public static func sampleBlocking<Model: LogDensityModel>(
        _ model: Model, options: NUTSOptions, centre: [Double]? = nil,
        progress: @escaping @Sendable (SamplingProgress) -> Void = { _ in },
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) throws(BayesError) -> [ChainResult] {
        try options.validate()
        let centre = centre ?? Array(repeating: 0, count: model.dimension)
        guard centre.count == model.dimension else {
            throw BayesError(.invalidOptions, path: "centre", "has \(centre.count) values for \(model.dimension) parameters")
        }
        for (name, vectors) in [("initialInverseMetric", options.initialInverseMetric.map { [$0] } ?? []), ("initialPoints", options.initialPoints ?? [])]
        where vectors.contains(where: { $0.count != model.dimension }) {
            throw BayesError(.invalidOptions, path: name, "needs \(model.dimension) values per vector")
        }
        let runner = ChainRunner(model: model, options: options, centre: centre)
        let next = Locked(0)
        let results = Locked([Int: ChainResult]())
        let failure = Locked<BayesError?>(nil)
        let stop: @Sendable () -> Bool = { isCancelled() || failure.withLock { $0 != nil } }
        DispatchQueue.concurrentPerform(iterations: Swift.min(options.threads, options.chains)) { _ in
            while true {
                let chain = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard chain < options.chains, !stop() else { return }
                let result: ChainResult
                do throws(BayesError) {
                    result = try runner.run(chain: chain, progress: progress, isCancelled: stop)
                } catch {
                    // A real failure wins over the cancellation it causes in the other chains.
                    failure.withLock { if $0 == nil || $0?.code == .cancelled { $0 = error } }
                    return
                }
                results.withLock { $0[chain] = result }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        if isCancelled() { throw BayesError(.cancelled, "sampling was cancelled") }
        return results.withLock { all in (0..<options.chains).compactMap { all[$0] } }
    }

    /// Samples every chain off the cooperative thread pool; cancelling the task stops the chains.
    /// - Parameters:
    ///   - model: The target density.
    ///   - options: Sampler settings.
    ///   - centre: Centre of the random initial values.
    ///   - progress: Progress callback.
    /// - Returns: The chains in chain order.
    /// - Throws: ``BayesError`` as ``sampleBlocking(_:options:centre:progress:isCancelled:)``, `.cancelled` on cancellation.
    public static func sample<Model: LogDensityModel>(
        _ model: Model, options: NUTSOptions, centre: [Double]? = nil,
        progress: @escaping @Sendable (SamplingProgress) -> Void = { _ in }
    ) async throws(BayesError) -> [ChainResult] {
        let cancelled = Locked(false)
        let outcome: Result<[ChainResult], BayesError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    continuation.resume(
                        returning: Result { () throws(BayesError) in
                            try sampleBlocking(
                                model, options: options, centre: centre, progress: progress,
                                isCancelled: { cancelled.withLock { $0 } })
                        })
                }
            }
        } onCancel: {
            cancelled.withLock { $0 = true }
        }
        return try outcome.get()
    }
}
