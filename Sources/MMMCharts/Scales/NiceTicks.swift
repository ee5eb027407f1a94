import Foundation

/// "Nice" axis ticks (Heckbert, Graphics Gems 1990): steps of 1, 2 or 5 × 10ⁿ and a range that covers the data.
public struct NiceTicks: Sendable, Equatable {
    /// The axis range (ticks lie on both ends unless a fixed domain was given).
    public let lower: Double
    /// The axis range's upper end.
    public let upper: Double
    /// Distance between ticks.
    public let step: Double
    /// Tick values, ascending, rounded to the step's decimals (no 0.30000000000000004).
    public let values: [Double]

    /// Fits ticks around `min...max`.
    ///
    /// Equal ends are widened (by 10% of the value, or 1 around zero); non-finite ends give 0...1.
    /// - Parameters:
    ///   - min: smallest data value.
    ///   - max: largest data value.
    ///   - targetCount: about how many ticks are wanted (at least 2).
    ///   - includeZero: stretch the range to contain 0 (bars start at 0).
    public init(min: Double, max: Double, targetCount: Int = 5, includeZero: Bool = false) {
        var lo = Swift.min(min, max), hi = Swift.max(min, max)
        if !lo.isFinite || !hi.isFinite { (lo, hi) = (0, 1) }
        if includeZero { lo = Swift.min(lo, 0); hi = Swift.max(hi, 0) }
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
            if includeZero { if min >= 0 { lo = 0 } else { hi = 0 } }
        }
        let step = Self.nice((Self.nice(hi - lo, round: false)) / Double(Swift.max(1, targetCount - 1)), round: true)
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        self.init(step: step, from: first, to: last)
    }

    /// Ticks inside a fixed `domain` (e.g. R² on 0...1); the range is exactly the domain.
    /// - Parameters:
    ///   - domain: the axis range to keep.
    ///   - targetCount: about how many ticks are wanted.
    public init(fixed domain: ClosedRange<Double>, targetCount: Int = 5) {
        let fitted = NiceTicks(min: domain.lowerBound, max: domain.upperBound, targetCount: targetCount)
        let epsilon = fitted.step * 1e-9
        let inside = fitted.values.filter { $0 >= domain.lowerBound - epsilon && $0 <= domain.upperBound + epsilon }
        if domain.lowerBound < domain.upperBound {
            lower = domain.lowerBound
            upper = domain.upperBound
        } else {
            (lower, upper) = (fitted.lower, fitted.upper)
        }
        step = fitted.step
        values = domain.lowerBound < domain.upperBound ? inside : fitted.values
    }

    private init(step: Double, from first: Double, to last: Double) {
        self.step = step
        let digits = Swift.max(0, Int(-(log10(step) - 1e-9).rounded(.down)))
        let scale = pow(10, Double(Swift.min(digits, 12)))
        let count = Swift.min(1_000, Int(last - first))
        let values = (0...Swift.max(0, count)).map { k in
            ((first + Double(k)) * step * scale).rounded() / scale
        }
        self.values = values
        // The ends are the rounded first and last ticks, so ticks sit exactly on the axis ends.
        lower = values.first ?? first * step
        upper = values.last ?? last * step
    }

    /// Heckbert's nice number: 1, 2, 5 or 10 × 10ⁿ near `x` (rounded, or the smallest not below it).
    static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = log10(x).rounded(.down)
        let fraction = x / pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * pow(10, exponent)
    }
}
