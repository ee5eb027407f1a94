import MMMCore

/// Scalars produced by transforming one media variable.
struct MediaTransformScalars {
    var inflexion: Double
    var inflation: Double
    /// Weight of lag 0 (`w[0]`); the weibull_pdf immediate part is `x·w[0]`.
    var firstWeight: Double
}

/// Buffers one media transformation writes into (all owned by the caller).
struct MediaTransformBuffers {
    /// Kernel weights, at least n long.
    var weights: UnsafeMutableBufferPointer<Double>
    /// Adstocked series over all n rows.
    var adstocked: UnsafeMutableBufferPointer<Double>
    /// Carryover input over the window (nW).
    var carryover: UnsafeMutableBufferPointer<Double>
    /// Saturated total over the window (nW).
    var saturatedTotal: UnsafeMutableBufferPointer<Double>
    /// Saturated carryover over the window (nW).
    var saturatedCarryover: UnsafeMutableBufferPointer<Double>
}

/// `run_transformations` for one variable: adstock over all rows, Hill on the window with I = γ·max(window).
enum MediaTransformKernel {
    /// Transforms one variable into the given buffers.
    /// - Parameters:
    ///   - x: The raw column over all n rows.
    ///   - rawSum: `Σ x` over all rows (for `inflation_total`).
    ///   - adstock: The model's adstock type.
    ///   - parameters: Adstock parameters (must match `adstock`).
    ///   - alpha: Hill α.
    ///   - gamma: Hill γ.
    ///   - window: Window rows (0-based, half-open).
    ///   - buffers: Output buffers.
    ///   - cachedKernel: Effective kernel length if `buffers.weights` already holds this kernel, else `nil`.
    /// - Returns: Inflexion, inflation and the first kernel weight, plus the effective kernel length.
    static func run(
        x: UnsafeBufferPointer<Double>, rawSum: Double, adstock: AdstockType, parameters: AdstockParameters,
        alpha: Double, gamma: Double, window: Range<Int>, buffers: MediaTransformBuffers, cachedKernel: Int?
    ) -> (MediaTransformScalars, kernelLength: Int) {
        let n = x.count
        let adstocked = buffers.adstocked
        var firstWeight = 1.0
        var kernelLength = 0
        switch parameters {
        case .geometric(let theta):
            if n > 1 {
                AdstockKernels.geometric(x, theta: theta, into: adstocked)
            } else {
                for t in 0..<n { adstocked[t] = x[t] }
            }
        case .weibull(let shape, let scale):
            if n <= 1 || WeibullKernel.isIdentity(shape: shape, scale: scale) {
                for t in 0..<n { adstocked[t] = x[t] }
            } else {
                kernelLength =
                    cachedKernel
                    ?? WeibullKernel.fill(
                        buffers.weights, windowLength: n, shape: shape, scale: scale, pdf: adstock == .weibullPDF)
                AdstockKernels.convolve(
                    x, weights: UnsafeBufferPointer(buffers.weights), effectiveLength: kernelLength, into: adstocked)
                if adstock == .weibullPDF { firstWeight = buffers.weights[0] }
            }
        }
        let inflation = AdstockKernels.sum(UnsafeBufferPointer(adstocked)) / rawSum
        let windowAdstocked = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(adstocked)[window])
        let inflexion = HillSaturation.inflexion(of: windowAdstocked, gamma: gamma)
        let inflexionPower = RCompat.pow(inflexion, alpha)
        let start = window.lowerBound
        for k in 0..<window.count {
            let total = adstocked[start + k]
            let carry = total - x[start + k] * firstWeight
            buffers.carryover[k] = carry
            buffers.saturatedTotal[k] = HillSaturation.value(of: total, alpha: alpha, inflexionPower: inflexionPower)
            let satCarry = HillSaturation.value(of: carry, alpha: alpha, inflexionPower: inflexionPower)
            // Robyn sets NaN in the immediate/carryover tables to 0.
            buffers.saturatedCarryover[k] = satCarry.isNaN ? 0 : satCarry
        }
        let scalars = MediaTransformScalars(inflexion: inflexion, inflation: inflation, firstWeight: firstWeight)
        return (scalars, kernelLength)
    }
}
