import Foundation

/// Student's t distribution: the CDF through the regularised incomplete beta function, and its quantile by bisection
/// (R's `qt`, which Robyn's cluster confidence intervals use).
enum StudentT {
    /// P(T ≤ t) for `degrees` > 0 degrees of freedom.
    static func cdf(_ t: Double, degrees: Double) -> Double {
        // tail = ½·I_x(d/2, ½) with x = d/(d+t²); near t = 0 use 1 − I_y(½, d/2) with y = t²/(d+t²) = 1 − x exactly,
        // so small |t| keeps full precision.
        let y = t * t / (degrees + t * t)
        let tail = y < 0.5
            ? 0.5 * (1 - regularizedBeta(y, 0.5, degrees / 2)) : 0.5 * regularizedBeta(degrees / (degrees + t * t), degrees / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The quantile q with P(T ≤ q) = p, to ~1e-12; NaN when `degrees` ≤ 0 or p is outside (0, 1).
    static func quantile(_ p: Double, degrees: Double) -> Double {
        guard degrees > 0, p > 0, p < 1 else { return .nan }
        var lo = -1.0, hi = 1.0
        while cdf(lo, degrees: degrees) > p { lo *= 2 }
        while cdf(hi, degrees: degrees) < p { hi *= 2 }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if cdf(mid, degrees: degrees) < p { lo = mid } else { hi = mid }
            if hi - lo < 1e-13 * max(1, abs(mid)) { break }
        }
        return (lo + hi) / 2
    }

    /// I_x(a, b), by the continued fraction (modified Lentz), using the symmetry for fast convergence.
    static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logGammas + logPowers
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a, b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, b, a) / b
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...300 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
