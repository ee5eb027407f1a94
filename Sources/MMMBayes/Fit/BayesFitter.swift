import Dispatch
import MMMCore

/// Fits a ``PosteriorModel`` by NUTS or MAP + Laplace and summarises every quantity.
public enum BayesFitter {
    /// Fits off the cooperative pool; cancelling the task stops sampling.
    /// - Parameters:
    ///   - model: The posterior.
    ///   - method: NUTS or MAP.
    ///   - progress: NUTS progress callback (from worker threads).
    /// - Returns: Draws, summaries, diagnostics and the verdict.
    /// - Throws: ``BayesError`` for invalid options, numerical failure or cancellation.
    public static func fit<Model: PosteriorModel>(
        _ model: Model, method: InferenceMethod, progress: @escaping @Sendable (SamplingProgress) -> Void = { _ in }
    ) async throws(BayesError) -> BayesFit {
        let cancelled = Locked(false)
        let outcome: Result<BayesFit, BayesError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    continuation.resume(
                        returning: Result { () throws(BayesError) in
                            try fitBlocking(model, method: method, progress: progress, isCancelled: { cancelled.withLock { $0 } })
                        })
                }
            }
        } onCancel: {
            cancelled.withLock { $0 = true }
        }
        return try outcome.get()
    }

    /// Fits on the calling thread (plus NUTS worker threads). It blocks for the whole fit: from async code use
    /// ``fit(_:method:progress:)``, which runs it off Swift concurrency's cooperative threads.
    /// - Parameters:
    ///   - model: The posterior.
    ///   - method: NUTS or MAP.
    ///   - progress: NUTS progress callback.
    ///   - isCancelled: Polled during sampling.
    /// - Returns: Draws, summaries, diagnostics and the verdict.
    /// - Throws: ``BayesError`` for invalid options, numerical failure or cancellation.
    public static func fitBlocking<Model: PosteriorModel>(
        _ model: Model, method: InferenceMethod, progress: @escaping @Sendable (SamplingProgress) -> Void = { _ in },
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) throws(BayesError) -> BayesFit {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        switch method {
        case .nuts(var options):
            if options.warmStart, options.initialInverseMetric == nil, options.initialPoints == nil {
                warmStart(model, &options)
            }
            let chains = try NUTSSampler.sampleBlocking(
                model, options: options, centre: model.initialPoint(), progress: progress, isCancelled: isCancelled)
            let draws = chains.map { $0.draws.map(model.quantities(at:)) }
            let summaries = summarise(model.quantityNames, draws, diagnostics: true)
            let sampler = SamplerDiagnostics(chains: chains, maxTreeDepth: options.maxTreeDepth)
            return BayesFit(
                method: "nuts", quantityNames: model.quantityNames, draws: draws, parameterDraws: chains.map(\.draws),
                summaries: summaries, sampler: sampler,
                chains: chains, optimum: nil,
                verdict: .nuts(summaries: summaries, sampler: sampler, targetAccept: options.targetAccept), seconds: elapsed())
        case .map(let options):
            let optimum = try maximumAPosteriori(model, options: options)
            let laplace = try LaplaceApproximation(model, mode: optimum.point, logDensity: optimum.logDensity)
            let parameters = laplace.draws(count: options.draws, seed: options.seed)
            let draws = [parameters.map(model.quantities(at:))]
            return BayesFit(
                method: "map", quantityNames: model.quantityNames, draws: draws, parameterDraws: [parameters],
                summaries: summarise(model.quantityNames, draws, diagnostics: false), sampler: nil, chains: [],
                optimum: optimum, verdict: .laplace(optimizer: optimum), seconds: elapsed())
        }
    }

    /// The best of several optimiser runs (L-BFGS, then Newton polish) from the model's centre and from seeded
    /// random points around it.
    /// - Parameters:
    ///   - model: The posterior.
    ///   - options: Starts, radius, seed and tolerances.
    /// - Returns: The optimum with the highest log density.
    /// - Throws: ``BayesError`` `.numericalFailure` if no start has a finite density.
    public static func maximumAPosteriori<Model: PosteriorModel>(_ model: Model, options: MAPOptions) throws(BayesError)
        -> OptimizationResult
    {
        guard options.starts >= 1, options.draws >= 1, options.initRadius >= 0 else {
            throw BayesError(.invalidOptions, path: "map", "starts and draws must be at least 1 and the radius non-negative")
        }
        let centre = model.initialPoint()
        var rng = KeyedRNG(options.seed, 0x4D41_5053)
        var best: OptimizationResult?
        var lastError: BayesError?
        for run in 0..<options.starts {
            let start = run == 0 ? centre : centre.map { $0 + options.initRadius * (2 * rng.uniform() - 1) }
            do throws(BayesError) {
                let approach = try LBFGS.maximize(model, from: start, options: options.lbfgs)
                let result = NewtonRefinement.refine(model, from: approach, maxSteps: options.newtonSteps)
                if best == nil || result.logDensity > best?.logDensity ?? -.infinity { best = result }
            } catch {
                lastError = error
            }
        }
        guard let best else {
            throw lastError ?? BayesError(.numericalFailure, "no optimiser start had a finite log density")
        }
        return best
    }

    /// Sets Stan's `inv_metric` and `init` inputs from a Laplace approximation at the MAP: the metric to its
    /// variances, each chain's start to an overdispersed draw (twice its spread), keyed by (seed, chain). Leaves
    /// Stan's defaults in place if the MAP or the Laplace approximation fails.
    static func warmStart<Model: PosteriorModel>(_ model: Model, _ options: inout NUTSOptions) {
        var map = MAPOptions()
        map.starts = 1
        map.seed = options.seed
        guard let optimum = try? maximumAPosteriori(model, options: map),
            let laplace = try? LaplaceApproximation(model, mode: optimum.point, logDensity: optimum.logDensity)
        else { return }
        let sd = laplace.standardDeviations
        options.initialInverseMetric = sd.map { $0 * $0 }
        options.initialPoints = (0..<options.chains).map { chain in
            let draw = laplace.draws(count: 1, seed: options.seed &+ UInt64(chain) &* 0x9E37_79B9)[0]
            return zip(laplace.mode, draw).map { mode, x in mode + 2 * (x - mode) }
        }
    }

    /// Summaries of every quantity across chains.
    static func summarise(_ names: [QuantityName], _ draws: [[[Double]]], diagnostics: Bool) -> [QuantitySummary] {
        names.indices.map { k in
            QuantitySummary(name: names[k], draws: DrawMatrix(draws.map { $0.map { $0[k] } }), diagnostics: diagnostics)
        }
    }
}
