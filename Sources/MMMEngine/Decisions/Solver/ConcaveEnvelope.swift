/// The smallest concave function above a response curve on an interval `[low, high]`.
///
/// A Hill curve shifted by its carryover is convex below its inflection spend and concave above it. Its concave
/// envelope on `[low, high]` is the chord from `low` to a tangent point `t` followed by the curve itself on `[t, high]`
/// (or the curve alone when it is concave on the whole interval, or one chord when it is convex up to `high`). The
/// envelope equals the curve at `low` and on `[t, high]`; the gap in between is what the branch-and-bound closes.
struct ConcaveEnvelope: Sendable {
    let curve: ResponseCurve
    let low: Double
    let high: Double
    /// Where the chord meets the curve (`low` when there is no chord).
    let tangent: Double
    /// The chord's slope (unused when `tangent == low`).
    let slope: Double
    private let lowValue: Double

    /// Builds the envelope of `curve` on `[low, high]`.
    init(curve: ResponseCurve, low: Double, high: Double) {
        self.curve = curve
        self.low = low
        self.high = high
        lowValue = curve.response(at: low)
        let bend = curve.inflectionSpend
        guard curve.coefficient != 0, high > low, bend > low else {
            tangent = low
            slope = 0
            return
        }
        // g(t) = f'(t)(t − low) − (f(t) − f(low)) is ≥ 0 at the bend and decreasing beyond it.
        let lowValue = self.lowValue
        func g(_ t: Double) -> Double { curve.gradient(at: t) * (t - low) - (curve.response(at: t) - lowValue) }
        var t: Double
        if high <= bend || g(high) >= 0 {
            t = high
        } else {
            var a = bend
            var b = high
            for _ in 0..<200 {
                let mid = 0.5 * (a + b)
                if mid <= a || mid >= b { break }
                if g(mid) >= 0 { a = mid } else { b = mid }
            }
            t = a
        }
        tangent = t
        slope = (curve.response(at: t) - lowValue) / (t - low)
    }

    /// Whether the envelope has a chord (the curve is not concave on the whole interval).
    var hasChord: Bool { tangent > low }

    /// The envelope's value at `x` in `[low, high]`.
    func value(at x: Double) -> Double {
        hasChord && x < tangent ? lowValue + slope * (x - low) : curve.response(at: x)
    }

    /// The envelope's largest slope (its slope at `low`); may be infinite for α < 1 at level 0.
    var maximumSlope: Double { hasChord ? slope : curve.gradient(at: low) }

    /// The smallest maximiser of `envelope(x) − λx` on `[low, high]`.
    /// - Parameter price: λ ≥ 0.
    /// - Returns: the spend this channel takes at that price.
    func demand(price: Double) -> Double {
        if hasChord {
            if price >= slope { return low }
            if tangent >= high { return high }
            return curve.spend(atMarginal: price, low: tangent, high: high)
        }
        return curve.spend(atMarginal: price, low: low, high: high)
    }
}
