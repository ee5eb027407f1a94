import Foundation

/// Lag weights (`thetaVecCum`) of Robyn's Weibull adstock, computed once per (shape, scale, windlen).
enum WeibullKernel {
    /// Robyn's rescaled scale: `round(quantile(1:windlen, scale))`, half to even.
    static func scaleTrans(windowLength: Int, scale: Double) -> Double {
        RCompat.round(RCompat.quantileOfSequence(count: windowLength, probability: scale))
    }

    /// Whether the parameters select Robyn's identity branch (`shape == 0 | scale == 0`).
    static func isIdentity(shape: Double, scale: Double) -> Bool {
        shape == 0 || scale == 0
    }

    /// Fills `weights[0..<windowLength]` and returns the effective kernel length (last non-zero weight + 1).
    ///
    /// Weights that are exactly zero contribute exactly nothing in R's row sums, so callers may stop the
    /// convolution at the returned length without changing any result.
    /// - Precondition: `weights.count >= windowLength`, and the parameters are not the identity branch.
    static func fill(
        _ weights: UnsafeMutableBufferPointer<Double>, windowLength: Int, shape: Double, scale: Double, pdf: Bool
    ) -> Int {
        let lambda = scaleTrans(windowLength: windowLength, scale: scale)
        return pdf
            ? fillPDF(weights, windowLength: windowLength, shape: shape, lambda: lambda)
            : fillCDF(weights, windowLength: windowLength, shape: shape, lambda: lambda)
    }

    /// `cumprod(c(1, 1 - pweibull(1:(windlen-1), shape, scaleTrans)))`, with R's `pweibull` = `-expm1(-(u/λ)^k)`.
    private static func fillCDF(
        _ w: UnsafeMutableBufferPointer<Double>, windowLength: Int, shape: Double, lambda: Double
    ) -> Int {
        guard windowLength > 0 else { return 0 }
        w[0] = 1
        var product = 1.0
        var effective = 1
        var lag = 1
        while lag < windowLength {
            let cdf = -expm1(-Foundation.pow(Double(lag) / lambda, shape))
            product *= (1 - cdf)
            w[lag] = product
            if product == 0 { break }
            effective = lag + 1
            lag += 1
        }
        // Once the running product is exactly 0 every later weight is exactly 0.
        while lag < windowLength {
            w[lag] = 0
            lag += 1
        }
        return effective
    }

    /// Min-max normalised `dweibull(1:windlen, shape, scaleTrans)`; `(1, 0, 0, …)` when the density is flat.
    private static func fillPDF(
        _ w: UnsafeMutableBufferPointer<Double>, windowLength: Int, shape: Double, lambda: Double
    ) -> Int {
        guard windowLength > 0 else { return 0 }
        // Past the mode the density only decreases, so once it underflows to 0 the rest is 0 as well.
        let mode = shape > 1 ? lambda * Foundation.pow((shape - 1) / shape, 1 / shape) : 0
        var computed = windowLength
        for index in 0..<windowLength {
            let u = Double(index + 1)
            let density = weibullDensity(u, shape: shape, lambda: lambda)
            w[index] = density
            if density == 0, u > mode + 1 {
                computed = index + 1
                break
            }
        }
        var lo = w[0]
        var hi = w[0]
        for index in 0..<computed {
            let value = w[index]
            if value < lo || value.isNaN { lo = value }
            if value > hi || value.isNaN { hi = value }
        }
        if computed < windowLength { lo = Swift.min(lo, 0) }
        let range = hi - lo
        if range == 0 {
            w[0] = 1
            for index in 1..<windowLength { w[index] = 0 }
            return 1
        }
        var effective = 0
        for index in 0..<windowLength {
            let value = index < computed ? (w[index] - lo) / range : (0 - lo) / range
            w[index] = value
            if value != 0 { effective = index + 1 }
        }
        return effective
    }

    /// R's `dweibull(x, shape, scale)` for x ≥ 1.
    @inline(__always)
    private static func weibullDensity(_ x: Double, shape: Double, lambda: Double) -> Double {
        let tmp1 = Foundation.pow(x / lambda, shape - 1)
        let tmp2 = tmp1 * (x / lambda)
        return shape * tmp1 * exp(-tmp2) / lambda
    }
}
