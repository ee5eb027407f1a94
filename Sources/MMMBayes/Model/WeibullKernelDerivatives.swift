import Foundation

/// Robyn's Weibull lag weights (smooth λ) and their derivatives with respect to the shape k and the scale λ,
/// hand-derived for the fast gradient. Slopes are lane-major: `slopes[t]` = ∂w_t/∂k, `slopes[count + t]` = ∂w_t/∂λ.
///
/// With r_u = (u/λ)ᵏ and ℓ_u = log u − log λ: ∂r_u/∂k = r_u·ℓ_u and ∂r_u/∂λ = −k·r_u/λ.
enum WeibullKernelDerivatives {
    /// CDF weights w₀ = 1, w_L = exp(−S_L) with S_L = Σ_{u ≤ L} r_u, so ∂w_L = −w_L·∂S_L.
    static func cdf(k: Double, lambda: Double, logLambda: Double, count: Int, weights: inout [Double], slopes: inout [Double]) {
        guard count > 0 else { return }
        weights[0] = 1
        slopes[0] = 0
        slopes[count] = 0
        var sum = 0.0
        var sumK = 0.0
        var sumLambda = 0.0
        for lag in 1..<count {
            let logRatio = Foundation.log(Double(lag)) - logLambda
            let r = Foundation.exp(k * logRatio)
            sum += r
            sumK += r * logRatio
            sumLambda -= k * r / lambda
            let w = Foundation.exp(-sum)
            weights[lag] = w
            slopes[lag] = -w * sumK
            slopes[count + lag] = -w * sumLambda
        }
    }

    /// PDF weights: f_u = exp(g_u) with g_u = log k − log λ + (k − 1)·ℓ_u − r_u at u = lag + 1, min–max normalised:
    /// w = (f − f_min)/(f_max − f_min), so ∂w = (∂f − ∂f_min)/R − w·(∂f_max − ∂f_min)/R; `(1, 0, 0, …)` if flat.
    static func pdf(k: Double, lambda: Double, logLambda: Double, count: Int, weights: inout [Double], slopes: inout [Double]) {
        guard count > 0 else { return }
        let logK = Foundation.log(k)
        var lowest = 0
        var highest = 0
        for index in 0..<count {
            let logRatio = Foundation.log(Double(index + 1)) - logLambda
            let r = Foundation.exp(k * logRatio)
            let f = Foundation.exp(logK - logLambda + (k - 1) * logRatio - r)
            weights[index] = f
            // ∂g/∂k = 1/k + ℓ − r·ℓ;  ∂g/∂λ = k·(r − 1)/λ.
            slopes[index] = f * (1 / k + logRatio - r * logRatio)
            slopes[count + index] = f * k * (r - 1) / lambda
            if f < weights[lowest] { lowest = index }
            if f > weights[highest] { highest = index }
        }
        let low = weights[lowest]
        let range = weights[highest] - low
        guard range > 0 else {
            for index in 0..<count { (weights[index], slopes[index], slopes[count + index]) = (index == 0 ? 1 : 0, 0, 0) }
            return
        }
        let lowSlopes = (slopes[lowest], slopes[count + lowest])
        let rangeSlopes = (slopes[highest] - lowSlopes.0, slopes[count + highest] - lowSlopes.1)
        for index in 0..<count {
            let w = (weights[index] - low) / range
            weights[index] = w
            slopes[index] = (slopes[index] - lowSlopes.0 - w * rangeSlopes.0) / range
            slopes[count + index] = (slopes[count + index] - lowSlopes.1 - w * rangeSlopes.1) / range
        }
    }
}
