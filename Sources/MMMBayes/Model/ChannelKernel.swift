import Foundation

/// The hot loop of the fast gradient for one channel: adstock with its derivatives with respect to the unconstrained
/// adstock parameters, then Hill saturation on the window with the derivatives of every saturated value with respect
/// to all transform lanes (adstock lanes, log α, logit γ), derived by hand into reusable buffers (no allocation, no
/// dual arithmetic). The generic ``Dual`` path computes the same numbers; tests check both against finite differences.
///
/// Hill, with a = adstock, a′ = ∂a/∂(adstock lane), m the window row of the largest a, I = γ·a_m,
/// z_t = α·(log a_t − log I), h_t = σ(z_t), s_t = h_t(1 − h_t):
/// ∂h/∂lane = s·α·(a′_t/a_t − a′_m/a_m),  ∂h/∂log α = s·z,  ∂h/∂logit γ = −s·α·(1 − γ).
struct ChannelKernel {
    /// Adstocked series over all rows.
    private(set) var adstocked: [Double]
    /// Its derivatives, lane-major: `slopes[lane · rows + t]`.
    private(set) var slopes: [Double]
    /// Weibull lag weights and their derivatives (lane-major), scratch.
    private(set) var weights: [Double], weightSlopes: [Double]
    let rows: Int

    init(rows: Int) {
        self.rows = rows
        adstocked = Array(repeating: 0, count: rows)
        slopes = Array(repeating: 0, count: 2 * rows)
        weights = adstocked
        weightSlopes = slopes
    }

    /// Geometric adstock at logit θ, with ∂/∂logit θ in lane 0, then Hill into `state` (lanes θ, α, γ).
    mutating func geometric(
        media x: [Double], window: Range<Int>, logitTheta: Double, logAlpha: Double, logitGamma: Double,
        into state: inout ChannelState
    ) {
        let theta = SpecialFunctions.logistic(logitTheta)
        let jacobian = theta * (1 - theta)
        adstocked.withUnsafeMutableBufferPointer { a in
            slopes.withUnsafeMutableBufferPointer { da in
                var previous = 0.0
                var previousSlope = 0.0
                for t in 0..<x.count {
                    // d_t = x_t + θ·d_{t−1};  ∂d_t/∂θ = d_{t−1} + θ·∂d_{t−1}/∂θ (then × dθ/dlogit θ).
                    let value = t == 0 ? x[0] : x[t] + theta * previous
                    let slope = t == 0 ? 0 : previous + theta * previousSlope
                    a[t] = value
                    da[t] = slope * jacobian
                    previous = value
                    previousSlope = slope
                }
            }
        }
        hill(window: window, adstockLanes: 1, logAlpha: logAlpha, logitGamma: logitGamma, into: &state)
    }

    /// Weibull adstock (smooth λ = 1 + s·(rows − 1)) at log k and logit s, with ∂/∂log k and ∂/∂logit s in lanes 0
    /// and 1, then Hill into `state` (lanes k, s, α, γ).
    mutating func weibull(
        media x: [Double], window: Range<Int>, logShape: Double, logitScale: Double, pdf: Bool, logAlpha: Double,
        logitGamma: Double, into state: inout ChannelState
    ) {
        let n = rows
        let k = Foundation.exp(logShape)
        let s = SpecialFunctions.logistic(logitScale)
        let lambda = 1 + s * Double(n - 1)
        let logLambda = Foundation.log(lambda)
        // dλ/dlogit s.
        let lambdaSlope = Double(n - 1) * s * (1 - s)
        if pdf {
            WeibullKernelDerivatives.pdf(k: k, lambda: lambda, logLambda: logLambda, count: n, weights: &weights, slopes: &weightSlopes)
        } else {
            WeibullKernelDerivatives.cdf(k: k, lambda: lambda, logLambda: logLambda, count: n, weights: &weights, slopes: &weightSlopes)
        }
        // Slopes come as ∂/∂k and ∂/∂λ; convert to the unconstrained lanes. Weights below the smallest normal double
        // are flushed to 0 (they change no sum, but subnormal arithmetic costs ~100× per operation), and the kernel
        // stops after its last non-zero weight.
        var length = 0
        for t in 0..<n {
            if abs(weights[t]) < Double.leastNormalMagnitude { (weights[t], weightSlopes[t], weightSlopes[n + t]) = (0, 0, 0) }
            weightSlopes[t] *= k
            weightSlopes[n + t] *= lambdaSlope
            if abs(weightSlopes[t]) < Double.leastNormalMagnitude { weightSlopes[t] = 0 }
            if abs(weightSlopes[n + t]) < Double.leastNormalMagnitude { weightSlopes[n + t] = 0 }
            if weights[t] != 0 || weightSlopes[t] != 0 || weightSlopes[n + t] != 0 { length = t + 1 }
        }
        for t in 0..<n { (adstocked[t], slopes[t], slopes[n + t]) = (0, 0, 0) }
        adstocked.withUnsafeMutableBufferPointer { a in
            slopes.withUnsafeMutableBufferPointer { da in
                weights.withUnsafeBufferPointer { w in
                    weightSlopes.withUnsafeBufferPointer { dw in
                        guard let a = a.baseAddress, let da = da.baseAddress, let w = w.baseAddress, let dw = dw.baseAddress
                        else { return }
                        // Scatter each x_j into the later rows, d_t += x_j·w_{t−j}: three axpy loops that vectorise.
                        for j in 0..<n where x[j] != 0 {
                            let count = Swift.min(n &- j, length)
                            Self.axpy(count, x[j], w, a + j)
                            Self.axpy(count, x[j], dw, da + j)
                            Self.axpy(count, x[j], dw + n, da + n + j)
                        }
                    }
                }
            }
        }
        hill(window: window, adstockLanes: 2, logAlpha: logAlpha, logitGamma: logitGamma, into: &state)
    }

    /// y[i] += a·x[i] for i < count.
    @inline(__always)
    private static func axpy(_ count: Int, _ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        var i = 0
        while i < count {
            y[i] += a * x[i]
            i &+= 1
        }
    }

    /// The Hill curve's scale on the window, shared by the window's saturation and the lift tests' carry-in: α, γ,
    /// log of the inflexion I = γ · max(adstocked window) (Robyn's), and per adstock lane ∂ log(max) / ∂ lane.
    struct HillScale {
        var alpha: Double
        var gamma: Double
        var logInflexion: Double
        var peakRatios: SIMD2<Double>
    }

    /// The Hill scale from the current `adstocked` and `slopes` (after ``adstock``).
    func hillScale(window: Range<Int>, adstockLanes: Int, logAlpha: Double, logitGamma: Double) -> HillScale {
        let gamma = SpecialFunctions.logistic(logitGamma)
        var top = window.lowerBound
        for t in window where adstocked[t] > adstocked[top] { top = t }
        let peak = adstocked[top]
        var peakRatios = SIMD2<Double>.zero
        for lane in 0..<adstockLanes { peakRatios[lane] = slopes[lane * rows + top] / peak }
        return HillScale(
            alpha: Foundation.exp(logAlpha), gamma: gamma, logInflexion: Foundation.log(gamma * peak), peakRatios: peakRatios)
    }

    /// Hill on the window rows of `adstocked`, with its `adstockLanes` slope series, into `state`.
    private func hill(window: Range<Int>, adstockLanes: Int, logAlpha: Double, logitGamma: Double, into state: inout ChannelState) {
        let scale = hillScale(window: window, adstockLanes: adstockLanes, logAlpha: logAlpha, logitGamma: logitGamma)
        let (alpha, logInflexion, peakRatios) = (scale.alpha, scale.logInflexion, scale.peakRatios)
        let gammaFactor = -alpha * (1 - scale.gamma)
        let start = window.lowerBound
        let n = rows
        let w = state.rows
        adstocked.withUnsafeBufferPointer { a in
            slopes.withUnsafeBufferPointer { da in
                state.saturated.withUnsafeMutableBufferPointer { h in
                    state.partials.withUnsafeMutableBufferPointer { d in
                        for i in 0..<w {
                            let v = a[start + i]
                            guard v > 0 else {
                                h[i] = 0
                                for lane in 0..<(adstockLanes + 2) { d[lane * w + i] = 0 }
                                continue
                            }
                            let z = alpha * (Foundation.log(v) - logInflexion)
                            let value = SpecialFunctions.logistic(z)
                            let slope = value * (1 - value)
                            h[i] = value
                            for lane in 0..<adstockLanes {
                                d[lane * w + i] = slope * alpha * (da[lane * n + start + i] / v - peakRatios[lane])
                            }
                            d[adstockLanes * w + i] = slope * z
                            d[(adstockLanes + 1) * w + i] = slope * gammaFactor
                        }
                    }
                }
            }
        }
    }
}
