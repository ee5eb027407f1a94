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
        let adstocked = adstock(channel: c, transform: u, media: media[c])
        let n = priors.count
        return HillSaturation.apply(
            adstocked, window: window, alpha: priors[n - 2].support.constrain(u[n - 2]),
            gamma: priors[n - 1].support.constrain(u[n - 1]))
    }

    /// Channel `c`'s adstock of a media series (its own, or a part of it) at unconstrained transform parameters.
    func adstock<T: DualScalar>(channel c: Int, transform u: [T], media x: [Double]) -> [T] {
        let priors = channels[c].transformPriors
        switch channels[c].adstock {
        case .geometric:
            return GeometricAdstock.apply(x, theta: priors[0].support.constrain(u[0]))
        case .weibullCDF, .weibullPDF:
            return WeibullAdstock.apply(
                x, shape: priors[0].support.constrain(u[0]), scale: priors[1].support.constrain(u[1]),
                pdf: channels[c].adstock == .weibullPDF)
        }
    }

    /// Σ over a lift study's rows of the Hill saturation of the carry-in, the adstock of the spend before the
    /// study, with the channel's own inflexion (Robyn's immediate scope: total minus carry-in).
    /// - Parameters:
    ///   - c: Channel index.
    ///   - u: Unconstrained transform parameters.
    ///   - inflexion: The channel's inflexion I at `u`.
    ///   - rows: The study rows relative to the window.
    /// - Returns: Σ_t Hill(carry-in_t).
    func carryInSaturation<T: DualScalar>(channel c: Int, transform u: [T], inflexion: T, rows: Range<Int>) -> T {
        let start = window.lowerBound + rows.lowerBound
        guard start > 0 else { return T(0) }
        var before = media[c]
        for t in start..<before.count { before[t] = 0 }
        let carried = adstock(channel: c, transform: u, media: before)
        let priors = channels[c].transformPriors
        let alpha = priors[priors.count - 2].support.constrain(u[priors.count - 2])
        let logInflexion = T.log(inflexion)
        var sum = T(0)
        for t in rows { sum = sum + HillSaturation.evaluate(carried[window.lowerBound + t], alpha: alpha, logInflexion: logInflexion) }
        return sum
    }

    /// The effect parameter's scale K: u = log(β·H/K), so K·eᵘ is the channel's total contribution over the window
    /// in scaled units. K = spend ÷ response scale for a ROI prior (eᵘ is then the ROI), 1 otherwise.
    func effectScale(channel c: Int) -> Double {
        guard channels[c].effectIsROI, let spend = channels[c].spendTotal else { return 1 }
        return spend / responseScale
    }

    /// β in scaled units: K·eᵘ / H, with H = Σ saturation over the window.
    func coefficient<T: DualScalar>(channel c: Int, effect u: T, saturationTotal: T) -> T {
        T.exp(u) * effectScale(channel: c) / saturationTotal
    }

    /// The value the effect prior is evaluated at, on its unconstrained (log) scale: log ROI = u for a ROI prior,
    /// log β = u − log H for a coefficient prior. The map (u, transform parameters) → (log β or log ROI, the same
    /// transform parameters) is triangular with unit diagonal, so no further Jacobian term is needed.
    func effectPriorArgument<T: DualScalar>(channel c: Int, effect u: T, saturationTotal: T) -> T {
        channels[c].effectIsROI ? u : u - T.log(saturationTotal)
    }

    /// The intercept b₀ from the sampler's centred intercept c₀: the mean of the media contributions
    /// (β·mean h = K·eᵘ / rows) is moved into c₀, which removes the strong intercept–β correlation (as brms centres
    /// predictors). The prior stays on b₀; the shift has a unit Jacobian.
    func intercept<T: DualScalar>(_ q: [T]) -> T {
        var b0 = q[layout.intercept]
        for c in channels.indices {
            b0 = b0 - T.exp(q[layout.channels[c].effect]) * (effectScale(channel: c) / Double(window.count))
        }
        return b0
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
        let b0 = intercept(q)
        var lp = interceptPrior.logDensityUnconstrained(b0)
        var mu = [T](repeating: b0, count: rows)
        for k in controls.indices {
            let u = q[layout.firstControl + k]
            lp = lp + controls[k].prior.logDensityUnconstrained(u)
            let delta = controlCoefficient(k, u)
            for t in 0..<rows { mu[t] = mu[t] + delta * controls[k].standardised[t] }
        }
        var contributions = [[T]]()
        var betas = [T]()
        var inflexions = [T]()
        for c in channels.indices {
            let slots = layout.channels[c]
            let u = Array(q[slots.transform])
            for (i, prior) in channels[c].transformPriors.enumerated() {
                lp = lp + prior.logDensityUnconstrained(u[i])
            }
            let (saturated, inflexion) = saturation(channel: c, transform: u)
            inflexions.append(inflexion)
            let total = saturated.reduce(T(0), +)
            let effect = q[slots.effect]
            lp = lp + channels[c].effectPrior.logDensityUnconstrained(effectPriorArgument(channel: c, effect: effect, saturationTotal: total))
            let beta = coefficient(channel: c, effect: effect, saturationTotal: total)
            betas.append(beta)
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
                if lift.immediate {
                    let u = Array(q[layout.channels[c].transform])
                    predicted = predicted - betas[c] * carryInSaturation(channel: c, transform: u, inflexion: inflexions[c], rows: lift.rows)
                }
            }
            let z = (predicted * (responseScale * lift.scale) - lift.lift) / lift.standardError
            lp = lp - z * z * 0.5
        }
        return lp
    }
}

extension MMMPosterior {
    /// The log density and its gradient through the generic code with ``Dual64`` (models of up to 64 parameters):
    /// the slow, simple reference for the fast path. Specialised here, inside the module.
    /// - Parameter q: ``dimension`` unconstrained values (at most 64).
    /// - Returns: log p and ∇ log p.
    public func referenceGradient(at q: [Double]) -> (value: Double, gradient: [Double]) {
        precondition(q.count <= Dual64.width, "the Dual64 reference handles at most 64 parameters")
        let result = logDensity(q.enumerated().map { Dual64.variable($1, index: $0) })
        return (result.value, (0..<q.count).map { result.partials[$0] })
    }
}
