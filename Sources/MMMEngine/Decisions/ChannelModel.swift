import MMMCore

/// One media variable of a model file with its history adstocked once: the curve over any date range, the
/// decomposed response over it, and Robyn's simulation of a different spend level (robyn-semantics §6.2).
package struct ChannelModel: Sendable {
    /// The model-file entry.
    package let entry: ModelFileMedia
    /// The adstock family.
    package let adstock: AdstockType
    /// The adstock parameters.
    package let parameters: AdstockParameters
    /// The adstocked history over all rows.
    package let adstocked: [Double]
    /// The immediate input over all rows (`x·w[0]` for weibull_pdf, the raw x otherwise).
    package let immediate: [Double]
    /// The carryover input over all rows (`adstocked − immediate`).
    package let carryover: [Double]

    /// Adstocks the entry's history.
    /// - Parameters:
    ///   - entry: the model-file entry (validated).
    ///   - adstock: the model's adstock family.
    /// - Throws: ``EngineError`` when the parameters do not fit the family.
    package init(_ entry: ModelFileMedia, adstock: AdstockType) throws(EngineError) {
        let parameters: AdstockParameters
        switch (adstock, entry.theta, entry.shape, entry.scale) {
        case (.geometric, let theta?, nil, nil): parameters = .geometric(theta: theta)
        case (.weibullCDF, nil, let shape?, let scale?), (.weibullPDF, nil, let shape?, let scale?):
            parameters = .weibull(shape: shape, scale: scale)
        default: throw .mismatchedAdstockParameters(variable: entry.name, adstock: adstock)
        }
        let output = try Adstock.transform(entry.values, type: adstock, parameters: parameters)
        self.entry = entry
        self.adstock = adstock
        self.parameters = parameters
        adstocked = output.decayed
        immediate = output.immediate
        carryover = output.carryover
    }

    /// The modelled name.
    package var name: String { entry.name }

    /// Mean of the history's modelled values over rows (spend-equivalent units for paid media).
    package func meanValue(rows: Range<Int>) -> Double { Self.mean(entry.values[rows]) }

    /// Mean carryover input over rows (the curve's c̄).
    package func meanCarryover(rows: Range<Int>) -> Double { Self.mean(carryover[rows]) }

    /// The curve `coef / (1 + (I / (x + c̄))^α)` with c̄ the mean carryover over `rows` (Robyn's allocator and
    /// `robyn_response` with that date range).
    package func curve(rows: Range<Int>) -> ResponseCurve {
        ResponseCurve(
            coefficient: entry.coefficient, alpha: entry.alpha, inflexion: entry.inflexion,
            carryoverMean: meanCarryover(rows: rows))
    }

    /// Mean decomposed response `coef·Hill(adstocked)` over rows, with the stored inflexion.
    package func historicalResponse(rows: Range<Int>) -> Double {
        let saturated = HillSaturation.saturate(Array(adstocked[rows]), alpha: entry.alpha, inflexion: entry.inflexion)
        return Self.mean(saturated.map { entry.coefficient * $0 })
    }

    /// Robyn's simulation: every row of `rows` set to `spend`, the whole history re-adstocked, and the curve read at
    /// the new mean immediate input and mean carryover (so the spend's own carryover counts).
    /// - Parameters:
    ///   - spend: spend per period in the model's units.
    ///   - rows: the rows replaced (a date range inside the window).
    /// - Returns: the mean immediate input, the mean carryover and the response per period.
    package func simulate(spend: Double, rows: Range<Int>) -> (immediate: Double, carryover: Double, response: Double) {
        var values = entry.values
        for row in rows { values[row] = spend }
        // The parameters were checked against the family in init, so the transform cannot fail here.
        guard let output = try? Adstock.transform(values, type: adstock, parameters: parameters) else {
            return (.nan, .nan, .nan)
        }
        let meanImmediate = Self.mean(output.immediate[rows])
        let meanCarry = Self.mean(output.carryover[rows])
        let curve = ResponseCurve(
            coefficient: entry.coefficient, alpha: entry.alpha, inflexion: entry.inflexion, carryoverMean: meanCarry)
        return (meanImmediate, meanCarry, curve.response(at: meanImmediate))
    }

    static func mean(_ values: ArraySlice<Double>) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    static func mean(_ values: [Double]) -> Double { mean(values[...]) }
}
