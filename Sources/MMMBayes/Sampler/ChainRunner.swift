import Foundation

/// Runs one chain as Stan's `hmc_nuts_diag_e_adapt` service does: random initialisation, the step-size heuristic,
/// windowed warm-up (dual averaging + diagonal metric), then the kept draws with everything fixed.
struct ChainRunner<Model: LogDensityModel> {
    let model: Model
    let options: NUTSOptions
    /// The centre of the random initial values (zeros unless the model offers a better one).
    let centre: [Double]

    /// How often (in iterations) progress is reported and cancellation checked.
    static var reportEvery: Int { 10 }

    func run(
        chain: Int, progress: (SamplingProgress) -> Void, isCancelled: () -> Bool
    ) throws(BayesError) -> ChainResult {
        let kernel = NUTSKernel(
            model: model, rng: KeyedRNG(options.seed, UInt64(chain), 0x4E55_5453), stepSize: options.initialStepSize,
            maxDepth: options.maxTreeDepth, maxDeltaH: options.maxDeltaH)
        if let metric = options.initialInverseMetric { kernel.inverseMetric = metric }
        let start = try initialise(kernel, chain: chain)
        var stepAdaptation = StepSizeAdaptation(mu: Foundation.log(10 * options.initialStepSize), options: options)
        var metricAdaptation = MetricAdaptation(options: options, dimension: model.dimension)
        try initialiseStepSize(kernel)
        var warmupDivergences = 0
        var warmupLeapfrogs = 0
        let total = options.warmup + options.draws
        for iteration in 0..<options.warmup {
            if iteration % Self.reportEvery == 0 {
                if isCancelled() { throw BayesError(.cancelled, "sampling was cancelled") }
                progress(SamplingProgress(chain: chain, iteration: iteration, total: total, warmingUp: true))
            }
            let stats = kernel.transition()
            if stats.divergent { warmupDivergences += 1 }
            warmupLeapfrogs += stats.leapfrogSteps
            guard metricAdaptation.isActive else { continue }
            stepAdaptation.learn(&kernel.stepSize, acceptStat: stats.acceptStat)
            if metricAdaptation.learn(&kernel.inverseMetric, q: kernel.z.q) {
                try initialiseStepSize(kernel)
                stepAdaptation.mu = Foundation.log(10 * kernel.stepSize)
                stepAdaptation.restart()
            }
        }
        if metricAdaptation.isActive { stepAdaptation.complete(&kernel.stepSize) }
        var draws = [[Double]]()
        var stats = [TransitionStats]()
        draws.reserveCapacity(options.draws)
        stats.reserveCapacity(options.draws)
        for iteration in 0..<options.draws {
            if iteration % Self.reportEvery == 0 {
                if isCancelled() { throw BayesError(.cancelled, "sampling was cancelled") }
                progress(SamplingProgress(chain: chain, iteration: options.warmup + iteration, total: total, warmingUp: false))
            }
            stats.append(kernel.transition())
            draws.append(kernel.z.q)
        }
        progress(SamplingProgress(chain: chain, iteration: total, total: total, warmingUp: false))
        return ChainResult(
            chain: chain, draws: draws, stats: stats, warmupDivergences: warmupDivergences, warmupLeapfrogSteps: warmupLeapfrogs, stepSize: kernel.stepSize,
            inverseMetric: kernel.inverseMetric, initialPoint: start)
    }

    /// The given starting point if it has a finite log density and gradient; otherwise Stan's random inits:
    /// uniform within ±radius of the centre, retried up to 100 times until log p and its gradient are finite.
    private func initialise(_ kernel: NUTSKernel<Model>, chain: Int) throws(BayesError) -> [Double] {
        if let points = options.initialPoints {
            Vector.assign(&kernel.z.q, points[chain])
            kernel.evaluate(kernel.z)
            if kernel.z.logDensity.isFinite, kernel.z.gradient.allSatisfy(\.isFinite) { return kernel.z.q }
        }
        var rng = KeyedRNG(options.seed, UInt64(chain), 0x494E_4954)
        for _ in 0..<100 {
            for i in kernel.z.q.indices {
                kernel.z.q[i] = centre[i] + options.initRadius * (2 * rng.uniform() - 1)
            }
            kernel.evaluate(kernel.z)
            if kernel.z.logDensity.isFinite, kernel.z.gradient.allSatisfy(\.isFinite) { return kernel.z.q }
        }
        throw BayesError(
            .numericalFailure,
            "chain \(chain + 1): no starting point with a finite log density and gradient in 100 attempts; check the priors and the data scale")
    }

    /// Stan's `init_stepsize`: double or halve ε until one leapfrog step's acceptance crosses 0.8.
    private func initialiseStepSize(_ kernel: NUTSKernel<Model>) throws(BayesError) {
        if kernel.stepSize == 0 || kernel.stepSize > 1e7 || kernel.stepSize.isNaN { return }
        let start = PhasePoint(dimension: model.dimension)
        start.assign(from: kernel.z)
        func deltaH() -> Double {
            kernel.z.assign(from: start)
            kernel.sampleMomentum(kernel.z)
            let h0 = kernel.hamiltonian(kernel.z)
            kernel.leapfrog(kernel.z, kernel.stepSize)
            return h0 - kernel.hamiltonian(kernel.z)
        }
        let threshold = Foundation.log(0.8)
        let direction: Double = deltaH() > threshold ? 1 : -1
        while true {
            let delta = deltaH()
            if direction == 1, !(delta > threshold) { break }
            if direction == -1, !(delta < threshold) { break }
            kernel.stepSize = direction == 1 ? 2 * kernel.stepSize : 0.5 * kernel.stepSize
            if kernel.stepSize > 1e7 {
                throw BayesError(.numericalFailure, "the step size grew beyond 1e7: the posterior looks improper (a flat direction)")
            }
            if kernel.stepSize == 0 {
                throw BayesError(.numericalFailure, "the step size shrank to 0: the log density is not smooth at the current point")
            }
        }
        kernel.z.assign(from: start)
    }
}
