/// Allocation-free adstock primitives over raw buffers, shared by the package API and the candidate hot loop.
enum AdstockKernels {
    /// Geometric recursion `d[1] = x[1]`, `d[t] = x[t] + θ·d[t−1]` (Robyn's loop, bit for bit).
    @inline(__always)
    static func geometric(
        _ x: UnsafeBufferPointer<Double>, theta: Double, into d: UnsafeMutableBufferPointer<Double>
    ) {
        let n = x.count
        guard n > 0 else { return }
        var previous = x[0]
        d[0] = previous
        var t = 1
        while t < n {
            previous = x[t] + theta * previous
            d[t] = previous
            t += 1
        }
    }

    /// Causal convolution `d[t] = Σ_{j≤t} x[j]·w[t−j]`, truncated at the effective kernel length.
    ///
    /// Scatters from each non-zero source in ascending order, so every `d[t]` accumulates its terms in R's
    /// row-sum order (ascending j). Zero inputs and the zero tail of the kernel are skipped; a zero weight inside
    /// the kernel adds an exact +0, which leaves the sum unchanged, so the inner loop stays branch-free.
    @inline(__always)
    static func convolve(
        _ x: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>, effectiveLength: Int,
        into d: UnsafeMutableBufferPointer<Double>
    ) {
        let n = x.count
        guard n > 0, let out = d.baseAddress, let kernel = weights.baseAddress else { return }
        out.update(repeating: 0, count: n)
        guard effectiveLength > 0 else { return }
        for j in 0..<n {
            let value = x[j]
            if value == 0 { continue }
            let end = Swift.min(n - j, effectiveLength)
            let target = out + j
            for lag in 0..<end { target[lag] += value * kernel[lag] }
        }
    }

    /// Sum in index order (R's `sum` accumulates in extended precision; the difference is below 1e-15 relative).
    @inline(__always)
    static func sum(_ x: UnsafeBufferPointer<Double>) -> Double {
        var total = 0.0
        for value in x { total += value }
        return total
    }
}
