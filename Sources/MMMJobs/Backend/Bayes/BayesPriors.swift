import MMMBayes
import MMMCore

/// The Bayesian backend's priors for one job: Robyn's hyperparameter ranges become adstock and Hill priors, and
/// `roi_priors` (or the spend-scaled default) the channel effect priors. docs/bayes.md ("Priors from the job")
/// gives the reasons.
package enum BayesPriors {
    /// A Robyn range [lower, upper] as a prior. Robyn samples uniformly inside the bounds, so the bounds are the
    /// user's stated belief:
    /// - `bounded` (default): that uniform, bounds as hard limits. NUTS samples it on the logit of the range, so it
    ///   never touches a wall; the posterior can pile up near a bound, but never crosses it, exactly like Robyn.
    /// - `matched`: a Beta (for parameters in (0, 1)) or Gamma (for positive ones) with the uniform's mean and
    ///   standard deviation, which leaves the range where the data insist.
    ///
    /// A fixed value becomes a narrow prior around it either way (sd 1 % of the unit range or of the value).
    /// - Parameters:
    ///   - bound: the range.
    ///   - unitInterval: whether the parameter lives in (0, 1) (else (0, ∞)).
    ///   - rangePrior: bounded or matched.
    /// - Returns: the prior.
    static func prior(matching bound: ParameterBound, unitInterval: Bool, rangePrior: BayesSettings.RangePrior) -> Prior {
        if rangePrior == .bounded, bound.upper > bound.lower, bound.lower >= 0, !unitInterval || bound.upper <= 1 {
            return .uniform(lower: bound.lower, upper: bound.upper)
        }
        let mean = (bound.lower + bound.upper) / 2
        let uniformSD = (bound.upper - bound.lower) / 12.0.squareRoot()
        if unitInterval {
            let m = Swift.min(Swift.max(mean, 0.001), 0.999)
            // A Beta's variance must stay below m(1 − m); the uniform's always does unless the range is clamped.
            let sd = Swift.min(Swift.max(uniformSD, 0.01), 0.99 * (m * (1 - m)).squareRoot())
            let common = m * (1 - m) / (sd * sd) - 1
            return .beta(alpha: m * common, beta: (1 - m) * common)
        }
        let m = Swift.max(mean, 1e-3)
        let sd = Swift.max(uniformSD, 0.01 * m)
        return .gamma(shape: m * m / (sd * sd), rate: m / (sd * sd))
    }

    /// The transform priors of one channel from its resolved bounds.
    /// - Parameters:
    ///   - bounds: the channel's Robyn bounds.
    ///   - effect: the effect prior (nil: the default).
    ///   - rangePrior: how a range becomes a prior.
    /// - Returns: the channel's priors.
    static func channelPriors(_ bounds: ChannelBounds, effect: EffectPrior?, rangePrior: BayesSettings.RangePrior) -> ChannelPriors {
        var priors = ChannelPriors(effect: effect)
        func prior(_ bound: ParameterBound, _ unitInterval: Bool) -> Prior {
            Self.prior(matching: bound, unitInterval: unitInterval, rangePrior: rangePrior)
        }
        priors.hillAlpha = prior(bounds.alphas, false)
        priors.hillGamma = prior(bounds.gammas, true)
        if let thetas = bounds.thetas { priors.adstockDecay = prior(thetas, true) }
        if let shapes = bounds.shapes { priors.weibullShape = prior(shapes, false) }
        if let scales = bounds.scales { priors.weibullScale = prior(scales, true) }
        return priors
    }

    /// The effect prior of a paid channel: the user's ROI prior (moment-matched log-normal), else the default
    /// half-normal on the ROI (``defaultROIScale``), which scales each channel's expected contribution by its spend.
    /// - Parameters:
    ///   - prior: the channel's `roi_priors` entry.
    ///   - key: its key in `roi_priors` (for error paths).
    /// - Returns: the effect prior.
    /// - Throws: ``ConfigError`` at `$.roi_priors.<key>.mean|sd`.
    static func effect(_ prior: ROIPrior?, key: String) throws -> EffectPrior {
        guard let prior else { return .roi(.halfNormal(sd: defaultROIScale)) }
        do {
            return try Defaults.roiPrior(mean: prior.mean, sd: prior.sd, path: "$.roi_priors.\(key)")
        } catch {
            throw ConfigError(path: error.path, error.message)
        }
    }

    /// The scale of the default ROI prior, HalfNormal(σ): mean 0.8·σ, median 0.67·σ, and a mode at 0, so a channel
    /// without effect (a placebo) is a priori plausible. σ = 2 puts 90 % of the mass below ROI 3.3.
    package static let defaultROIScale = 2.0
}
