/// Everything the MMM log density needs, in the data's own units: the response, the media and spend of each
/// channel, the control (baseline, context) columns, the priors and optional lift tests.
///
/// All series cover the same rows (the whole prepared table); adstock runs over all rows, and the likelihood, the
/// Hill inflexion, ROI and spend shares use the rows of ``window`` (Robyn's modelling window).
public struct MMMPosteriorInput: Sendable {
    /// The dependent variable, one value per row.
    public var response: [Double]
    /// The modelling window as 0-based row indices.
    public var window: Range<Int>
    /// Paid and organic media, in the order parameters and outputs will use.
    public var channels: [ChannelInput]
    /// Baseline and context regressors (trend, season, holiday, competitor sales, …).
    public var controls: [ControlInput]
    /// Experiments whose measured lift enters the likelihood.
    public var liftTests: [LiftTest]
    /// Prior on the intercept in scaled units (response ÷ its maximum |value| in the window).
    public var interceptPrior: Prior
    /// Prior on the noise standard deviation in scaled units.
    public var noisePrior: Prior

    /// Creates the input.
    /// - Parameters:
    ///   - response: The dependent variable (all rows).
    ///   - window: The modelling rows; defaults to all rows.
    ///   - channels: Media channels.
    ///   - controls: Baseline/context regressors.
    ///   - liftTests: Lift-test measurements.
    ///   - interceptPrior: Defaults to ``Defaults/interceptPrior``.
    ///   - noisePrior: Defaults to ``Defaults/noisePrior``.
    public init(
        response: [Double], window: Range<Int>? = nil, channels: [ChannelInput], controls: [ControlInput] = [],
        liftTests: [LiftTest] = [], interceptPrior: Prior = Defaults.interceptPrior, noisePrior: Prior = Defaults.noisePrior
    ) {
        self.response = response
        self.window = window ?? 0..<response.count
        self.channels = channels
        self.controls = controls
        self.liftTests = liftTests
        self.interceptPrior = interceptPrior
        self.noisePrior = noisePrior
    }
}

/// How a channel's media carry over into later periods (Robyn's three adstock forms).
public enum AdstockKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Geometric decay θ.
    case geometric
    /// Weibull CDF kernel (shape, scale).
    case weibullCDF = "weibull_cdf"
    /// Weibull PDF kernel (shape, scale), allowing a lagged peak.
    case weibullPDF = "weibull_pdf"
}

/// What the channel's effect prior is placed on.
public enum EffectPrior: Sendable, Hashable, Codable {
    /// A prior on the channel coefficient β in scaled units (response ÷ its maximum, per unit of Hill saturation).
    case coefficient(Prior)
    /// A prior on the channel's ROI over the window (contribution ÷ spend), Meridian's `roi_m`: β is derived from
    /// the ROI and the current adstock and Hill parameters.
    case roi(Prior)
}

/// Per-channel prior choices; ``Defaults`` documents each default and its reason.
public struct ChannelPriors: Sendable, Hashable, Codable {
    /// Geometric decay θ (support (0, 1)).
    public var adstockDecay: Prior
    /// Weibull shape k (support (0, ∞)).
    public var weibullShape: Prior
    /// Weibull scale s as a fraction of the series length (support (0, 1)).
    public var weibullScale: Prior
    /// Hill shape α (support (0, ∞)).
    public var hillAlpha: Prior
    /// Hill inflexion γ relative to the channel's maximum adstocked value (support (0, 1)).
    public var hillGamma: Prior
    /// The effect prior; `nil` uses the spend-share-scaled half-normal coefficient prior.
    public var effect: EffectPrior?

    /// Creates priors; every argument defaults to ``Defaults``.
    public init(
        adstockDecay: Prior = Defaults.adstockDecay, weibullShape: Prior = Defaults.weibullShape,
        weibullScale: Prior = Defaults.weibullScale, hillAlpha: Prior = Defaults.hillAlpha,
        hillGamma: Prior = Defaults.hillGamma, effect: EffectPrior? = nil
    ) {
        self.adstockDecay = adstockDecay
        self.weibullShape = weibullShape
        self.weibullScale = weibullScale
        self.hillAlpha = hillAlpha
        self.hillGamma = hillGamma
        self.effect = effect
    }
}

/// One media channel.
public struct ChannelInput: Sendable {
    /// The channel's name (a paid media selected name or an organic variable).
    public var name: String
    /// The media series the transforms act on (spend or exposure in spend units), all rows, ≥ 0.
    public var media: [Double]
    /// The spend series for ROI and spend shares, all rows, ≥ 0; `nil` for organic variables (no ROI).
    public var spend: [Double]?
    /// The adstock form.
    public var adstock: AdstockKind
    /// The priors.
    public var priors: ChannelPriors

    /// Creates a channel.
    /// - Parameters:
    ///   - name: Channel name.
    ///   - media: Transform input (all rows).
    ///   - spend: Spend (all rows); `nil` for organic variables.
    ///   - adstock: Adstock form.
    ///   - priors: Prior choices.
    public init(name: String, media: [Double], spend: [Double]?, adstock: AdstockKind = .geometric, priors: ChannelPriors = ChannelPriors()) {
        self.name = name
        self.media = media
        self.spend = spend
        self.adstock = adstock
        self.priors = priors
    }
}

/// A sign restriction on a control coefficient (Robyn's `context_signs` / `prophet_signs`).
public enum CoefficientSign: String, Sendable, Hashable, Codable {
    /// Any sign: the prior must live on the real line.
    case free = "default"
    /// Coefficient ≥ 0: the prior (on |coefficient|) must live on (0, ∞).
    case positive
    /// Coefficient ≤ 0: the prior (on |coefficient|) must live on (0, ∞).
    case negative
}

/// One baseline or context regressor, standardised over the window before it enters the model.
public struct ControlInput: Sendable {
    /// The column name.
    public var name: String
    /// Its values, all rows.
    public var values: [Double]
    /// Sign restriction.
    public var sign: CoefficientSign
    /// Prior on the coefficient (free) or on its absolute value (signed), per standard deviation of the column,
    /// in scaled response units.
    public var prior: Prior

    /// Creates a control; the prior defaults to Normal(0, 1) when free and HalfNormal(1) when signed.
    public init(name: String, values: [Double], sign: CoefficientSign = .free, prior: Prior? = nil) {
        self.name = name
        self.values = values
        self.sign = sign
        self.prior = prior ?? (sign == .free ? Defaults.controlPrior : Defaults.signedControlPrior)
    }
}

/// What a lift test measured (Robyn's `calibration_scope`).
public enum LiftScope: String, Sendable, Hashable, Codable {
    /// The effect of the study's own spend during the study: the channels' contribution over the study rows minus
    /// the part carried in from spend before the study (Robyn's default scope, what an experiment measures).
    case immediate
    /// The channels' whole contribution over the study rows, carry-in included.
    case total
}

/// A lift test (PyMC-Marketing's `add_lift_test_measurements` idea on Robyn's calibration input): the model's
/// incremental effect of `channels` over `rows` is observed as `lift` with standard error `standardError`.
public struct LiftTest: Sendable, Hashable {
    /// The tested channels (Robyn's "a+b" studies list several); their contributions are summed.
    public var channels: [String]
    /// The study rows (0-based, inside the window).
    public var rows: Range<Int>
    /// The measured incremental response, in response units (> 0).
    public var lift: Double
    /// Its standard error (> 0).
    public var standardError: Double
    /// A factor on the predicted effect (e.g. Robyn's liftDays/decompDays period scaling); 1 by default.
    public var scale: Double
    /// What the study measured; ``LiftScope/total`` by default.
    public var scope: LiftScope

    /// Creates a lift test.
    public init(
        channels: [String], rows: Range<Int>, lift: Double, standardError: Double, scale: Double = 1,
        scope: LiftScope = .total
    ) {
        self.channels = channels
        self.rows = rows
        self.lift = lift
        self.standardError = standardError
        self.scale = scale
        self.scope = scope
    }
}
