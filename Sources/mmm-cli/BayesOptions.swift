import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

extension BayesSettings.Inference: ExpressibleByArgument {}
extension BayesSettings.Baseline: ExpressibleByArgument {}
extension BayesSettings.RangePrior: ExpressibleByArgument {}

/// The Bayesian backend's flags (`train --backend bayes`); docs/bayes.md.
struct BayesOptions: ParsableArguments {
    @Option(help: "With --backend bayes: nuts (default; Stan's No-U-Turn sampler) or map (MAP + Laplace: approximate, for benchmarks).")
    var inference: BayesSettings.Inference?

    @Option(parsing: .unconditional, help: "With --backend bayes: kept draws per chain (default 1000).", transform: FlagValues.positive)
    var draws: Int?

    @Option(
        parsing: .unconditional, help: "With --backend bayes: warm-up iterations per chain (default 1000; NUTS needs at least 10).",
        transform: FlagValues.nonNegativeInteger)
    var warmup: Int?

    @Option(parsing: .unconditional, help: "With --backend bayes: chains, run in parallel on --threads (default 4).", transform: FlagValues.positive)
    var chains: Int?

    @Option(
        parsing: .unconditional, help: "With --backend bayes: NUTS target acceptance in (0, 1) (default 0.8; 0.95 after divergences).",
        transform: BayesOptions.probability)
    var targetAccept: Double?

    @Option(
        help: "With --backend bayes: joint (default; linear trend and Fourier seasons estimated with the media) or prophet (the baseline decomposition's columns, fitted on the response, as the native engine uses them).")
    var baseline: BayesSettings.Baseline?

    @Option(
        help: "With --backend bayes: how the config's hyperparameter ranges become priors: bounded (default; uniform inside the range with the bounds as hard limits, as Robyn samples them) or matched (a Beta or Gamma with the uniform's mean and sd, no hard limits).")
    var rangePrior: BayesSettings.RangePrior?

    /// The settings with the flags applied.
    var settings: BayesSettings {
        var settings = BayesSettings()
        if let inference { settings.inference = inference }
        if let draws { settings.draws = draws }
        if let warmup { settings.warmup = warmup }
        if let chains { settings.chains = chains }
        if let targetAccept { settings.targetAccept = targetAccept }
        if let baseline { settings.baseline = baseline }
        if let rangePrior { settings.rangePrior = rangePrior }
        return settings
    }

    /// Refuses the flags without the Bayesian backend, and settings out of range.
    /// - Parameter bayes: whether `--backend bayes` was given.
    func check(bayes: Bool) throws {
        let given = [
            ("--inference", inference != nil), ("--draws", draws != nil), ("--warmup", warmup != nil),
            ("--chains", chains != nil), ("--target-accept", targetAccept != nil), ("--baseline", baseline != nil),
            ("--range-prior", rangePrior != nil),
        ].filter(\.1).map(\.0)
        if !bayes, let flag = given.first { throw ValidationError("\(flag) needs --backend bayes") }
        do {
            try settings.validate()
        } catch let error as ConfigError {
            throw ValidationError("--\(error.path.replacingOccurrences(of: "_", with: "-")): \(error.message)")
        }
    }

    /// A number strictly between 0 and 1.
    static func probability(_ text: String) throws -> Double {
        guard let value = NumberParser.parse(text), value > 0, value < 1 else {
            throw FlagValues.Invalid(description: "expected a number in (0, 1)")
        }
        return value
    }
}
