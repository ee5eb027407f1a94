import MMMCore

/// Everything `run_transformations` produces for one media or organic variable.
package struct MediaTransformationOutput: Sendable, Equatable {
    /// Adstocked series over all rows.
    package var adstocked: [Double]
    /// Immediate input over all rows (`x·w[0]` for weibull_pdf, raw x otherwise).
    package var immediate: [Double]
    /// Carryover input over all rows (`adstocked − immediate`).
    package var carryover: [Double]
    /// Hill of the adstocked window.
    package var saturatedTotal: [Double]
    /// Hill of the carryover window, with the same inflexion (NaN set to 0).
    package var saturatedCarryover: [Double]
    /// `saturatedTotal − saturatedCarryover` (NaN set to 0).
    package var saturatedImmediate: [Double]
    /// `γ · max(adstocked window)`.
    package var inflexion: Double
    /// `Σ adstocked / Σ x` over all rows.
    package var inflation: Double
    /// The lag weights (`thetaVecCum`).
    package var weights: [Double]
}

/// Robyn's `run_transformations` for a single variable.
package enum MediaTransformation {
    /// Adstocks over all rows, then saturates the window with `I = γ·max(adstocked window)`.
    /// - Parameters:
    ///   - x: The raw column over all rows of `dt_mod`.
    ///   - adstock: The model's adstock type.
    ///   - parameters: Adstock parameters matching `adstock`.
    ///   - alpha: Hill α.
    ///   - gamma: Hill γ.
    ///   - window: Window rows, 0-based and half-open (Robyn's `rollingWindowStartWhich − 1 ..< EndWhich`).
    /// - Returns: The transformed series and scalars.
    /// - Throws: `EngineError` for mismatched parameters or a window outside the data.
    package static func run(
        _ x: [Double], adstock: AdstockType, parameters: AdstockParameters, alpha: Double, gamma: Double,
        window: Range<Int>
    ) throws(EngineError) -> MediaTransformationOutput {
        guard parameters.matches(adstock) else { throw .mismatchedAdstockParameters(variable: "(series)", adstock: adstock) }
        guard !window.isEmpty, window.lowerBound >= 0, window.upperBound <= x.count else {
            throw EngineError(.invalidWindow, "Window \(window) is empty or outside the \(x.count) rows.")
        }
        let n = x.count
        let nW = window.count
        var weights = [Double](repeating: 0, count: Swift.max(n, 1))
        var adstocked = [Double](repeating: 0, count: n)
        var carryWindow = [Double](repeating: 0, count: nW)
        var satTotal = [Double](repeating: 0, count: nW)
        var satCarry = [Double](repeating: 0, count: nW)
        let rawSum = x.reduce(0, +)
        let scalars = x.withUnsafeBufferPointer { source in
            weights.withUnsafeMutableBufferPointer { w in
                adstocked.withUnsafeMutableBufferPointer { a in
                    carryWindow.withUnsafeMutableBufferPointer { c in
                        satTotal.withUnsafeMutableBufferPointer { st in
                            satCarry.withUnsafeMutableBufferPointer { sc in
                                let buffers = MediaTransformBuffers(
                                    weights: w, adstocked: a, carryover: c, saturatedTotal: st, saturatedCarryover: sc)
                                return MediaTransformKernel.run(
                                    x: source, rawSum: rawSum, adstock: adstock, parameters: parameters, alpha: alpha,
                                    gamma: gamma, window: window, buffers: buffers, cachedKernel: nil
                                ).0
                            }
                        }
                    }
                }
            }
        }
        let immediate = x.map { $0 * scalars.firstWeight }
        let satImmediate = zip(satTotal, satCarry).map { total, carry in
            let value = total - carry
            return value.isNaN ? 0 : value
        }
        return MediaTransformationOutput(
            adstocked: adstocked, immediate: immediate, carryover: zip(adstocked, immediate).map { $0 - $1 },
            saturatedTotal: satTotal, saturatedCarryover: satCarry, saturatedImmediate: satImmediate,
            inflexion: scalars.inflexion, inflation: scalars.inflation,
            weights: try Adstock.transform(x, type: adstock, parameters: parameters).weights)
    }
}
