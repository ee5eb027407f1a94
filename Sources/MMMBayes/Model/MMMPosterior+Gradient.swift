import Foundation

/// The fast exact gradient: each channel's non-linear transforms give h_t and ∂h_t/∂(its 3–4 transform parameters)
/// (hand-derived in ``ChannelKernel``), and the chain rule is applied by hand through the
/// linear predictor, the likelihood, the lift tests and the priors. The same density as the generic
/// ``MMMPosterior/logDensity(_:)-(_)``; tests check the two against each other and against finite differences.
extension MMMPosterior: LogDensityModel {
    public func makeWorkspace() -> MMMWorkspace {
        MMMWorkspace(self)
    }

    public func logDensity(_ q: [Double], gradient: inout [Double], workspace ws: inout MMMWorkspace) -> Double {
        let rows = window.count
        for i in gradient.indices { gradient[i] = 0 }
        var lp = transformAndControlPriors(q, &gradient)
        // Linear predictor, starting from b₀ = c₀ − Σ K·eᵘ / rows.
        let b0 = intercept(q)
        for t in 0..<rows { ws.mu[t] = b0 }
        for k in controls.indices {
            let delta = controlCoefficient(k, q[layout.firstControl + k])
            let z = controls[k].standardised
            for t in 0..<rows { ws.mu[t] += delta * z[t] }
        }
        for c in channels.indices {
            evaluateChannel(c, q, &ws)
            let total = ws.states[c].saturated.reduce(0, +)
            ws.totals[c] = total
            let beta = coefficient(channel: c, effect: q[layout.channels[c].effect], saturationTotal: total)
            ws.betas[c] = beta
            ws.states[c].saturated.withUnsafeBufferPointer { h in
                for t in 0..<rows { ws.mu[t] += beta * h[t] }
            }
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
        // ∂/∂b₀ from the likelihood and b₀'s prior; b₀ depends on c₀ (slope 1) and on each u (slope −K·eᵘ / rows).
        let interceptTerm = interceptPrior.logDensityUnconstrained(Dual2.variable(b0, index: 0))
        lp += interceptTerm.value
        let dIntercept = ws.weights.reduce(0, +) + interceptTerm.partials[0]
        gradient[layout.intercept] += dIntercept
        for k in controls.indices {
            let index = layout.firstControl + k
            let z = controls[k].standardised
            var sum = 0.0
            for t in 0..<rows { sum += ws.weights[t] * z[t] }
            // d coefficient / du is 1 (free) or the coefficient itself (±eᵘ).
            gradient[index] += sum * (controls[k].sign == .free ? 1 : controlCoefficient(k, q[index]))
        }
        // Per channel: A = Σ w·h and G_lane = Σ w·∂h/∂lane, over the likelihood rows and the lift-test rows.
        for c in channels.indices { ws.states[c].weightedSums(ws.weights, rows: 0..<rows, factor: 1, into: &ws.sums[c], reset: true) }
        for lift in lifts {
            var predicted = 0.0
            for c in lift.channels {
                ws.states[c].saturated.withUnsafeBufferPointer { h in
                    for t in lift.rows { predicted += ws.betas[c] * h[t] }
                }
                if lift.immediate {
                    // Immediate scope: minus the carry-in from spend before the study.
                    let carry = carryIn(c, rows: lift.rows, ws)
                    ws.carryValues[c] = carry.value
                    ws.carryPartials[c] = carry.partials
                    predicted -= ws.betas[c] * carry.value
                }
            }
            let factor = responseScale * lift.scale
            let z = (predicted * factor - lift.lift) / lift.standardError
            lp += -0.5 * z * z
            let weight = -z / lift.standardError * factor
            for c in lift.channels {
                ws.states[c].weightedSums(nil, rows: lift.rows, factor: weight, into: &ws.sums[c], reset: false)
                if lift.immediate {
                    ws.sums[c][0] -= weight * ws.carryValues[c]
                    for lane in 0..<ws.states[c].lanes { ws.sums[c][lane + 1] -= weight * ws.carryPartials[c][lane] }
                }
            }
        }
        for c in channels.indices {
            lp += channelGradient(c, q, ws, dIntercept: dIntercept, &gradient)
        }
        return lp
    }

    /// Chain rule for one channel's effect and transform parameters; returns its effect prior term.
    ///
    /// β = K·eᵘ / H: ∂β/∂u = β and ∂β/∂p = −β·∂H/∂p / H. The effect prior f is evaluated at u (ROI) or at
    /// u − log H (coefficient), which adds f′ to ∂/∂u and −f′·∂H/∂p / H to ∂/∂p for the coefficient form.
    private func channelGradient(_ c: Int, _ q: [Double], _ ws: borrowing MMMWorkspace, dIntercept: Double, _ gradient: inout [Double]) -> Double {
        let slots = layout.channels[c]
        let beta = ws.betas[c]
        let total = ws.totals[c]
        let u = q[slots.effect]
        let a = ws.sums[c][0]
        let prior = channels[c].effectPrior.logDensityUnconstrained(
            Dual2.variable(effectPriorArgument(channel: c, effect: u, saturationTotal: total), index: 0))
        let priorSlope = prior.partials[0]
        gradient[slots.effect] += beta * a + priorSlope - dIntercept * Foundation.exp(u) * effectScale(channel: c) / Double(window.count)
        let hScale = beta * a + (channels[c].effectIsROI ? 0 : priorSlope)
        let state = ws.states[c]
        state.partials.withUnsafeBufferPointer { d in
            for lane in 0..<state.lanes {
                var dTotal = 0.0
                for t in 0..<state.rows { dTotal += d[lane * state.rows + t] }
                let kernelSlope = beta * ws.sums[c][lane + 1] - hScale * dTotal / total
                gradient[slots.adstock + lane] += kernelSlope * ws.laneSlopes[c][lane]
            }
        }
        return prior.value
    }

    /// The carry-in term of channel `c` over a study's rows (window-relative), from the kernel's current adstock and
    /// coordinates (``evaluateChannel`` just ran).
    private func carryIn(_ c: Int, rows: Range<Int>, _ ws: borrowing MMMWorkspace) -> (value: Double, partials: SIMD4<Double>) {
        let v = ws.laneValues[c]
        let geometric = channels[c].adstock == .geometric
        let study = (window.lowerBound + rows.lowerBound)..<(window.lowerBound + rows.upperBound)
        return ws.kernels[c].carryIn(
            media: media[c], window: window, study: study, logitTheta: geometric ? v[0] : nil,
            logAlpha: geometric ? v[1] : v[2], logitGamma: geometric ? v[2] : v[3])
    }

    /// Fills the workspace state of channel `c` from its unconstrained transform parameters (mapped to the
    /// kernel's coordinates, whose slopes ``channelGradient`` applies).
    private func evaluateChannel(_ c: Int, _ q: [Double], _ ws: inout MMMWorkspace) {
        let lanes = kernelCoordinates(c, q)
        (ws.laneValues[c], ws.laneSlopes[c]) = lanes
        let v = lanes.values
        switch channels[c].adstock {
        case .geometric:
            ws.kernels[c].geometric(
                media: media[c], window: window, logitTheta: v[0], logAlpha: v[1], logitGamma: v[2], into: &ws.states[c])
        case .weibullCDF, .weibullPDF:
            ws.kernels[c].weibull(
                media: media[c], window: window, logShape: v[0], logitScale: v[1],
                pdf: channels[c].adstock == .weibullPDF, logAlpha: v[2], logitGamma: v[3], into: &ws.states[c])
        }
    }

    /// Channel `c`'s transform parameters in the kernel's coordinates (``NativeLane``), with d(kernel coordinate) /
    /// d(sampler coordinate) per lane: 1 unless the prior is on a bounded interval.
    private func kernelCoordinates(_ c: Int, _ q: [Double]) -> (values: SIMD4<Double>, slopes: SIMD4<Double>) {
        let start = layout.channels[c].adstock
        let priors = channels[c].transformPriors
        var values = SIMD4<Double>.zero
        var slopes = SIMD4<Double>.zero
        for lane in priors.indices {
            (values[lane], slopes[lane]) = channels[c].kernelLane(lane).map(q[start + lane], support: priors[lane].support)
        }
        return (values, slopes)
    }

    /// The prior terms that depend on one parameter each (transforms, controls, σ), with their derivatives.
    private func transformAndControlPriors(_ q: [Double], _ gradient: inout [Double]) -> Double {
        func term(_ prior: Prior, _ index: Int) -> Double {
            let value = prior.logDensityUnconstrained(Dual2.variable(q[index], index: 0))
            gradient[index] += value.partials[0]
            return value.value
        }
        var lp = term(noisePrior, layout.sigma)
        for k in controls.indices { lp += term(controls[k].prior, layout.firstControl + k) }
        for c in channels.indices {
            let slots = layout.channels[c]
            for (i, prior) in channels[c].transformPriors.enumerated() { lp += term(prior, slots.adstock + i) }
        }
        return lp
    }
}
