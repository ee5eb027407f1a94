import Foundation

/// Numeric helpers that reproduce base-R behaviour Robyn relies on (type-7 quantile, `round`, `**`).
///
/// Robyn's numbers depend on these exact definitions: Weibull `scaleTrans` is
/// `round(quantile(1:windlen, scale))` with half-to-even rounding, the train split floors a type-7 quantile, and
/// the DECOMP.RSSD zero-effect penalty uses `round(share, 4) == 0`.
package enum RCompat {
    /// R's default (type 7) quantile of already sorted values.
    ///
    /// Uses R's exact interpolation `(1 − h)·x[lo] + h·x[hi]`, so floors of the result match R bit for bit.
    /// - Parameters:
    ///   - sorted: The data in ascending order; must not be empty.
    ///   - probability: The probability in [0, 1].
    /// - Returns: The quantile, or NaN for empty input.
    package static func quantileType7(sorted: [Double], probability: Double) -> Double {
        let n = sorted.count
        guard n > 0 else { return .nan }
        let index = 1 + Double(max(n - 1, 0)) * probability
        let lo = index.rounded(.down)
        let hi = index.rounded(.up)
        let loValue = sorted[min(max(Int(lo), 1), n) - 1]
        let hiValue = sorted[min(max(Int(hi), 1), n) - 1]
        guard index > lo, hiValue != loValue else { return loValue }
        let h = index - lo
        return (1 - h) * loValue + h * hiValue
    }

    /// R's type-7 quantile of unsorted values (`quantile(x, p)`).
    /// - Parameters:
    ///   - values: The data; NaN values must be removed by the caller (R would stop with an error).
    ///   - probability: The probability in [0, 1].
    /// - Returns: The quantile, or NaN for empty input.
    package static func quantileType7(_ values: [Double], probability: Double) -> Double {
        quantileType7(sorted: values.sorted(), probability: probability)
    }

    /// `quantile(1:count, probability)` without materialising the sequence.
    /// - Parameters:
    ///   - count: The sequence length N (values 1…N).
    ///   - probability: The probability in [0, 1].
    /// - Returns: R's interpolated value, including its floating-point rounding.
    package static func quantileOfSequence(count: Int, probability: Double) -> Double {
        guard count > 0 else { return .nan }
        let index = 1 + Double(max(count - 1, 0)) * probability
        let lo = index.rounded(.down)
        let hi = Swift.min(index.rounded(.up), Double(count))
        guard index > lo, hi != lo else { return lo }
        let h = index - lo
        return (1 - h) * lo + h * hi
    }

    /// R's `round(x)`: to the nearest integer, an exact half going to the even neighbour.
    /// - Parameter x: The value.
    /// - Returns: The rounded value.
    @inlinable
    package static func round(_ x: Double) -> Double {
        x.rounded(.toNearestOrEven)
    }

    /// R (≥ 4.0.0) `round(x, digits)`: picks the closer of the two decimal candidates, ties to an even last digit.
    /// - Parameters:
    ///   - x: The value.
    ///   - digits: Number of decimal digits (may be negative).
    /// - Returns: The rounded value as R computes it.
    package static func round(_ x: Double, digits: Int) -> Double {
        if x.isNaN || !x.isFinite || x == 0 { return x }
        if digits == 0 { return round(x) }
        if digits > 323 { return x }
        if digits < -308 { return 0 }
        let sign: Double = x < 0 ? -1 : 1
        let ax = Swift.abs(x)
        // Beyond DBL_DIG significant digits there is nothing left to round.
        if Double(digits) + (Double(ax.exponent) + 0.5) * log10(2.0) > 15 { return x }
        let p10 = powerOfTen(Swift.abs(digits))
        let x10 = digits > 0 ? p10 * ax : ax / p10
        let i10 = x10.rounded(.down)
        let down = digits > 0 ? i10 / p10 : i10 * p10
        let up = digits > 0 ? x10.rounded(.up) / p10 : x10.rounded(.up) * p10
        let du = up - ax
        let dd = ax - down
        let odd = i10.truncatingRemainder(dividingBy: 2) == 1
        return sign * ((du < dd || (du == dd && odd)) ? up : down)
    }

    /// R's `x ** a` for the non-negative bases used by Hill saturation (R special-cases a square).
    /// - Parameters:
    ///   - base: The base.
    ///   - exponent: The exponent.
    /// - Returns: `base^exponent` as R evaluates it.
    @inlinable
    package static func pow(_ base: Double, _ exponent: Double) -> Double {
        if exponent == 2 { return base * base }
        return Foundation.pow(base, exponent)
    }

    /// 10^k by repeated multiplication, as R's `R_pow_di` does.
    static func powerOfTen(_ k: Int) -> Double {
        var result = 1.0
        var base = 10.0
        var e = k
        while e > 0 {
            if e & 1 == 1 { result *= base }
            e >>= 1
            if e > 0 { base *= base }
        }
        return result
    }
}
