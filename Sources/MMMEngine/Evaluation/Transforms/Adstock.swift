import MMMCore

/// Per-variable adstock parameters: `theta` for geometric, `shape`/`scale` for either Weibull variant.
package enum AdstockParameters: Sendable, Hashable, Codable {
    /// Geometric decay rate θ ∈ [0, 1).
    case geometric(theta: Double)
    /// Weibull shape k ∈ [0, 20) and scale s ∈ [0, 1] (CDF or PDF is decided by the model's `AdstockType`).
    case weibull(shape: Double, scale: Double)

    /// Whether these parameters fit the given adstock type.
    /// - Parameter type: The model's adstock type.
    /// - Returns: `true` for geometric/θ and Weibull/(k, s) pairings.
    package func matches(_ type: AdstockType) -> Bool {
        switch (self, type) {
        case (.geometric, .geometric), (.weibull, .weibullCDF), (.weibull, .weibullPDF): return true
        default: return false
        }
    }
}

/// The outcome of adstocking one series, with the immediate/carryover split `run_transformations` uses.
package struct AdstockOutput: Sendable, Equatable {
    /// The adstocked series (`x_decayed`).
    package var decayed: [Double]
    /// Robyn's `x_imme`: `x·w[0]` for Weibull, `x` for geometric and the Weibull identity branch.
    package var directImmediate: [Double]
    /// The immediate part used by `run_transformations`: `x_imme` for weibull_pdf, the raw x otherwise.
    package var immediate: [Double]
    /// `decayed − immediate`.
    package var carryover: [Double]
    /// `thetaVecCum`: θ, θ², … for geometric (starting at θ), the lag weights for Weibull.
    package var weights: [Double]
    /// `Σ decayed / Σ x` (NaN when Σ x = 0, as in R).
    package var inflationTotal: Double
    /// Weibull `scaleTrans` (`round(quantile(1:windlen, scale))`); `nil` for geometric.
    package var scaleTrans: Double?
}

/// Robyn's adstock transformations (`adstock_geometric`, `adstock_weibull`, `transform_adstock`).
package enum Adstock {
    /// Adstocks a series as `transform_adstock` does, with windlen = the series length.
    /// - Parameters:
    ///   - x: The raw series (all rows of `dt_mod`).
    ///   - type: The adstock type.
    ///   - parameters: Parameters matching `type`.
    /// - Returns: The adstocked series and its immediate/carryover split.
    /// - Throws: `EngineError` if the parameters do not match the type.
    package static func transform(
        _ x: [Double], type: AdstockType, parameters: AdstockParameters
    ) throws(EngineError) -> AdstockOutput {
        switch (type, parameters) {
        case (.geometric, .geometric(let theta)):
            return geometric(x, theta: theta)
        case (.weibullCDF, .weibull(let shape, let scale)):
            return weibull(x, shape: shape, scale: scale, pdf: false)
        case (.weibullPDF, .weibull(let shape, let scale)):
            return weibull(x, shape: shape, scale: scale, pdf: true)
        default:
            throw .mismatchedAdstockParameters(variable: "(series)", adstock: type)
        }
    }

    /// Weibull's rescaled scale `round(quantile(1:windowLength, scale))`, rounding an exact half to even.
    /// - Parameters:
    ///   - windowLength: Kernel length (Robyn: all rows of `dt_mod`).
    ///   - scale: Weibull scale s in [0, 1].
    /// - Returns: `scaleTrans`, the Weibull λ Robyn uses.
    package static func weibullScaleTrans(windowLength: Int, scale: Double) -> Double {
        WeibullKernel.scaleTrans(windowLength: windowLength, scale: scale)
    }

    /// Geometric adstock: `d[t] = x[t] + θ·d[t−1]`.
    /// - Parameters:
    ///   - x: The raw series.
    ///   - theta: The decay rate.
    /// - Returns: The adstocked series; a length-1 input is returned unchanged.
    package static func geometric(_ x: [Double], theta: Double) -> AdstockOutput {
        var decayed = x
        if x.count > 1 {
            x.withUnsafeBufferPointer { source in
                decayed.withUnsafeMutableBufferPointer { AdstockKernels.geometric(source, theta: theta, into: $0) }
            }
        }
        var weights = [Double](repeating: theta, count: Swift.max(x.count, 1))
        for t in weights.indices.dropFirst() { weights[t] = weights[t - 1] * theta }
        let carryover = zip(decayed, x).map { $0 - $1 }
        return AdstockOutput(
            decayed: decayed, directImmediate: x, immediate: x, carryover: carryover, weights: weights,
            inflationTotal: decayed.reduce(0, +) / x.reduce(0, +), scaleTrans: nil)
    }

    /// Weibull adstock (CDF or PDF) with a lag kernel of `windowLength` weights.
    /// - Parameters:
    ///   - x: The raw series.
    ///   - shape: Weibull shape k.
    ///   - scale: Weibull scale s in [0, 1], rescaled to `round(quantile(1:windlen, s))`.
    ///   - pdf: `true` for weibull_pdf, `false` for weibull_cdf.
    ///   - windowLength: Kernel length; Robyn uses the series length (all rows). Must be ≥ `x.count`.
    /// - Returns: The adstocked series and its split; `x` unchanged when `shape == 0` or `scale == 0`.
    package static func weibull(
        _ x: [Double], shape: Double, scale: Double, pdf: Bool, windowLength: Int? = nil
    ) -> AdstockOutput {
        let windlen = Swift.max(windowLength ?? x.count, x.count)
        let scaleTrans = WeibullKernel.scaleTrans(windowLength: windlen, scale: scale)
        let inflation = { (d: [Double]) in d.reduce(0, +) / x.reduce(0, +) }
        if x.count <= 1 || WeibullKernel.isIdentity(shape: shape, scale: scale) {
            let weights = [Double](repeating: x.count <= 1 ? 1 : 0, count: x.count <= 1 ? 1 : windlen)
            return AdstockOutput(
                decayed: x, directImmediate: x, immediate: x, carryover: [Double](repeating: 0, count: x.count),
                weights: weights, inflationTotal: inflation(x), scaleTrans: x.count <= 1 ? nil : scaleTrans)
        }
        var weights = [Double](repeating: 0, count: windlen)
        let effective = weights.withUnsafeMutableBufferPointer {
            WeibullKernel.fill($0, windowLength: windlen, shape: shape, scale: scale, pdf: pdf)
        }
        var decayed = [Double](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { source in
            weights.withUnsafeBufferPointer { kernel in
                decayed.withUnsafeMutableBufferPointer {
                    AdstockKernels.convolve(source, weights: kernel, effectiveLength: effective, into: $0)
                }
            }
        }
        let direct = x.map { $0 * weights[0] }
        let immediate = pdf ? direct : x
        return AdstockOutput(
            decayed: decayed, directImmediate: direct, immediate: immediate,
            carryover: zip(decayed, immediate).map { $0 - $1 }, weights: weights,
            inflationTotal: inflation(decayed), scaleTrans: scaleTrans)
    }
}
