import Foundation

/// The shape of a response curve: where it bends, where it saturates, and where its marginal response has a value.
///
/// In the level `v = x + c̄` the curve is `coef·h(v)` with `h(v) = v^a / (v^a + I^a)`. With `u = (v/I)^a`:
/// `h' = a·u / (v·(1 + u)²)` and `h'' = h'·(a − 1 − 2a·u/(1 + u)) / v`, so for α > 1 the curve is convex below the
/// level `I·((a − 1)/(a + 1))^(1/a)` and concave above it; for α ≤ 1 it is concave everywhere.
extension ResponseCurve {
    /// The level where the curve turns from convex to concave (0 when α ≤ 1: concave everywhere).
    package var inflectionLevel: Double {
        alpha > 1 ? inflexion * Foundation.pow((alpha - 1) / (alpha + 1), 1 / alpha) : 0
    }

    /// The spend where the curve turns from convex to concave; at or below 0 when it is concave for every spend.
    package var inflectionSpend: Double { inflectionLevel - carryoverMean }

    /// The largest marginal response over spends ≥ `from` (at the inflection, or at `from` when concave there).
    /// - Parameter from: the smallest spend considered.
    /// - Returns: the peak marginal response (infinite for α < 1 at level 0).
    package func peakMarginal(from: Double) -> Double {
        gradient(at: Swift.max(from, inflectionSpend))
    }

    /// `d² resp / dx²`.
    /// - Parameter spend: Mean per-period spend x.
    /// - Returns: the curvature (negative where the curve is concave).
    package func curvature(at spend: Double) -> Double {
        let level = spend + carryoverMean
        guard level > 0, coefficient != 0 else { return 0 }
        let u = Foundation.pow(level / inflexion, alpha)
        return gradient(at: spend) * (alpha - 1 - 2 * alpha * u / (1 + u)) / level
    }

    /// The spend at which the response reaches `share` of its ceiling `coef` (e.g. 0.9: "90 % saturated").
    /// - Parameter share: a share in (0, 1).
    /// - Returns: the spend (0 when the carryover alone already reaches it).
    package func saturationSpend(share: Double = 0.9) -> Double {
        let level = inflexion * Foundation.pow(share / (1 - share), 1 / alpha)
        return Swift.max(0, level - carryoverMean)
    }

    /// The spend in `[low, high]` on the concave branch where the marginal response equals `target`.
    ///
    /// Safeguarded Newton on `log h'` (bisection whenever a step leaves the bracket). The marginal response must be
    /// non-increasing on `[low, high]` (the caller passes a range at or above ``inflectionSpend``).
    /// - Parameters:
    ///   - target: the marginal response wanted (> 0).
    ///   - low: the lower end (marginal ≥ target there, or the result is `low`).
    ///   - high: the upper end (marginal ≤ target there, or the result is `high`).
    /// - Returns: the spend, to about 1e-14 relative.
    package func spend(atMarginal target: Double, low: Double, high: Double) -> Double {
        guard high > low else { return low }
        if gradient(at: low) <= target { return low }
        if gradient(at: high) >= target { return high }
        var lo = low
        var hi = high
        var x = 0.5 * (lo + hi)
        let logTarget = Foundation.log(target)
        for _ in 0..<200 {
            let g = gradient(at: x)
            if g > target { lo = x } else if g < target { hi = x } else { return x }
            let level = x + carryoverMean
            let u = Foundation.pow(level / inflexion, alpha)
            let slope = (alpha - 1 - 2 * alpha * u / (1 + u)) / level  // d log h' / dx
            var next = slope < 0 ? x - (Foundation.log(g) - logTarget) / slope : .nan
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
            if Swift.abs(next - x) <= 1e-15 * Swift.max(Swift.abs(x), 1) || hi - lo <= 1e-15 * Swift.max(hi, 1) {
                return next
            }
            x = next
        }
        return x
    }

    /// The largest spend where the marginal response is still 1 — beyond it one more unit of spend returns less
    /// than it costs (revenue models). Nil when the marginal response never reaches 1.
    package var breakEvenSpend: Double? {
        let start = Swift.max(0, inflectionSpend)
        guard coefficient > 0, gradient(at: start) >= 1 else { return nil }
        var high = Swift.max(1, 2 * start)
        var guardCount = 0
        while gradient(at: high) > 1, guardCount < 200 {
            high *= 2
            guardCount += 1
        }
        return spend(atMarginal: 1, low: start, high: high)
    }
}
