import Foundation

/// Scratch memory for one chain's gradient evaluations.
public final class MMMWorkspace {
    /// Per channel: the saturated window rows with partials in the channel's transform lanes.
    var saturated: [[Dual4]]
    /// Per channel: Σ saturated.
    var totals: [Dual4]
    /// Per channel: β (scaled units).
    var betas: [Double]
    /// The linear predictor over the window.
    var mu: [Double]
    /// ∂ log-likelihood / ∂ μ_t.
    var weights: [Double]

    init(channels: Int, rows: Int) {
        saturated = Array(repeating: Array(repeating: Dual4(0), count: rows), count: channels)
        totals = Array(repeating: Dual4(0), count: channels)
        betas = Array(repeating: 0, count: channels)
        mu = Array(repeating: 0, count: rows)
        weights = Array(repeating: 0, count: rows)
    }
}

/// The fast exact gradient: forward-mode duals only where parameters interact non-linearly (each channel's adstock
/// and Hill, 2–4 lanes), and the chain rule by hand through the linear predictor, the likelihood and the priors.
/// The same density as the generic ``MMMPosterior/logDensity(_:)-(_)`` (tests check both against each other and
/// against finite differences).
extension MMMPosterior: LogDensityModel {
    public func makeWorkspace() -> MMMWorkspace {
        MMMWorkspace(channels: channels.count, rows: window.count)
    }

    public func logDensity(_ q: [Double], gradient: inout [Double], workspace ws: inout MMMWorkspace) -> Double {
        let rows = window.count
        for i in gradient.indices { gradient[i] = 0 }
        var lp = 0.0
        // Priors, each with its own one-lane dual.
        lp += priorTerm(interceptPrior, q, layout.intercept, &gradient)
        for k in controls.indices { lp += priorTerm(controls[k].prior, q, layout.firstControl + k, &gradient) }
        lp += priorTerm(noisePrior, q, layout.sigma, &gradient)
        for c in channels.indices {
            let slots = layout.channels[c]
            for (i, prior) in channels[c].transformPriors.enumerated() {
                lp += priorTerm(prior, q, slots.adstock + i, &gradient)
            }
            lp += priorTerm(channels[c].effectPrior, q, slots.effect, &gradient)
        }
        // Linear predictor.
        let intercept = q[layout.intercept]
        for t in 0..<rows { ws.mu[t] = intercept }
        for k in controls.indices {
            let delta = controlCoefficient(k, q[layout.firstControl + k])
            let z = controls[k].standardised
            for t in 0..<rows { ws.mu[t] += delta * z[t] }
        }
        for c in channels.indices {
            let slots = layout.channels[c]
            let u = slots.transform.enumerated().map { lane, index in Dual4.variable(q[index], index: lane) }
            ws.saturated[c] = saturation(channel: c, transform: u).values
            let total = ws.saturated[c].reduce(Dual4(0), +)
            ws.totals[c] = total
            let beta = coefficient(channel: c, effect: q[slots.effect], saturationTotal: total.value)
            ws.betas[c] = beta
            let h = ws.saturated[c]
            for t in 0..<rows { ws.mu[t] += beta * h[t].value }
        }
        // Likelihood: weights are ∂ℓ/∂μ_t.
        let logSigma = q[layout.sigma]
        let precision = Foundation.exp(-2 * logSigma)
        var squares = 0.0
        for t in 0..<rows {
            let r = scaledResponse[t] - ws.mu[t]
            squares += r * r
            ws.weights[t] = r * precision
        }
        lp += -0.5 * squares * precision - Double(rows) * logSigma
        gradient[layout.sigma] += squares * precision - Double(rows)
        gradient[layout.intercept] += ws.weights.reduce(0, +)
        for k in controls.indices {
            let index = layout.firstControl + k
            let z = controls[k].standardised
            var sum = 0.0
            for t in 0..<rows { sum += ws.weights[t] * z[t] }
            // d coefficient / du is 1 (free) or the coefficient itself (±eᵘ).
            gradient[index] += sum * (controls[k].sign == .free ? 1 : controlCoefficient(k, q[index]))
        }
        // Per channel: A = Σ w·h and G = Σ w·∂h, plus the lift tests' weights on their rows.
        var sums = [Dual4](repeating: Dual4(0), count: channels.count)
        for c in channels.indices {
            var s = Dual4(0)
            let h = ws.saturated[c]
            for t in 0..<rows { s.add(h[t], times: ws.weights[t]) }
            sums[c] = s
        }
        for lift in lifts {
            var predicted = 0.0
            for c in lift.channels {
                let h = ws.saturated[c]
                for t in lift.rows { predicted += ws.betas[c] * h[t].value }
            }
            let factor = responseScale * lift.scale
            let z = (predicted * factor - lift.lift) / lift.standardError
            lp += -0.5 * z * z
            let weight = -z / lift.standardError * factor
            for c in lift.channels {
                let h = ws.saturated[c]
                for t in lift.rows { sums[c].add(h[t], times: weight) }
            }
        }
        for c in channels.indices {
            let slots = layout.channels[c]
            let beta = ws.betas[c]
            gradient[slots.effect] += beta * sums[c].value
            var partials = sums[c].partials * beta
            if channels[c].effectIsROI {
                // β = K·eᵘ / H, so ∂β/∂p = −β·∂H/∂p / H.
                partials -= ws.totals[c].partials * (beta * sums[c].value / ws.totals[c].value)
            }
            for lane in 0..<slots.transform.count { gradient[slots.adstock + lane] += partials[lane] }
        }
        return lp
    }

    /// Adds one prior's log density (unconstrained, with Jacobian) and its derivative.
    private func priorTerm(_ prior: Prior, _ q: [Double], _ index: Int, _ gradient: inout [Double]) -> Double {
        let term = prior.logDensityUnconstrained(Dual2.variable(q[index], index: 0))
        gradient[index] += term.partials[0]
        return term.value
    }
}
