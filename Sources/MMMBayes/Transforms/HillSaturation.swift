/// Robyn's Hill saturation on the channel's own scale (robyn-semantics.md §1.5), differentiable in α, γ and the input.
public enum HillSaturation {
    /// `v^α / (v^α + I^α)`, evaluated as logistic(α·(log v − log I)) so it is stable for any α; exactly 0 at v = 0.
    /// - Parameters:
    ///   - v: The (adstocked) input, ≥ 0.
    ///   - alpha: Shape α > 0.
    ///   - logInflexion: log I.
    /// - Returns: The saturated value in [0, 1).
    @inlinable @inline(__always)
    public static func evaluate<T: DualScalar>(_ v: T, alpha: T, logInflexion: T) -> T {
        guard v.value > 0 else { return T(0) }
        return T.logistic(alpha * (T.log(v) - logInflexion))
    }

    /// Robyn's inflexion `I = γ·max(x over the window)`.
    /// - Parameters:
    ///   - x: The adstocked series.
    ///   - window: The rows whose maximum sets the scale.
    ///   - gamma: γ ∈ (0, 1].
    /// - Returns: I (with the partials of γ and of the arg-max row).
    @inlinable
    public static func inflexion<T: DualScalar>(_ x: [T], window: Range<Int>, gamma: T) -> T {
        var top = window.lowerBound
        for t in window where x[t].value > x[top].value { top = t }
        return gamma * x[top]
    }

    /// Saturates the window rows of an adstocked series.
    /// - Parameters:
    ///   - x: The adstocked series (all rows).
    ///   - window: The modelling window; the inflexion comes from these rows.
    ///   - alpha: Shape α > 0.
    ///   - gamma: γ ∈ (0, 1].
    /// - Returns: The saturated window rows and the inflexion.
    @inlinable
    public static func apply<T: DualScalar>(_ x: [T], window: Range<Int>, alpha: T, gamma: T) -> (values: [T], inflexion: T) {
        let inflexion = inflexion(x, window: window, gamma: gamma)
        let logInflexion = T.log(inflexion)
        return (window.map { evaluate(x[$0], alpha: alpha, logInflexion: logInflexion) }, inflexion)
    }
}
