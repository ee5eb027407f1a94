import Foundation

/// The MMM posterior density over an unconstrained parameter vector:
///
/// ỹ_t = b₀ + Σ_c β_c · Hill(adstock(x_c)_t; α_c, γ_c) + Σ_k δ_k z̃_k,t + ε_t,  ε_t ~ Normal(0, σ),
///
/// with ỹ = y ÷ max|y| over the window and z̃ the controls standardised over the window, plus the priors (with the
/// log-Jacobians of their unconstrained transforms) and optional lift-test terms. Built once from an
/// ``MMMPosteriorInput``; immutable and `Sendable`, so every chain shares it.
public struct MMMPosterior: Sendable {
    /// Where each parameter sits in the unconstrained vector.
    public let layout: ParameterLayout
    /// Channel names in input (and layout) order.
    public let channelNames: [String]
    /// Control names in input order.
    public let controlNames: [String]
    /// The modelling window (0-based rows).
    public let window: Range<Int>
    /// The response scale: max |y| over the window; β, σ and the intercept are in units of it.
    public let responseScale: Double

    /// ỹ over the window.
    let scaledResponse: [Double]
    /// Per channel: the media series (all rows).
    let media: [[Double]]
    /// Per channel: resolved priors, adstock form and window spend.
    let channels: [ResolvedChannel]
    /// Per control: standardised values over the window, sign, prior, and the raw mean and sd.
    let controls: [ResolvedControl]
    /// Lift tests with channel indices and window-relative rows.
    let lifts: [ResolvedLift]
    /// Prior on the intercept (scaled units).
    let interceptPrior: Prior
    /// Prior on σ (scaled units).
    let noisePrior: Prior

    /// The number of unconstrained parameters.
    public var dimension: Int { layout.dimension }

    /// Validates and scales the input.
    /// - Parameter input: The data, priors and lift tests.
    /// - Throws: ``BayesError`` naming the offending field: `.invalidInput` for inconsistent lengths, names or rows,
    ///   `.invalidData` for non-finite, negative or constant data, `.invalidPrior` for bad prior parameters.
    public init(_ input: MMMPosteriorInput) throws(BayesError) {
        let checked = try InputValidation(input)
        layout = ParameterLayout(adstocks: input.channels.map(\.adstock), controlCount: input.controls.count)
        channelNames = input.channels.map(\.name)
        controlNames = input.controls.map(\.name)
        window = input.window
        responseScale = checked.responseScale
        scaledResponse = input.response[input.window].map { $0 / checked.responseScale }
        media = input.channels.map(\.media)
        channels = checked.channels
        controls = checked.controls
        lifts = checked.lifts
        interceptPrior = input.interceptPrior
        noisePrior = input.noisePrior
    }

    /// A central starting point: every parameter at its prior median (on the unconstrained scale), the centred
    /// intercept at the mean scaled response and σ at a tenth of its standard deviation.
    /// - Returns: A vector of ``dimension`` values.
    public func initialPoint() -> [Double] {
        var q = [Double](repeating: 0, count: dimension)
        for (c, channel) in channels.enumerated() {
            let slots = layout.channels[c]
            for (i, prior) in channel.transformPriors.enumerated() {
                q[slots.adstock + i] = prior.support.unconstrain(prior.median)
            }
            // The effect coordinate is log(K⁻¹·total contribution): log ROI, or log(β·H) for a coefficient prior.
            let median = channel.effectPrior.median
            let total = saturation(channel: c, transform: Array(q[slots.transform])).values.reduce(0, +)
            q[slots.effect] = Foundation.log(channel.effectIsROI ? median : median * total)
        }
        let mean = scaledResponse.reduce(0, +) / Double(scaledResponse.count)
        let variance = scaledResponse.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scaledResponse.count)
        q[layout.intercept] = mean
        for (k, control) in controls.enumerated() where control.sign != .free {
            q[layout.firstControl + k] = control.prior.support.unconstrain(control.prior.median)
        }
        q[layout.sigma] = Foundation.log(0.1 * Swift.max(variance, 1e-12).squareRoot())
        return q
    }
}

/// A channel after validation: its priors in lane order and the window spend.
struct ResolvedChannel: Sendable {
    /// Adstock form.
    var adstock: AdstockKind
    /// Priors of the local transform parameters in lane order: adstock (1 or 2), α, γ.
    var transformPriors: [Prior]
    /// Whether the effect prior is on ROI (else on β).
    var effectIsROI: Bool
    /// Prior on β (scaled units) or on ROI.
    var effectPrior: Prior
    /// Total spend over the window; `nil` for organic variables.
    var spendTotal: Double?

    /// The fast kernel's coordinate of transform lane `lane` (log for k and α, logit for θ, s and γ).
    func kernelLane(_ lane: Int) -> NativeLane {
        // Lanes: geometric θ, α, γ; Weibull k, s, α, γ. The last is always γ and the one before it α.
        let fromEnd = transformPriors.count - lane
        if fromEnd <= 2 { return fromEnd == 2 ? .log : .logit }
        return adstock == .geometric || lane == 1 ? .logit : .log
    }
}

/// A control after standardisation.
struct ResolvedControl: Sendable {
    /// (z − mean) / sd over the window rows.
    var standardised: [Double]
    /// Sign restriction.
    var sign: CoefficientSign
    /// Prior on the coefficient or its absolute value.
    var prior: Prior
    /// Window mean of the raw column.
    var mean: Double
    /// Window standard deviation of the raw column.
    var sd: Double
}

/// A lift test resolved against the channels and the window.
struct ResolvedLift: Sendable {
    /// Channel indices.
    var channels: [Int]
    /// Rows relative to the window start.
    var rows: Range<Int>
    /// Measured lift (response units).
    var lift: Double
    /// Standard error.
    var standardError: Double
    /// Factor on the predicted effect.
    var scale: Double
    /// Whether the carry-in from before the study is subtracted (immediate scope).
    var immediate: Bool
}
