import Foundation

/// The hot loop of the fast gradient for a geometric channel: adstock, Hill saturation on the window and the
/// partial derivatives of each saturated value with respect to the three unconstrained parameters
/// (logit θ, log α, logit γ), derived by hand and written into reusable buffers (no allocation, no dual arithmetic).
///
/// With a = adstock(x; θ), a′ = ∂a/∂θ, m the window row of the largest a, I = γ·a_m and
/// z_t = α·(log a_t − log I), h_t = σ(z_t) and, with s_t = h_t(1 − h_t):
/// ∂h/∂logit θ = s·α·(a′_t/a_t − a′_m/a_m)·θ(1 − θ),  ∂h/∂log α = s·(z_t),  ∂h/∂logit γ = −s·α·(1 − γ).
/// The generic dual-number path computes the same values; tests check both against finite differences.
struct GeometricHillKernel {
    /// Adstocked series and its θ-derivative over all rows (scratch).
    private var adstocked: [Double], slope: [Double]

    init(rows: Int) {
        adstocked = Array(repeating: 0, count: rows)
        slope = adstocked
    }

    /// Evaluates the channel at unconstrained (logit θ, log α, logit γ) into `state` (lanes θ, α, γ).
    mutating func evaluate(
        media x: [Double], window: Range<Int>, logitTheta: Double, logAlpha: Double, logitGamma: Double,
        into state: inout ChannelState
    ) {
        let theta = SpecialFunctions.logistic(logitTheta)
        let alpha = Foundation.exp(logAlpha)
        let gamma = SpecialFunctions.logistic(logitGamma)
        var top = window.lowerBound
        adstocked.withUnsafeMutableBufferPointer { a in
            slope.withUnsafeMutableBufferPointer { da in
                x.withUnsafeBufferPointer { x in
                    var previous = 0.0
                    var previousSlope = 0.0
                    for t in 0..<x.count {
                        // d_t = x_t + θ·d_{t−1};  ∂d_t/∂θ = d_{t−1} + θ·∂d_{t−1}/∂θ.
                        let value = t == 0 ? x[0] : x[t] + theta * previous
                        let derivative = t == 0 ? 0 : previous + theta * previousSlope
                        a[t] = value
                        da[t] = derivative
                        previous = value
                        previousSlope = derivative
                    }
                }
                for t in window where a[t] > a[top] { top = t }
            }
        }
        let peak = adstocked[top]
        let logInflexion = Foundation.log(gamma * peak)
        let peakRatio = slope[top] / peak
        let thetaJacobian = theta * (1 - theta)
        let gammaFactor = -alpha * (1 - gamma)
        let start = window.lowerBound
        let rows = state.rows
        adstocked.withUnsafeBufferPointer { a in
            slope.withUnsafeBufferPointer { da in
                state.saturated.withUnsafeMutableBufferPointer { h in
                    state.partials.withUnsafeMutableBufferPointer { d in
                        for i in 0..<rows {
                            let v = a[start + i]
                            guard v > 0 else {
                                (h[i], d[i], d[rows + i], d[2 * rows + i]) = (0, 0, 0, 0)
                                continue
                            }
                            let z = alpha * (Foundation.log(v) - logInflexion)
                            let value = SpecialFunctions.logistic(z)
                            let s = value * (1 - value)
                            h[i] = value
                            d[i] = s * alpha * (da[start + i] / v - peakRatio) * thetaJacobian
                            d[rows + i] = s * z
                            d[2 * rows + i] = s * gammaFactor
                        }
                    }
                }
            }
        }
    }
}
