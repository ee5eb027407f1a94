import Foundation

/// Robyn's Weibull adstock (robyn-semantics.md §1.2–1.4), differentiable in the shape k and the scale λ.
///
/// Robyn rounds its scale to whole periods (`λ = round(1 + s·(windlen − 1))`), which makes the likelihood a step
/// function of s with a zero gradient. The sampler therefore uses the unrounded λ = 1 + s·(windlen − 1)
/// (``smoothLambda(windowLength:scale:)``); at any s where Robyn's rounding is exact the weights are Robyn's.
public enum WeibullAdstock {
    /// The continuous scale in periods: `1 + s·(windowLength − 1)`, Robyn's `quantile(1:windlen, s)` before rounding.
    /// - Parameters:
    ///   - windowLength: Kernel length (Robyn: all rows).
    ///   - scale: Weibull scale s ∈ (0, 1].
    /// - Returns: λ in periods.
    @inlinable
    public static func smoothLambda<T: DualScalar>(windowLength: Int, scale: T) -> T {
        scale * Double(windowLength - 1) + 1
    }

    /// Robyn's rounded scale `round(1 + s·(windowLength − 1))`, half to even (for comparison with Robyn only).
    /// - Parameters:
    ///   - windowLength: Kernel length.
    ///   - scale: Weibull scale s.
    /// - Returns: Robyn's `scaleTrans`.
    public static func robynLambda(windowLength: Int, scale: Double) -> Double {
        (1 + scale * Double(windowLength - 1)).rounded(.toNearestOrEven)
    }

    /// CDF lag weights: `w[0] = 1`, `w[L] = exp(−Σ_{u=1..L} (u/λ)ᵏ)`.
    /// - Parameters:
    ///   - shape: Weibull shape k > 0.
    ///   - lambda: Scale λ > 0 in periods.
    ///   - count: Number of weights (Robyn: all rows).
    /// - Returns: The weights w[0..<count].
    @inlinable
    public static func cdfWeights<T: DualScalar>(shape: T, lambda: T, count: Int) -> [T] {
        guard count > 0 else { return [] }
        var weights = [T(1)]
        weights.reserveCapacity(count)
        let logLambda = T.log(lambda)
        var cumulative = T(0)
        for lag in 1..<count {
            // (u/λ)ᵏ = exp(k·(log u − log λ)); summing the hazard keeps the product exact in log space.
            cumulative = cumulative + T.exp(shape * (Foundation.log(Double(lag)) - logLambda))
            weights.append(T.exp(-cumulative))
        }
        return weights
    }

    /// PDF lag weights: the Weibull density at u = 1…count, min–max normalised so the largest weight is 1 and the
    /// smallest 0; `(1, 0, 0, …)` if the density is flat. Differentiable almost everywhere (the arg-min/arg-max
    /// lags are fixed locally).
    /// - Parameters:
    ///   - shape: Weibull shape k > 0.
    ///   - lambda: Scale λ > 0 in periods.
    ///   - count: Number of weights (Robyn: all rows).
    /// - Returns: The weights w[0..<count].
    @inlinable
    public static func pdfWeights<T: DualScalar>(shape: T, lambda: T, count: Int) -> [T] {
        guard count > 0 else { return [] }
        let logLambda = T.log(lambda)
        let logShape = T.log(shape)
        var density = [T]()
        density.reserveCapacity(count)
        var lowest = 0
        var highest = 0
        for index in 0..<count {
            // log f(u) = log k − log λ + (k − 1)(log u − log λ) − (u/λ)ᵏ.
            let logRatio = Foundation.log(Double(index + 1)) - logLambda
            let value = T.exp(logShape - logLambda + (shape - 1) * logRatio - T.exp(shape * logRatio))
            density.append(value)
            if value.value < density[lowest].value { lowest = index }
            if value.value > density[highest].value { highest = index }
        }
        let low = density[lowest]
        let range = density[highest] - low
        guard range.value > 0 else {
            return (0..<count).map { T($0 == 0 ? 1 : 0) }
        }
        return density.map { ($0 - low) / range }
    }

    /// The causal convolution `d[t] = Σ_{j ≤ t} x[j]·w[t − j]`.
    /// - Parameters:
    ///   - x: The raw series.
    ///   - weights: Lag weights, at least `x.count` of them.
    /// - Returns: The adstocked series.
    @inlinable
    public static func convolve<T: DualScalar>(_ x: [Double], weights: [T]) -> [T] {
        var out = [T]()
        out.reserveCapacity(x.count)
        for t in x.indices {
            var sum = T(0)
            for j in 0...t where x[j] != 0 {
                sum = sum + weights[t - j] * x[j]
            }
            out.append(sum)
        }
        return out
    }

    /// Adstocks a series with the smooth Weibull kernel of `x.count` lags (Robyn's windlen = all rows).
    /// - Parameters:
    ///   - x: The raw series (all rows).
    ///   - shape: Weibull shape k > 0.
    ///   - scale: Weibull scale s ∈ (0, 1].
    ///   - pdf: `true` for weibull_pdf, `false` for weibull_cdf.
    /// - Returns: The adstocked series.
    @inlinable
    public static func apply<T: DualScalar>(_ x: [Double], shape: T, scale: T, pdf: Bool) -> [T] {
        let lambda = smoothLambda(windowLength: x.count, scale: scale)
        let weights =
            pdf
            ? pdfWeights(shape: shape, lambda: lambda, count: x.count)
            : cdfWeights(shape: shape, lambda: lambda, count: x.count)
        return convolve(x, weights: weights)
    }
}
