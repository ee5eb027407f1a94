import Foundation

/// Elementary functions for every ``DualScalar``, each written as value + derivative through the chain-rule primitives.
///
/// Called as `T.exp(x)`, so they never shadow Foundation's `exp(Double)`.
extension DualScalar {
    /// eˣ.
    @inlinable @inline(__always)
    public static func exp(_ x: Self) -> Self {
        let e = Foundation.exp(x.value)
        return x.applying(value: e, derivative: e)
    }

    /// Natural logarithm.
    @inlinable @inline(__always)
    public static func log(_ x: Self) -> Self {
        x.applying(value: Foundation.log(x.value), derivative: 1 / x.value)
    }

    /// log(1 + x), accurate near 0.
    @inlinable @inline(__always)
    public static func log1p(_ x: Self) -> Self {
        x.applying(value: Foundation.log1p(x.value), derivative: 1 / (1 + x.value))
    }

    /// eˣ − 1, accurate near 0.
    @inlinable @inline(__always)
    public static func expm1(_ x: Self) -> Self {
        x.applying(value: Foundation.expm1(x.value), derivative: Foundation.exp(x.value))
    }

    /// Square root.
    @inlinable @inline(__always)
    public static func sqrt(_ x: Self) -> Self {
        let s = Foundation.sqrt(x.value)
        return x.applying(value: s, derivative: 0.5 / s)
    }

    /// x².
    @inlinable @inline(__always)
    public static func square(_ x: Self) -> Self {
        x.applying(value: x.value * x.value, derivative: 2 * x.value)
    }

    /// xᶜ for a constant exponent.
    @inlinable @inline(__always)
    public static func pow(_ x: Self, _ exponent: Double) -> Self {
        if exponent == 0 { return Self(1) }
        let v = Foundation.pow(x.value, exponent)
        let d = exponent == 1 ? 1 : exponent * Foundation.pow(x.value, exponent - 1)
        return x.applying(value: v, derivative: d)
    }

    /// xʸ for x ≥ 0 with both arguments variable; at x = 0 the y-derivative is taken as 0 (the limit of xʸ·log x).
    @inlinable @inline(__always)
    public static func pow(_ x: Self, _ y: Self) -> Self {
        let v = Foundation.pow(x.value, y.value)
        let dx = y.value == 1 ? 1 : y.value * Foundation.pow(x.value, y.value - 1)
        let dy = x.value > 0 ? v * Foundation.log(x.value) : 0
        return x.combined(with: y, value: v, dSelf: dx, dOther: dy)
    }

    /// log Γ(x) (log of the absolute value); its derivative is the digamma function.
    @inlinable
    public static func lgamma(_ x: Self) -> Self {
        x.applying(value: Foundation.lgamma(x.value), derivative: SpecialFunctions.digamma(x.value))
    }

    /// ψ(x) = d/dx log Γ(x); its derivative is the trigamma function.
    @inlinable
    public static func digamma(_ x: Self) -> Self {
        x.applying(value: SpecialFunctions.digamma(x.value), derivative: SpecialFunctions.trigamma(x.value))
    }

    /// The logistic function 1 / (1 + e⁻ˣ), without overflow for large |x|.
    @inlinable @inline(__always)
    public static func logistic(_ x: Self) -> Self {
        let s = SpecialFunctions.logistic(x.value)
        return x.applying(value: s, derivative: s * (1 - s))
    }

    /// softplus(x) = log(1 + eˣ), without overflow for large x.
    @inlinable @inline(__always)
    public static func softplus(_ x: Self) -> Self {
        x.applying(value: SpecialFunctions.softplus(x.value), derivative: SpecialFunctions.logistic(x.value))
    }
}
