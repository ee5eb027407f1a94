import Foundation
import MMMBayes
import MMMCore
import MMMEngine

/// The Bayesian backend (`train --backend bayes`; docs/bayes.md): the native engine's design and transforms, a
/// posterior with priors from the job (Robyn's hyperparameter ranges, `roi_priors`) and lift studies as likelihood
/// terms, fitted by NUTS (or MAP + Laplace). The run folder is the native engine's, with the posterior-mean model as
/// its one and best model, plus `posterior.csv`, `draws.parquet` and `posterior_diagnostics.json`.
public struct BayesBackend: TrainingBackend {
    /// How to fit.
    public var settings: BayesSettings

    /// Creates the backend.
    /// - Parameter settings: NUTS or MAP and its sizes.
    public init(settings: BayesSettings = BayesSettings()) {
        self.settings = settings
    }

    /// `mmm-trainer-bayes` and this build's version.
    public var engine: EngineInfo { Self.engineInfo }

    /// The engine recorded in the run's files.
    public static let engineInfo = EngineInfo(name: "mmm-trainer-bayes", version: MMMVersion.current)

    public func train(_ request: TrainingRequest, context: TrainingContext) async throws -> any TrainedModel {
        try settings.validate()
        let watch = StepWatch(clock: context.clock)
        var prepared = try ModelDesignBuilder.build(request.prepared, holidays: request.holidays)
        for note in prepared.notes { context.report(note.inStep("train")) }
        if settings.baseline == .joint {
            let joint = try JointBaseline.apply(to: prepared)
            prepared = joint.model
            for note in joint.notes { context.report(note.inStep("train")) }
        }
        let built = try BayesInputBuilder(prepared, rangePrior: settings.rangePrior)
        for note in built.notes { context.report(note.inStep("train")) }
        let posterior: MMMPosterior
        do {
            posterior = try MMMPosterior(built.input)
        } catch {
            throw BayesInputError.translate(error, config: prepared.config)
        }
        context.report(
            Diagnostic(
                .info, code: "bayes_started",
                "\(settings.describe(seed: request.options.seed, threads: request.options.threads)): \(posterior.dimension) parameters, "
                    + "\(built.input.channels.count) channels, \(built.input.controls.count) controls, \(built.input.liftTests.count) lift studies",
                step: "train"))
        watch.lap("bayes.build_design")
        let total = workUnits(iterations: request.options.iterations, trials: request.options.trials)
        let counter = ProgressCounter(chains: settings.chains)
        let method = settings.method(seed: request.options.seed, threads: request.options.threads)
        let report = context.progress
        let outcome = await Self.fit(posterior, method: method) { p in report(SearchProgress(done: counter.update(p), total: total)) }
        let fit = try outcome.get()
        try Task.checkCancellation()
        watch.lap("bayes.fit")
        let verdict = fit.verdict
        context.report(
            Diagnostic(
                verdict.status == .failed ? .warning : .note, code: "bayes_verdict",
                verdict.line, step: "train"))
        let estimate = try BayesEstimate(fit: fit, posterior: posterior, model: prepared, dropped: built.droppedControls)
        var result = try TrainingResult.estimated(estimate.model, model: prepared)
        result.timings = []
        watch.lap("bayes.posterior_mean_model")
        var summary = result.summary(runId: request.runId)
        summary.engine = engine
        summary.bestModelRule = settings.rule(seed: request.options.seed)
        return BayesTrainedModel(
            result: result, summary: summary, fit: fit, posterior: posterior, settings: settings,
            seed: request.options.seed, timings: watch.timings)
    }
}

extension BayesBackend {
    /// Fits; a cancelled fit becomes `CancellationError` (the job reports "cancelled").
    static func fit(
        _ posterior: MMMPosterior, method: InferenceMethod, progress: @escaping @Sendable (SamplingProgress) -> Void
    ) async -> Result<BayesFit, any Error> {
        do {
            return .success(try await BayesFitter.fit(posterior, method: method, progress: progress))
        } catch {
            return .failure(error.code == .cancelled ? CancellationError() : error)
        }
    }
}

/// Step timings for the run manifest.
private final class StepWatch: Sendable {
    private let clock: any JobClock
    private let state: Locked<(last: Double, timings: [RunManifest.StepTiming])>

    init(clock: any JobClock) {
        self.clock = clock
        state = Locked((clock.monotonicSeconds(), []))
    }

    func lap(_ step: String) {
        let now = clock.monotonicSeconds()
        state.withLock { state in
            state.timings.append(.init(step: step, seconds: now - state.last))
            state.last = now
        }
    }

    var timings: [RunManifest.StepTiming] { state.withLock { $0.timings } }
}

/// Counts iterations done over all chains (progress arrives from several worker threads).
private final class ProgressCounter: Sendable {
    private let done: Locked<[Int]>

    init(chains: Int) { done = Locked(Array(repeating: 0, count: Swift.max(chains, 1))) }

    func update(_ progress: SamplingProgress) -> Int {
        done.withLock { counts in
            if counts.indices.contains(progress.chain) { counts[progress.chain] = progress.iteration }
            return counts.reduce(0, +)
        }
    }
}

extension BayesSettings {
    /// The fitter's method for a seed and thread count.
    func method(seed: UInt64, threads: Int) -> InferenceMethod {
        switch inference {
        case .nuts:
            var options = NUTSOptions()
            options.chains = chains
            options.warmup = warmup
            options.draws = draws
            options.targetAccept = targetAccept
            options.seed = seed
            options.threads = Swift.max(1, threads)
            return .nuts(options)
        case .map:
            var options = MAPOptions()
            options.draws = draws
            options.seed = seed
            return .map(options)
        }
    }

    /// One line for the log.
    func describe(seed: UInt64, threads: Int) -> String {
        switch inference {
        case .nuts:
            return "NUTS \(chains) chains × (\(warmup) warm-up + \(draws) draws), target accept \(NumberFormatting.shortest(targetAccept)), seed \(seed), \(threads) threads, \(baseline.rawValue) baseline, \(rangePrior.rawValue) range priors"
        case .map:
            return "MAP + Laplace (approximate), \(draws) draws, seed \(seed), \(baseline.rawValue) baseline, \(rangePrior.rawValue) range priors"
        }
    }

    /// `best_model_rule` of a Bayesian run.
    func rule(seed: UInt64) -> String {
        let how =
            inference == .nuts
            ? "NUTS, \(chains) chains × \(draws) draws after \(warmup) warm-up (target accept \(NumberFormatting.shortest(targetAccept)), seed \(seed))"
            : "MAP + Laplace approximation (approximate; \(draws) draws, seed \(seed))"
        return "Bayesian backend (\(baseline.rawValue) baseline, \(rangePrior.rawValue) range priors): the posterior-mean model of \(how); per-row contributions and ROIs are posterior means, "
            + "curve parameters are posterior means of θ (or Weibull shape and scale), α and γ, each media coefficient is scaled "
            + "so its curve's window total equals the posterior-mean contribution; intervals and diagnostics in posterior.csv "
            + "and posterior_diagnostics.json (docs/bayes.md)"
    }
}
