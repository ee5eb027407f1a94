/// Robyn's geometric adstock (robyn-semantics.md §1.1), differentiable in the decay θ.
public enum GeometricAdstock {
    /// `d[0] = x[0]`, `d[t] = x[t] + θ·d[t−1]`: the convolution with θ⁰, θ¹, … without truncation.
    /// - Parameters:
    ///   - x: The raw series (all rows).
    ///   - theta: The decay θ ∈ [0, 1).
    /// - Returns: The adstocked series, with partials if θ carries them.
    @inlinable
    public static func apply<T: DualScalar>(_ x: [Double], theta: T) -> [T] {
        var out = [T]()
        out.reserveCapacity(x.count)
        var previous = T(0)
        for (t, value) in x.enumerated() {
            previous = t == 0 ? T(value) : theta * previous + value
            out.append(previous)
        }
        return out
    }
}
