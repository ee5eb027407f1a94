/// Maps a data interval onto a pixel interval linearly (the range may run backwards, as y axes do).
public struct LinearScale: Sendable, Equatable {
    /// Data value mapped to `rangeStart`.
    public let domainLower: Double
    /// Data value mapped to `rangeEnd`.
    public let domainUpper: Double
    /// Pixel position of `domainLower`.
    public let rangeStart: Double
    /// Pixel position of `domainUpper`.
    public let rangeEnd: Double

    /// Creates a scale.
    /// - Parameters:
    ///   - domain: data interval (a zero-width domain maps everything to the middle of the range).
    ///   - range: pixel interval, e.g. `(bottom, top)` for a y axis.
    public init(domain: (Double, Double), range: (Double, Double)) {
        (domainLower, domainUpper) = domain
        (rangeStart, rangeEnd) = range
    }

    /// The pixel position of `value`; values outside the domain extrapolate.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domainUpper - domainLower
        guard span != 0, span.isFinite else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (value - domainLower) / span * (rangeEnd - rangeStart)
    }

    /// The pixel position of `value`, clamped to the range (for shading that may start before the data).
    func clamped(_ value: Double) -> Double {
        let p = self(value)
        return Swift.min(Swift.max(p, Swift.min(rangeStart, rangeEnd)), Swift.max(rangeStart, rangeEnd))
    }
}
