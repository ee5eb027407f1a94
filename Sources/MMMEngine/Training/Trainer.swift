import Foundation
import MMMCore

/// Everything a training run produced, ready for the output writers.
public struct TrainingResult: Sendable {
    /// The model data.
    package var model: PreparedModel
    /// The hyperparameter box.
    package var space: SearchSpace
    /// The per-trial lambda range.
    package var lambdaRange: LambdaRange
    /// Every candidate, in (trial, iteration) order.
    public var records: [CandidateRecord]
    /// Pareto fronts, clusters and the chosen model.
    public var selection: ParetoSelection
    /// Per-row series of every Pareto model, keyed by record index.
    package var details: [Int: CandidateDetails]
    /// Per-cluster confidence intervals of each paid channel's ROI (or CPA).
    package var bootstrap: ClusterBootstrap
    /// Wall-clock seconds per step (for the run manifest only).
    public var timings: [(step: String, seconds: Double)]
    /// The `min_candidates` the Pareto selection used.
    public var minParetoCandidates = 100
    /// The lift studies, when the job had them.
    package var calibration: CalibrationPlan?

    /// The chosen model's record.
    public var bestRecord: CandidateRecord { records[selection.best] }
}

/// Trains a model on prepared data: design → search → Pareto selection → per-row details of the Pareto models.
public enum Trainer {
    /// Runs training.
    /// - Parameters:
    ///   - state: prepared data (not skipped).
    ///   - options: search sizes, seed and threads.
    ///   - holidays: holiday calendar (nil: built-in).
    ///   - progress: search progress, called from worker threads.
    ///   - monotonicSeconds: the clock that times the steps (for ``TrainingResult/timings`` only).
    /// - Throws: ``EngineError``, ``BaselineError``, ``ConfigError``, or `CancellationError`.
    public static func train(
        _ state: PreparationState, options: TrainingOptions, holidays: HolidayCalendar? = nil,
        progress: @escaping @Sendable (SearchProgress) -> Void = { _ in },
        monotonicSeconds: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    ) async throws -> TrainingResult {
        var timings: [(String, Double)] = []
        var clock = monotonicSeconds()
        func lap(_ step: String) {
            let now = monotonicSeconds()
            timings.append((step, now - clock))
            clock = now
        }
        var model = try ModelDesignBuilder.build(state, holidays: holidays)
        try SplitCheck.validate(windowRows: model.design.window.count, trainSize: model.config.trainSize)
        let space = try SearchSpace(
            mediaNames: model.design.mediaNames, channelBounds: try model.config.resolvedHyperparameterBounds(),
            adstock: model.config.adstock, trainSize: model.config.trainSize,
            lambda: HyperparameterResolver.lambdaBound(model.config.customHyperparameters))
        let lambdaRange = model.design.lambdaRange
        var evaluator = try CandidateEvaluator(design: model.design, settings: model.settings, lambdaRange: lambdaRange)
        if let (plan, notes) = try CalibrationPlan.build(model) {
            evaluator.calibration = plan
            model.notes += notes + CalibrationPlan.searchSizeNotes(plan, options: options)
        }
        lap("build_design")
        var searchOptions = options
        if space.dimension == 0 {
            // Every hyperparameter is fixed: all candidates would be the same model (Robyn runs 1 × 1 here).
            searchOptions.iterations = 1
            searchOptions.trials = 1
            model.notes.append(
                .note(
                    "all_hyperparameters_fixed",
                    "every hyperparameter is fixed; one model evaluated instead of \(options.iterations) × \(options.trials)"))
        }
        let records = try await ModelSearch(evaluator: evaluator, space: space, options: searchOptions).run(progress: progress)
        lap("search")
        try Task.checkCancellation()
        let selection = try ParetoSelection.select(
            records, space: space, validation: model.settings.tsValidation, minCandidates: options.minParetoCandidates,
            seed: options.seed, calibration: evaluator.calibration, threads: options.threads)
        lap("pareto_and_clusters")
        try Task.checkCancellation()
        let details = try details(
            of: selection.paretoIndices, records: records, evaluator: evaluator, space: space, threads: options.threads)
        var result = TrainingResult(
            model: model, space: space, lambdaRange: lambdaRange, records: records, selection: selection,
            details: details, bootstrap: ClusterBootstrap(intervals: [:]), timings: [])
        result.bootstrap = ClusterBootstrap.compute(result)
        result.calibration = evaluator.calibration
        result.minParetoCandidates = options.minParetoCandidates
        lap("pareto_details")
        result.timings = timings
        return result
    }
}
