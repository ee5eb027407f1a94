/// One named per-row series over the modelling window.
package struct WindowSeries: Sendable, Hashable {
    /// Variable name ("(Intercept)" for the intercept).
    package var name: String
    /// One value per window row.
    package var values: [Double]
}

/// Per-row transformation and decomposition series of one media or organic variable.
package struct MediaSeries: Sendable, Hashable {
    /// The media name.
    package var name: String
    /// Lag weights (`thetaVecCum`), n long: θ, θ², … for geometric; the Weibull kernel; zeros for the identity.
    package var weights: [Double]
    /// Adstocked input over all n rows.
    package var adstocked: [Double]
    /// Immediate input over all n rows (x·w[0] for weibull_pdf, the raw x otherwise).
    package var immediate: [Double]
    /// Carryover input over all n rows.
    package var carryover: [Double]
    /// Hill of the adstocked window.
    package var saturatedTotal: [Double]
    /// Hill of the carryover window with the same inflexion (NaN set to 0).
    package var saturatedCarryover: [Double]
    /// `saturatedTotal − saturatedCarryover` (NaN set to 0).
    package var saturatedImmediate: [Double]
    /// `coef × saturatedImmediate` per window row.
    package var immediateDecomposition: [Double]
    /// `coef × saturatedCarryover` per window row.
    package var carryoverDecomposition: [Double]
}

/// A candidate's result plus the per-row series output writers need (`xDecompVec`, media transform matrices).
package struct CandidateDetails: Sendable, Hashable {
    /// The model-level result.
    package var result: CandidateResult
    /// The window's rows in `dt_mod` (0-based, half-open).
    package var windowRows: Range<Int>
    /// Observed dependent variable over the window.
    package var actual: [Double]
    /// Per-row contributions: "(Intercept)" first, then every regressor (coef × model column).
    package var decomposition: [WindowSeries]
    /// Row sums of `decomposition` (Robyn's `depVarHat`).
    package var fitted: [Double]
    /// Per-media series in `mediaNames` order.
    package var media: [MediaSeries]
    /// The lift studies' outcomes (empty without calibration).
    package var lift: [LiftOutcome] = []
}

extension CandidateEvaluator {
    /// Evaluates a candidate and also returns its per-row series (for Pareto models and output files).
    /// - Parameters:
    ///   - hyperparameters: The candidate.
    ///   - workspace: A workspace created for this evaluator.
    /// - Returns: The result and its per-row decomposition and media series.
    /// - Throws: The same errors as `evaluate(_:in:)`.
    package func evaluateWithDetails(
        _ hyperparameters: CandidateHyperparameters, in workspace: EvaluationWorkspace
    ) throws(EngineError) -> CandidateDetails {
        let result = try evaluate(hyperparameters, in: workspace)
        let ws = workspace
        var series = [WindowSeries(name: "(Intercept)", values: Array(repeating: result.intercept, count: windowLength))]
        var fitted = series[0].values
        for j in 0..<columnCount {
            let b = result.coefficients[j]
            let values = Array(ws.block(ws.x, j, windowLength)).map { b * $0 }
            for t in 0..<windowLength { fitted[t] += values[t] }
            series.append(WindowSeries(name: regressorNames[j], values: values))
        }
        let media = (0..<mediaCount).map { slot in
            mediaSeries(slot: slot, hyperparameters: hyperparameters.media[slot], coefficients: result.coefficients, ws)
        }
        return CandidateDetails(
            result: result, windowRows: design.window, actual: yWindow, decomposition: series, fitted: fitted,
            media: media, lift: liftOutcomes(hyperparameters, coefficients: result.coefficients, ws))
    }

    private func mediaSeries(
        slot: Int, hyperparameters: MediaHyperparameters, coefficients: [Double], _ ws: EvaluationWorkspace
    ) -> MediaSeries {
        let b = coefficients[mediaColumns[slot]]
        let raw = design.regressors[mediaColumns[slot]].values
        let firstWeight = ws.mediaScalars[slot].firstWeight
        let adstocked = Array(ws.block(ws.adstocked, slot, rowCount))
        let immediate = raw.map { $0 * firstWeight }
        let total = Array(ws.block(ws.x, mediaColumns[slot], windowLength))
        let carry = Array(ws.block(ws.saturatedCarryover, slot, windowLength))
        let immediateSaturated = zip(total, carry).map { pair in
            let value = pair.0 - pair.1
            return value.isNaN ? 0 : value
        }
        let weights: [Double]
        switch hyperparameters.adstock {
        case .geometric(let theta):
            weights = Adstock.geometric(Array(repeating: 0, count: Swift.max(rowCount, 1)), theta: theta).weights
        case .weibull(let shape, let scale):
            weights =
                rowCount <= 1 || shape == 0 || scale == 0
                ? Array(repeating: 0, count: rowCount) : Array(ws.block(ws.weights, slot, rowCount))
        }
        return MediaSeries(
            name: mediaNames[slot], weights: weights, adstocked: adstocked, immediate: immediate,
            carryover: zip(adstocked, immediate).map { $0 - $1 }, saturatedTotal: total, saturatedCarryover: carry,
            saturatedImmediate: immediateSaturated, immediateDecomposition: immediateSaturated.map { b * $0 },
            carryoverDecomposition: carry.map { b * $0 })
    }
}
