/// Robyn's model-level error metrics for one candidate.
public struct CandidateMetrics: Sendable, Hashable {
    /// Adjusted R² on the training rows.
    public var rsqTrain: Double
    /// Adjusted R² on the validation rows (n = n_train quirk); `nil` without validation.
    public var rsqVal: Double?
    /// Adjusted R² on the test rows (n = n_train quirk); `nil` without validation.
    public var rsqTest: Double?
    /// NRMSE on the training rows.
    public var nrmseTrain: Double
    /// NRMSE on the validation rows; `nil` without validation.
    public var nrmseVal: Double?
    /// NRMSE on the test rows; `nil` without validation.
    public var nrmseTest: Double?
    /// The objective NRMSE: validation with `tsValidation`, else training (NaN if that split is absent).
    public var nrmse: Double
    /// DECOMP.RSSD as optimised (with the zero-effect penalty if enabled; Inf if all paid effects are 0).
    public var decompRSSD: Double
    /// DECOMP.RSSD without the zero-effect penalty.
    public var decompRSSDWithoutPenalty: Double
    /// Share of paid channels with `round(effect_share, 4) == 0`.
    public var shareZeroEffect: Double
    /// Calibration MAPE.LIFT: the mean over the lift studies of |predicted − measured| / measured; 0 without studies.
    public var mape: Double
}

/// One row of Robyn's `xDecompAgg` for a model (including "(Intercept)").
public struct VariableDecomposition: Sendable, Hashable {
    /// Variable name (`rn`).
    public var name: String
    /// Coefficient (the intercept value for "(Intercept)").
    public var coefficient: Double
    /// Σ over the window of coef × regressor.
    public var xDecompAgg: Double
    /// `xDecompAgg / Σ ŷ`.
    public var xDecompPerc: Double
    /// Mean of the non-zero contributions, 0 when none is positive (Robyn's quirk).
    public var xDecompMeanNon0: Double
    /// `xDecompMeanNon0 / Σ xDecompMeanNon0`.
    public var xDecompMeanNon0Perc: Double
    /// `xDecompAgg ≥ 0`.
    public var positive: Bool
}

/// Per-media (paid and organic) results: transformation scalars, response fields, spend and efficiency fields.
public struct MediaOutcome: Sendable, Hashable {
    /// The media name (selected name for paid media).
    public var name: String
    /// The spend column name for paid media; `nil` for organic.
    public var spendName: String?
    /// `γ · max(adstocked window)` (`<media>_inflexion`).
    public var inflexion: Double
    /// `Σ adstocked / Σ raw` over all rows (`<media>_inflation`).
    public var inflation: Double
    /// The coefficient.
    public var coefficient: Double
    /// Window mean of coef·Hill(adstocked) (= xDecompAgg / nW).
    public var meanResponse: Double
    /// Window mean of the adstocked input.
    public var meanSpendAdstocked: Double
    /// Window mean of the carryover input (c̄ for the allocator).
    public var meanCarryover: Double
    /// Σ_W coef·sat_carry / Σ_W coef·sat_total.
    public var carryoverPct: Double
    /// Σ_W coef·sat_total.
    public var responseTotalSum: Double
    /// Σ_W coef·sat_carry.
    public var responseCarryoverSum: Double
    /// Σ_W coef·sat_immediate.
    public var responseImmediateSum: Double
    /// Window total of the raw spend (paid only).
    public var totalSpend: Double?
    /// Window mean of the raw spend including zero periods (paid only).
    public var meanSpend: Double?
    /// Spend share among paid media (paid only).
    public var spendShare: Double?
    /// Effect share among paid media (paid only).
    public var effectShare: Double?
    /// `xDecompAgg / total_spend` (paid only).
    public var roiTotal: Double?
    /// `mean_response / mean_spend` (paid only).
    public var roiMean: Double?
    /// `total_spend / xDecompAgg` (paid only).
    public var cpaTotal: Double?
    /// `mean_spend / mean_response` (paid only).
    public var cpaMean: Double?
}

/// Everything Robyn's `robyn_mmm` records for one candidate model.
public struct CandidateResult: Sendable, Hashable {
    /// The hyperparameters evaluated.
    public var hyperparameters: CandidateHyperparameters
    /// glmnet's λ actually used.
    public var lambda: Double
    /// The normalised `lambda_hp`, `nil` if λ was given fixed.
    public var lambdaHP: Double?
    /// The trial's `lambda_max`.
    public var lambdaMax: Double
    /// Robyn's `lambda_min_ratio` (1e-4).
    public var lambdaMinRatio: Double
    /// The train/validation/test split of the window.
    package var split: TimeSeriesSplit
    /// Regressor names in coefficient order.
    public var regressorNames: [String]
    /// The intercept (0 if dropped or not fitted).
    public var intercept: Double
    /// Coefficients in `regressorNames` order.
    public var coefficients: [Double]
    /// `df.int`: 1 with intercept, 0 without.
    public var dfInt: Int
    /// Whether the non-negative intercept rule dropped the intercept.
    public var interceptDropped: Bool
    /// Lower limits used for each coefficient (after the trend flip rule).
    public var lowerLimits: [Double]
    /// Upper limits used for each coefficient.
    public var upperLimits: [Double]
    /// Error metrics.
    public var metrics: CandidateMetrics
    /// `xDecompAgg` rows: "(Intercept)" first, then every regressor.
    public var decomposition: [VariableDecomposition]
    /// Robyn's model-level `pos`: every xDecompAgg ≥ 0.
    public var allPositive: Bool
    /// Robyn's `coef0`: some paid media coefficient is exactly 0.
    public var hasZeroPaidCoefficient: Bool
    /// Per-media results in `mediaNames` order.
    public var media: [MediaOutcome]
    /// Predictions for every window row (train, validation, test).
    public var yPred: [Double]

    /// The coefficient of a regressor, or the intercept for "(Intercept)".
    /// - Parameter name: Regressor name.
    /// - Returns: The coefficient, or `nil` for an unknown name.
    public func coefficient(named name: String) -> Double? {
        if name == "(Intercept)" { return intercept }
        return regressorNames.firstIndex(of: name).map { coefficients[$0] }
    }
}

extension CandidateResult {
    /// The allocator response curve of a media variable: its coefficient, α, stored inflexion and c̄.
    /// - Parameter media: A media name from `media`.
    /// - Returns: The curve, or `nil` for an unknown name.
    package func responseCurve(forMedia media: String) -> ResponseCurve? {
        guard let slot = self.media.firstIndex(where: { $0.name == media }),
            hyperparameters.media.indices.contains(slot)
        else { return nil }
        let outcome = self.media[slot]
        return ResponseCurve(
            coefficient: outcome.coefficient, alpha: hyperparameters.media[slot].alpha, inflexion: outcome.inflexion,
            carryoverMean: outcome.meanCarryover)
    }
}
