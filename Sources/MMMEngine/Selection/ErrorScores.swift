/// Robyn's `errors_scores` (§5.7): distance to the origin of the min-max normalised, weighted errors.
package enum ErrorScores {
    /// Computes `error_score` for every model.
    ///
    /// Steps, as in R: ±Inf is replaced by `max(is.finite(x))`, i.e. by 1 (quirk); each error is min-max
    /// normalised over the finite values (a single value is returned unnormalised; a constant column becomes
    /// 0/0 = NaN, later set to 0); weights are divided by their sum; the score is `sqrt(Σ (w_k·e_k)²)`.
    /// NaN inputs are treated like R's NA after normalisation, i.e. as 0.
    /// - Parameters:
    ///   - nrmse: `nrmse_test` with ts_validation, otherwise `nrmse_train`.
    ///   - decompRSSD: DECOMP.RSSD of each model.
    ///   - mape: Calibration MAPE of each model (0 without calibration).
    ///   - balance: Weights of the three errors (default 1, 1, 1).
    /// - Returns: One score per model.
    package static func compute(
        nrmse: [Double], decompRSSD: [Double], mape: [Double], balance: [Double] = [1, 1, 1]
    ) -> [Double] {
        let weightTotal = balance.prefix(3).reduce(0, +)
        let weights = balance.prefix(3).map { $0 / weightTotal }
        let normalised = [nrmse, decompRSSD, mape].map { normalise(replacingInfinity($0)) }
        let count = Swift.min(nrmse.count, decompRSSD.count, mape.count)
        return (0..<count).map { row in
            var squares = 0.0
            for k in 0..<Swift.min(3, weights.count) {
                var value = normalised[k][row]
                if value.isNaN { value = 0 }
                let weighted = weights[k] * value
                squares += weighted * weighted
            }
            return squares.squareRoot()
        }
    }

    /// `ifelse(is.infinite(x), max(is.finite(x)), x)`: Inf becomes TRUE coerced to 1 when any value is finite.
    private static func replacingInfinity(_ values: [Double]) -> [Double] {
        let anyFinite: Double = values.contains { $0.isFinite } ? 1 : 0
        return values.map { $0.isInfinite ? anyFinite : $0 }
    }

    /// `.min_max_norm`: over the finite values; a lone value is returned as is.
    private static func normalise(_ values: [Double]) -> [Double] {
        let finite = values.filter { $0.isFinite }
        if finite.count == 1 { return values }
        guard let lo = finite.min(), let hi = finite.max() else { return values }
        return values.map { ($0 - lo) / (hi - lo) }
    }
}
