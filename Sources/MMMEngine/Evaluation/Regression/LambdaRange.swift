import Foundation

/// Robyn's per-trial ridge penalty range, from the raw `dt_mod` over all rows (`lambda_seq`, §4.1).
package struct LambdaRange: Sendable, Equatable, Hashable, Codable {
    /// Robyn's `lambda_min_ratio`.
    package static let minRatio = 1e-4

    /// `max_j |Σ_i xs_ij·y_i| / (0.001·n)`: the first element of Robyn's 100-point sequence.
    package let sequenceMax: Double
    /// The last element of that sequence: `exp(log(sequenceMax·1e-4))`.
    package let sequenceMin: Double
    /// `0.1 · max(lambda_seq)`.
    package let lambdaMax: Double
    /// `lambdaMax · 1e-4`.
    package let lambdaMin: Double

    /// Computes the range from raw, untransformed columns and the dependent variable (all rows).
    /// - Parameters:
    ///   - columns: Every regressor column of `dt_mod` (ds and dep_var excluded), each of length n.
    ///   - dependent: The dependent variable over the same n rows (not centred, as in Robyn).
    package init(columns: [[Double]], dependent: [Double]) {
        let n = dependent.count
        var best = 0.0
        for column in columns {
            let mean = column.reduce(0, +) / Double(n)
            let sd = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
            // R's scale() gives 0/0 = NaN for constant columns; Robyn replaces those by zeros.
            guard sd > 0 else { continue }
            var dot = 0.0
            for (value, y) in zip(column, dependent) { dot += ((value - mean) / sd) * y }
            best = Swift.max(best, Swift.abs(dot))
        }
        self.init(sequenceMax: best / (0.001 * Double(n)))
    }

    /// Builds the range from a known `lambda_seq` maximum.
    /// - Parameter sequenceMax: `max_j |Σ xs_ij·y_i| / (0.001·n)`.
    package init(sequenceMax: Double) {
        self.sequenceMax = sequenceMax
        self.sequenceMin = exp(log(sequenceMax * LambdaRange.minRatio))
        // Robyn takes max(exp(seq(log(max), …))) = exp(log(max)), which can differ from max by an ulp.
        self.lambdaMax = exp(log(sequenceMax)) * 0.1
        self.lambdaMin = lambdaMax * LambdaRange.minRatio
    }

    /// The penalty for a normalised hyperparameter: `lambdaMin + (lambdaMax − lambdaMin)·hp`.
    /// - Parameter hyperparameter: `lambda_hp` in [0, 1].
    /// - Returns: The glmnet λ.
    package func lambda(forHyperparameter hyperparameter: Double) -> Double {
        lambdaMin + (lambdaMax - lambdaMin) * hyperparameter
    }
}
