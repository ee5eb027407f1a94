import MMMCore

/// Run-level model options that stay fixed for every candidate of a run.
package struct ModelSettings: Sendable, Hashable, Codable {
    /// The adstock family (Robyn's `adstock`).
    package var adstock: AdstockType
    /// Whether an intercept is fitted (`intercept`, default true).
    package var intercept: Bool
    /// Treatment of a negative intercept (`intercept_sign`, default non_negative).
    package var interceptSign: InterceptSign
    /// Whether DECOMP.RSSD carries the zero-effect penalty (`rssd_zero_penalty`, default true).
    package var rssdZeroPenalty: Bool
    /// Whether the objective NRMSE is the validation NRMSE (`ts_validation`, default false).
    package var tsValidation: Bool
    /// Revenue (ROI) or conversion (CPA) dependent variable.
    package var depVarType: DepVarType
    /// How the ridge problem is solved; `.robyn` (glmnet, thresh 1e-7) reproduces Robyn's coefficients.
    package var ridgeSolver: RidgeSolver

    /// Creates settings with Robyn's defaults for everything but the adstock.
    /// - Parameters:
    ///   - adstock: The adstock family.
    ///   - intercept: Fit an intercept.
    ///   - interceptSign: Negative-intercept rule.
    ///   - rssdZeroPenalty: Zero-effect penalty on DECOMP.RSSD.
    ///   - tsValidation: Use the validation NRMSE as objective.
    ///   - depVarType: Revenue or conversion.
    ///   - ridgeSolver: glmnet emulation (default) or the exact optimum.
    package init(
        adstock: AdstockType, intercept: Bool = true, interceptSign: InterceptSign = .nonNegative,
        rssdZeroPenalty: Bool = true, tsValidation: Bool = false, depVarType: DepVarType = .revenue,
        ridgeSolver: RidgeSolver = .robyn
    ) {
        self.adstock = adstock
        self.intercept = intercept
        self.interceptSign = interceptSign
        self.rssdZeroPenalty = rssdZeroPenalty
        self.tsValidation = tsValidation
        self.depVarType = depVarType
        self.ridgeSolver = ridgeSolver
    }
}
