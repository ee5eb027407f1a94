/// How a negative fitted intercept is treated (`intercept_sign`).
package enum InterceptSign: String, Sendable, Codable, Hashable, CaseIterable {
    /// Refit once without an intercept if it comes out negative (Robyn's default).
    case nonNegative = "non_negative"
    /// Keep whatever intercept the fit gives.
    case unconstrained
}

/// The result of a ridge fit on original-scale data.
package struct RidgeFit: Sendable, Equatable {
    /// The intercept (0 when fitted without one).
    package var intercept: Double
    /// One coefficient per column, in column order (0 for columns constant over the fitted rows).
    package var coefficients: [Double]
    /// `df.int`: 1 with an intercept, 0 without.
    package var dfInt: Int
    /// Whether the non-negative intercept rule forced a refit without intercept.
    package var interceptDropped: Bool
}

/// glmnet's gaussian ridge (`alpha = 0`, `standardize = TRUE`) solved to machine precision, and Robyn's use of it.
package enum GlmnetRidge {
    /// One glmnet call with a single λ, box limits and penalty factors.
    /// - Parameters:
    ///   - columns: Regressor columns, each with the same length as `y`.
    ///   - y: The response.
    ///   - lambda: glmnet's λ (already scaled; see `LambdaRange`).
    ///   - lowerLimits: Per-column lower limits (`-.infinity` for none); each must be ≤ 0.
    ///   - upperLimits: Per-column upper limits (`.infinity` for none); each must be ≥ 0.
    ///   - penaltyFactor: Per-column penalty factors (rescaled to sum to the column count), `nil` for all 1.
    ///   - intercept: Whether to fit an intercept.
    ///   - solver: glmnet's coordinate descent (default, Robyn's numbers) or the exact optimum.
    /// - Returns: The fit.
    /// - Throws: `EngineError` for inconsistent lengths or a constant response.
    package static func fit(
        columns: [[Double]], y: [Double], lambda: Double, lowerLimits: [Double], upperLimits: [Double],
        penaltyFactor: [Double]? = nil, intercept: Bool = true, solver: RidgeSolver = .robyn
    ) throws(EngineError) -> RidgeFit {
        let p = columns.count
        guard lowerLimits.count == p, upperLimits.count == p, penaltyFactor.map({ $0.count == p }) ?? true,
            columns.allSatisfy({ $0.count == y.count })
        else {
            throw EngineError(.lengthMismatch, "Ridge inputs disagree: \(p) columns, \(y.count) rows, limits and factors must match.")
        }
        let n = y.count
        let matrix = columns.flatMap { $0 }
        let scratch = RidgeScratch(columns: p, rows: n)
        defer { scratch.deallocate() }
        var coefficients = [Double](repeating: 0, count: p)
        let factors = penaltyFactor ?? [Double](repeating: 1, count: p)
        let interceptValue = try matrix.withUnsafeBufferPointer { (x) throws(EngineError) -> Double in
            try y.withUnsafeBufferPointer { (yy) throws(EngineError) -> Double in
                try lowerLimits.withUnsafeBufferPointer { (lo) throws(EngineError) -> Double in
                    try upperLimits.withUnsafeBufferPointer { (hi) throws(EngineError) -> Double in
                        try factors.withUnsafeBufferPointer { (pf) throws(EngineError) -> Double in
                            try coefficients.withUnsafeMutableBufferPointer { (out) throws(EngineError) -> Double in
                                let problem = RidgeCore.Problem(
                                    x: x, leadingDimension: n, columns: p, rows: n, y: yy, lambda: lambda,
                                    lower: lo, upper: hi, penaltyFactor: pf, intercept: intercept, solver: solver)
                                return try RidgeCore.fit(problem, scratch: scratch, coefficients: out)
                            }
                        }
                    }
                }
            }
        }
        return RidgeFit(
            intercept: interceptValue, coefficients: coefficients, dfInt: intercept ? 1 : 0, interceptDropped: false)
    }

    /// Robyn's `model_refit` fit: glmnet with an intercept, refit once without it if it is negative.
    /// - Parameters:
    ///   - columns: Training columns.
    ///   - y: Training response.
    ///   - lambda: glmnet's λ.
    ///   - lowerLimits: Per-column lower limits.
    ///   - upperLimits: Per-column upper limits.
    ///   - penaltyFactor: Per-column penalty factors, `nil` for all 1.
    ///   - intercept: Robyn's `intercept` setting.
    ///   - interceptSign: Robyn's `intercept_sign` setting.
    ///   - solver: glmnet's coordinate descent (default) or the exact optimum.
    /// - Returns: The final fit, with `dfInt` 0 if the intercept was dropped.
    /// - Throws: `EngineError` for inconsistent inputs or a constant response.
    package static func fitRobyn(
        columns: [[Double]], y: [Double], lambda: Double, lowerLimits: [Double], upperLimits: [Double],
        penaltyFactor: [Double]? = nil, intercept: Bool = true, interceptSign: InterceptSign = .nonNegative,
        solver: RidgeSolver = .robyn
    ) throws(EngineError) -> RidgeFit {
        let first = try fit(
            columns: columns, y: y, lambda: lambda, lowerLimits: lowerLimits, upperLimits: upperLimits,
            penaltyFactor: penaltyFactor, intercept: intercept, solver: solver)
        guard intercept, interceptSign == .nonNegative, first.intercept < 0 else { return first }
        var refit = try fit(
            columns: columns, y: y, lambda: lambda, lowerLimits: lowerLimits, upperLimits: upperLimits,
            penaltyFactor: penaltyFactor, intercept: false, solver: solver)
        refit.interceptDropped = true
        return refit
    }
}
