import Foundation

/// The carry-in term of an immediate-scope lift study for the fast gradient: K = Σ_{t ∈ study} Hill(C_t) with C the
/// adstock of the spend before the study alone and the channel's own inflexion, and ∂K/∂(each transform lane).
///
/// The kernel must hold the current point's adstock (``ChannelKernel/geometric(media:window:logitTheta:logAlpha:logitGamma:into:)``
/// or ``ChannelKernel/weibull(media:window:logShape:logitScale:pdf:logAlpha:logitGamma:into:)`` just ran).
/// Geometric: C_t = θᵏ·A_{s−1} with k = t − s + 1, so ∂C_t/∂logit θ = θᵏ·(k(1 − θ)·A_{s−1} + ∂A_{s−1}/∂logit θ).
/// Weibull: C_t = Σ_{j<s} x_j·w_{t−j} and ∂C_t/∂lane = Σ_{j<s} x_j·∂w_{t−j}/∂lane. Hill's derivatives are the
/// kernel's (see ``ChannelKernel``), with C in place of the adstock.
extension ChannelKernel {
    /// - Parameters:
    ///   - x: The channel's media (all rows).
    ///   - window: The modelling window (its maximum sets the inflexion).
    ///   - study: The study rows (absolute).
    ///   - logitTheta: Geometric decay's lane value, or nil for Weibull (the kernel's weights are used).
    ///   - logAlpha: log α.
    ///   - logitGamma: logit γ.
    /// - Returns: K and its partials in lane order (adstock lanes, log α, logit γ; unused lanes 0).
    func carryIn(
        media x: [Double], window: Range<Int>, study: Range<Int>, logitTheta: Double?, logAlpha: Double, logitGamma: Double
    ) -> (value: Double, partials: SIMD4<Double>) {
        let start = study.lowerBound
        guard start > 0, !study.isEmpty else { return (0, .zero) }
        let adstockLanes = logitTheta == nil ? 2 : 1
        let scale = hillScale(window: window, adstockLanes: adstockLanes, logAlpha: logAlpha, logitGamma: logitGamma)
        let (alpha, gamma, logInflexion, peakRatios) = (scale.alpha, scale.gamma, scale.logInflexion, scale.peakRatios)
        var value = 0.0
        var partials = SIMD4<Double>.zero
        var power = 1.0
        for t in study {
            var carry = 0.0
            var carrySlopes = SIMD2<Double>.zero
            if let logitTheta {
                let theta = SpecialFunctions.logistic(logitTheta)
                power *= theta
                let k = Double(t - start + 1)
                carry = power * adstocked[start - 1]
                carrySlopes[0] = power * (k * (1 - theta) * adstocked[start - 1] + slopes[start - 1])
            } else {
                for j in 0..<start where x[j] != 0 {
                    carry += x[j] * weights[t - j]
                    carrySlopes[0] += x[j] * weightSlopes[t - j]
                    carrySlopes[1] += x[j] * weightSlopes[rows + t - j]
                }
            }
            guard carry > 0 else { continue }
            let z = alpha * (Foundation.log(carry) - logInflexion)
            let h = SpecialFunctions.logistic(z)
            let s = h * (1 - h)
            value += h
            for lane in 0..<adstockLanes { partials[lane] += s * alpha * (carrySlopes[lane] / carry - peakRatios[lane]) }
            partials[adstockLanes] += s * z
            partials[adstockLanes + 1] += -s * alpha * (1 - gamma)
        }
        return (value, partials)
    }
}
