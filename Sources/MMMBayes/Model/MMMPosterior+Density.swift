import Foundation

/// The log density written once, generically: with `Double` it evaluates, with ``Dual`` (e.g. ``Dual64``) it also
/// differentiates. This is the reference the fast gradient (``MMMPosterior/logDensity(_:gradient:workspace:)``) is
/// tested against.
extension MMMPosterior {
    /// The saturated window rows of channel `c` and its inflexion, from its unconstrained transform parameters.
    /// - Parameters:
    ///   - c: Channel index.
    ///   - u: Unconstrained adstock parameters, then α, then γ (the layout's `transform` order).
    /// - Returns: Hill(adstock(x)) on the window rows, and the inflexion I.
    func saturation<T: DualScalar>(channel c: Int, transform u: [T]) -> (values: [T], inflexion: T) {
        let priors = channels[c].transformPriors
        let x = media[c]
        let adstocked: [T]
        switch channels[c].adstock {
        case .geometric:
            adstocked = GeometricAdstock.apply(x, theta: priors[0].support.constrain(u[0]))
        case .weibullCDF, .weibullPDF:
            adstocked = WeibullAdstock.apply(
                x, shape: priors[0].support.constrain(u[0]), scale: priors[1].support.constrain(u[1]),
                pdf: channels[c].adstock == .weibullPDF)
        }
        let n = priors.count
        return HillSaturation.apply(
            adstocked, window: window, alpha: priors[n - 2].support.constrain(u[n - 2]),
            gamma: priors[n - 1].support.constrain(u[n - 1]))
    }

    /// β in scaled units from the effect parameter: exp(u) for a coefficient prior, or, for a ROI prior,
    /// ROI · spend ÷ (response scale · Σ saturation), so that the window ROI equals exp(u).
    func coefficient<T: DualScalar>(channel c: Int, effect u: T, saturationTotal: T) -> T {
        let e = T.exp(u)
        guard channels[c].effectIsROI, let spend = channels[c].spendTotal else { return e }
        return e * (spend / responseScale) / saturationTotal
    }

    /// The control coefficient from its unconstrained value: u (free), eᵘ (positive) or −eᵘ (negative).
    func controlCoefficient<T: DualScalar>(_ k: Int, _ u: T) -> T {
        switch controls[k].sign {
        case .free: return u
        case .positive: return T.exp(u)
        case .negative: return -T.exp(u)
        }
    }

    /// The log posterior density (up to a constant) at an unconstrained point, generic in the scalar type.
    /// - Parameter q: ``dimension`` unconstrained values (seed them as ``Dual`` variables to get the gradient).
    /// - Returns: log p(q | data) + log-Jacobians, up to an additive constant.
    public func logDensity<T: DualScalar>(_ q: [T]) -> T {
        let rows = window.count
        var lp = interceptPrior.logDensityUnconstrained(q[layout.intercept])
        var mu = [T](repeating: q[layout.intercept], count: rows)
        for k in controls.indices {
            let u = q[layout.firstControl + k]
            lp = lp + controls[k].prior.logDensityUnconstrained(u)
            let delta = controlCoefficient(k, u)
            for t in 0..<rows { mu[t] = mu[t] + delta * controls[k].standardised[t] }
        }
        var contributions = [[T]]()
        for c in channels.indices {
            let slots = layout.channels[c]
            let u = Array(q[slots.transform])
            for (i, prior) in channels[c].transformPriors.enumerated() {
                lp = lp + prior.logDensityUnconstrained(u[i])
            }
            lp = lp + channels[c].effectPrior.logDensityUnconstrained(q[slots.effect])
            let saturated = saturation(channel: c, transform: u).values
            let total = saturated.reduce(T(0), +)
            let beta = coefficient(channel: c, effect: q[slots.effect], saturationTotal: total)
            let contribution = saturated.map { $0 * beta }
            for t in 0..<rows { mu[t] = mu[t] + contribution[t] }
            contributions.append(contribution)
        }
        let logSigma = q[layout.sigma]
        lp = lp + noisePrior.logDensityUnconstrained(logSigma)
        let inverseSigma = T.exp(-logSigma)
        var squares = T(0)
        for t in 0..<rows {
            let r = (mu[t] - scaledResponse[t]) * inverseSigma
            squares = squares + r * r
        }
        lp = lp - squares * 0.5 - logSigma * Double(rows)
        for lift in lifts {
            var predicted = T(0)
            for c in lift.channels {
                for t in lift.rows { predicted = predicted + contributions[c][t] }
            }
            let z = (predicted * (responseScale * lift.scale) - lift.lift) / lift.standardError
            lp = lp - z * z * 0.5
        }
        return lp
    }
}
