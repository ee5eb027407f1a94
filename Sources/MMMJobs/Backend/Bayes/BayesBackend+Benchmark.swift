import Foundation
import MMMCore
import MMMEngine

/// What a benchmark needs to know about the Bayesian backend: which config fields it never reads (so variants that
/// differ only there are linked `same_as`, not trained twice as if they were different models), what its progress
/// counts, and whether a finished variant was fitted with the same settings.
extension BayesBackend {
    /// The posterior is fitted on the whole window (no train/validation/test split: `train_size` is unread), by
    /// NUTS or MAP rather than a search (`iterations`, `trials`), with lift studies in the likelihood rather than
    /// Robyn's calibration filter (`calibration_constraint`, `calibrated_selection`) and always the corrected day
    /// counts (`calibration_formula` changes only a note): those fields are reset to their defaults.
    public func trainedConfiguration(_ config: JobConfig) -> JobConfig {
        var trained = config
        let defaults = JobConfig(depVar: config.depVar, paidMedia: config.paidMedia)
        trained.trainSize = defaults.trainSize
        trained.iterations = defaults.iterations
        trained.trials = defaults.trials
        trained.calibrationConstraint = defaults.calibrationConstraint
        trained.calibratedSelection = defaults.calibratedSelection
        trained.calibrationFormula = defaults.calibrationFormula
        return trained
    }

    /// NUTS iterations over all chains (warm-up included), or 1 for MAP; the search sizes are unused.
    public func workUnits(iterations: Int, trials: Int) -> Int {
        settings.inference == .nuts ? settings.chains * (settings.warmup + settings.draws) : 1
    }

    public var workUnitName: String { settings.inference == .nuts ? "sampler iterations" : "fits" }

    /// The same engine, and `posterior_diagnostics.json` records the same settings (a MAP variant is not resumed by
    /// a NUTS benchmark).
    public func trainedAlike(_ folder: any RunFolder, status: RunStatus) async -> Bool {
        guard status.engine?.name == engine.name else { return false }
        // A variant linked `same_as` has no posterior of its own; the variant it points to is checked itself.
        if status.state == .skipped { return true }
        guard let data = try? await folder.read("posterior_diagnostics.json"),
            let recorded = try? JSONDecoder().decode(RecordedSettings.self, from: data)
        else { return false }
        return recorded.settings == settings
    }

    private struct RecordedSettings: Decodable {
        var settings: BayesSettings
    }
}
