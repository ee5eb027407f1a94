import Foundation

/// The model's reportable quantities at a point: constrained parameters in the data's own units and the derived
/// channel metrics (ROI, contribution, effect share). Every draw maps to one such vector.
extension MMMPosterior {
    /// Names of ``quantities(at:)``, in order: per channel its adstock parameters (`adstock_theta`, or
    /// `weibull_shape` and `weibull_scale`), `hill_alpha`, `hill_gamma`, `hill_inflexion` (media units), `beta`
    /// (response units per unit of saturation), `contribution` (window total), then for paid channels `roi` and
    /// `contribution_share` (share of the paid channels' total contribution, Robyn's `effect_share`); then
    /// `intercept` (response units, at raw control values), one `control` per control (response units per raw unit)
    /// and `sigma` (response units).
    public var quantityNames: [QuantityName] {
        var names = [QuantityName]()
        for (c, channel) in channels.enumerated() {
            let owner = channelNames[c]
            let adstock = channel.adstock == .geometric ? ["adstock_theta"] : ["weibull_shape", "weibull_scale"]
            for name in adstock + ["hill_alpha", "hill_gamma", "hill_inflexion", "beta", "contribution"] {
                names.append(QuantityName(name, owner: owner))
            }
            if channel.spendTotal != nil {
                names.append(QuantityName("roi", owner: owner))
                names.append(QuantityName("contribution_share", owner: owner))
            }
        }
        names.append(QuantityName("intercept"))
        names += controlNames.map { QuantityName("control", owner: $0) }
        names.append(QuantityName("sigma"))
        return names
    }

    /// The quantities named by ``quantityNames`` at an unconstrained point.
    /// - Parameter q: ``dimension`` unconstrained values.
    /// - Returns: One value per name.
    public func quantities(at q: [Double]) -> [Double] {
        let parts = decomposition(at: q)
        let paidTotal = channels.indices.reduce(0.0) { sum, c in
            channels[c].spendTotal == nil ? sum : sum + parts.channelContributions[c].reduce(0, +)
        }
        var values = [Double]()
        for (c, channel) in channels.enumerated() {
            let slots = layout.channels[c]
            for (i, prior) in channel.transformPriors.enumerated() {
                values.append(prior.support.constrain(q[slots.adstock + i]))
            }
            let contribution = parts.channelContributions[c].reduce(0, +)
            values += [parts.inflexions[c], parts.betas[c], contribution]
            if let spend = channel.spendTotal {
                values.append(spend > 0 ? contribution / spend : .nan)
                values.append(paidTotal > 0 ? contribution / paidTotal : .nan)
            }
        }
        values.append(parts.intercept)
        for k in controls.indices {
            values.append(controlCoefficient(k, q[layout.firstControl + k]) * responseScale / controls[k].sd)
        }
        values.append(Foundation.exp(q[layout.sigma]) * responseScale)
        return values
    }

    /// The fitted response split into its parts over the window rows, in response units.
    /// - Parameter q: ``dimension`` unconstrained values.
    /// - Returns: Intercept, per-control and per-channel contributions, the fitted values and each channel's β and
    ///   Hill inflexion.
    public func decomposition(at q: [Double]) -> MMMDecomposition {
        let rows = window.count
        var betas = [Double]()
        var inflexions = [Double]()
        var channelParts = [[Double]]()
        for c in channels.indices {
            let slots = layout.channels[c]
            let (saturated, inflexion) = saturation(channel: c, transform: Array(q[slots.transform]))
            let beta = coefficient(channel: c, effect: q[slots.effect], saturationTotal: saturated.reduce(0, +))
            betas.append(beta * responseScale)
            inflexions.append(inflexion)
            channelParts.append(saturated.map { $0 * beta * responseScale })
        }
        // Controls enter standardised; the intercept absorbs their means so the parts add up in raw units.
        var intercept = self.intercept(q) * responseScale
        var controlParts = [[Double]]()
        for (k, control) in controls.enumerated() {
            let delta = controlCoefficient(k, q[layout.firstControl + k]) * responseScale
            intercept -= delta * control.mean / control.sd
            controlParts.append(control.standardised.map { ($0 + control.mean / control.sd) * delta })
        }
        var fitted = [Double](repeating: intercept, count: rows)
        for part in controlParts + channelParts {
            for t in 0..<rows { fitted[t] += part[t] }
        }
        return MMMDecomposition(
            intercept: intercept, controlContributions: controlParts, channelContributions: channelParts,
            fitted: fitted, betas: betas, inflexions: inflexions)
    }
}

extension MMMPosterior {
    /// The posterior mean of the decomposition: every field averaged over the draws (so contributions are posterior
    /// mean contributions, not the contributions of the posterior mean parameters).
    /// - Parameter draws: Unconstrained draws (e.g. all chains of ``BayesFit/parameterDraws`` joined).
    /// - Returns: The averaged decomposition; `nil` for no draws.
    public func meanDecomposition(over draws: [[Double]]) -> MMMDecomposition? {
        guard let first = draws.first else { return nil }
        var sum = decomposition(at: first)
        for q in draws.dropFirst() {
            let next = decomposition(at: q)
            sum.intercept += next.intercept
            sum.controlContributions = zip(sum.controlContributions, next.controlContributions).map { zip($0, $1).map(+) }
            sum.channelContributions = zip(sum.channelContributions, next.channelContributions).map { zip($0, $1).map(+) }
            sum.fitted = zip(sum.fitted, next.fitted).map(+)
            sum.betas = zip(sum.betas, next.betas).map(+)
            sum.inflexions = zip(sum.inflexions, next.inflexions).map(+)
        }
        let n = Double(draws.count)
        sum.intercept /= n
        sum.controlContributions = sum.controlContributions.map { $0.map { $0 / n } }
        sum.channelContributions = sum.channelContributions.map { $0.map { $0 / n } }
        sum.fitted = sum.fitted.map { $0 / n }
        sum.betas = sum.betas.map { $0 / n }
        sum.inflexions = sum.inflexions.map { $0 / n }
        return sum
    }
}

/// The fitted response over the window split into intercept, controls and channels (response units).
public struct MMMDecomposition: Sendable, Hashable {
    /// The intercept (the same every row), at raw control values.
    public var intercept: Double
    /// Per control (input order), its contribution on each window row.
    public var controlContributions: [[Double]]
    /// Per channel (input order), its contribution on each window row.
    public var channelContributions: [[Double]]
    /// Intercept + controls + channels on each window row.
    public var fitted: [Double]
    /// Per channel, β in response units per unit of Hill saturation (Robyn's coefficient).
    public var betas: [Double]
    /// Per channel, the Hill inflexion I = γ·max(adstocked) in media units (Robyn's `<media>_inflexion`).
    public var inflexions: [Double]
}
