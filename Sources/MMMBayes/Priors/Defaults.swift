/// The default priors, each with its reason (docs/bayes.md has the full table and sources).
///
/// Scales: the response is divided by its maximum |value| in the window (PyMC-Marketing's MaxAbs scaling), controls
/// are standardised over the window, and Hill saturation is in [0, 1), so β is "share of the largest weekly response
/// at full saturation".
public enum Defaults {
    /// Geometric decay θ ~ Beta(1, 3): PyMC-Marketing's `GeometricAdstock` default; mean 0.25, most mass below 0.6,
    /// in line with Robyn's rules of thumb (digital 0–0.3, TV 0.3–0.8).
    public static let adstockDecay = Prior.beta(alpha: 1, beta: 3)
    /// Weibull shape k ~ Gamma(2, 1): mean 2, covering Robyn's recommended CDF (0–2) and most of its PDF (0–10) range.
    public static let weibullShape = Prior.gamma(shape: 2, rate: 1)
    /// Weibull scale s ~ Beta(1.5, 20): mean 0.07, inside Robyn's recommended 0–0.1 of the series length.
    public static let weibullScale = Prior.beta(alpha: 1.5, beta: 20)
    /// Hill shape α ~ Gamma(3, 2): mean 1.5, 90 % in about 0.4–3.1, Robyn's recommended 0.5–3.
    public static let hillAlpha = Prior.gamma(shape: 3, rate: 2)
    /// Hill inflexion γ ~ Beta(2, 2): symmetric on Robyn's (0, 1] range, mean 0.5, keeping away from the edges where
    /// the curve is linear or flat and the coefficient is unidentified.
    public static let hillGamma = Prior.beta(alpha: 2, beta: 2)
    /// Intercept ~ Normal(0, 2) in scaled units: PyMC-Marketing's default; wide against a response scaled to ≤ 1.
    public static let interceptPrior = Prior.normal(mean: 0, sd: 2)
    /// Noise σ ~ HalfNormal(1) in scaled units: weakly informative (a σ of the whole response maximum is extreme).
    public static let noisePrior = Prior.halfNormal(sd: 1)
    /// Free control coefficient ~ Normal(0, 1) per standard deviation of the column, in scaled units.
    public static let controlPrior = Prior.normal(mean: 0, sd: 1)
    /// Sign-restricted control |coefficient| ~ HalfNormal(1) (Robyn's sign bounds as a prior support).
    public static let signedControlPrior = Prior.halfNormal(sd: 1)

    /// The coefficient prior when none is given: HalfNormal(σ = number of paid channels × spend share), the
    /// PyMC-Marketing recommendation when nothing better is known: a channel's expected effect is proportional to
    /// what is spent on it, while the half-normal still allows an effect of zero (a placebo channel).
    /// - Parameters:
    ///   - spendShare: The channel's share of paid spend in the window.
    ///   - paidChannels: Number of paid channels.
    /// - Returns: The half-normal coefficient prior.
    public static func coefficientPrior(spendShare: Double, paidChannels: Int) -> Prior {
        .halfNormal(sd: Swift.max(Double(paidChannels) * spendShare, 0.05))
    }

    /// The coefficient prior for an organic variable (no spend): HalfNormal(1).
    public static let organicCoefficientPrior = Prior.halfNormal(sd: 1)

    /// A ROI prior stated as "mean ± sd" (the job config's `roi_priors`): the moment-matched log-normal, as in
    /// Meridian's `roi_m` (whose own default is LogNormal(0.2, 0.9)).
    /// - Parameters:
    ///   - mean: Prior mean ROI (> 0).
    ///   - sd: Prior standard deviation (> 0).
    ///   - path: The field name used in errors (e.g. `roi_priors.tv_S`).
    /// - Returns: `.roi(.logNormal(mean:sd:))`.
    /// - Throws: ``BayesError`` `.invalidPrior` naming `path.mean` or `path.sd` if either is not a positive number.
    public static func roiPrior(mean: Double, sd: Double, path: String = "roi") throws(BayesError) -> EffectPrior {
        for (name, value) in [("mean", mean), ("sd", sd)] where !(value.isFinite && value > 0) {
            throw BayesError(.invalidPrior, path: path + "." + name, "\(name) must be a positive number (got \(value))")
        }
        return .roi(.logNormal(mean: mean, sd: sd))
    }
}
