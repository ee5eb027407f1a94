import Foundation

/// Scalar special functions the priors and the transforms need (plain `Double`; ``DualScalar`` lifts them).
public enum SpecialFunctions {
    /// 1 / (1 + e⁻ˣ), evaluated so neither branch overflows.
    /// - Parameter x: Any real.
    /// - Returns: A value in [0, 1].
    @inlinable @inline(__always)
    public static func logistic(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
        let e = Foundation.exp(x)
        return e / (1 + e)
    }

    /// log(1 + eˣ), evaluated so it neither overflows for large x nor loses digits for very negative x.
    /// - Parameter x: Any real.
    /// - Returns: softplus(x) ≥ 0.
    @inlinable @inline(__always)
    public static func softplus(_ x: Double) -> Double {
        x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x))
    }

    /// log Σ exp(aᵢ) of two terms without overflow; −∞ is the identity.
    /// - Parameters:
    ///   - a: First log-weight.
    ///   - b: Second log-weight.
    /// - Returns: log(eᵃ + eᵇ).
    @inlinable @inline(__always)
    public static func logSumExp(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        return a > b ? a + Foundation.log1p(Foundation.exp(b - a)) : b + Foundation.log1p(Foundation.exp(a - b))
    }

    /// The digamma function ψ(x) = Γ′(x)/Γ(x): upward recurrence to x ≥ 10, then the asymptotic series
    /// (Bernoulli numbers); reflection for negative non-integers.
    /// - Parameter x: Any real except 0, −1, −2, … (poles give NaN).
    /// - Returns: ψ(x), accurate to about 1e-15 relative away from its root near 1.4616.
    public static func digamma(_ x: Double) -> Double {
        if x.isNaN || x == -.infinity { return .nan }
        if x <= 0 {
            if x == x.rounded(.down) { return .nan }
            // ψ(1 − x) − ψ(x) = π·cot(πx).
            return digamma(1 - x) - Double.pi / Foundation.tan(Double.pi * x)
        }
        var value = x
        var shift = 0.0
        while value < 10 {
            shift -= 1 / value
            value += 1
        }
        let inv2 = 1 / (value * value)
        // Σ B₂ₖ / (2k·x²ᵏ) for k = 1…7.
        let series =
            inv2
            * (1.0 / 12
                - inv2
                * (1.0 / 120
                    - inv2
                    * (1.0 / 252
                        - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))))
        return shift + Foundation.log(value) - 0.5 / value - series
    }

    /// The trigamma function ψ′(x): recurrence to x ≥ 10, then the asymptotic series; reflection for negative x.
    /// - Parameter x: Any real except 0, −1, −2, … (poles give NaN).
    /// - Returns: ψ′(x), accurate to about 1e-15 relative.
    public static func trigamma(_ x: Double) -> Double {
        if x.isNaN || x == -.infinity { return .nan }
        if x <= 0 {
            if x == x.rounded(.down) { return .nan }
            // ψ′(1 − x) + ψ′(x) = π² / sin²(πx).
            let s = Foundation.sin(Double.pi * x)
            return Double.pi * Double.pi / (s * s) - trigamma(1 - x)
        }
        var value = x
        var shift = 0.0
        while value < 10 {
            shift += 1 / (value * value)
            value += 1
        }
        let inv = 1 / value
        let inv2 = inv * inv
        // 1/x + 1/(2x²) + Σ B₂ₖ / x²ᵏ⁺¹ for k = 1…7.
        let series =
            inv
            * (1
                + inv * 0.5
                + inv
                * inv
                * (1.0 / 6
                    - inv2
                    * (1.0 / 30
                        - inv2 * (1.0 / 42 - inv2 * (1.0 / 30 - inv2 * (5.0 / 66 - inv2 * (691.0 / 2730 - inv2 * 7 / 6)))))))
        return shift + series
    }
}
