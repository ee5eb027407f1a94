/// Robyn's error metrics (`model_refit`, `get_rsq`).
package enum FitMetrics {
    /// NRMSE of one split: `sqrt(mean((y − ŷ)²)) / (max(y) − min(y))`, the range taken from the actuals.
    ///
    /// A single row or a constant y gives 0/0 = NaN or x/0 = Inf, as in R. An empty split gives NaN.
    /// - Parameters:
    ///   - actual: Observed values of the split.
    ///   - predicted: Predictions for the same rows.
    /// - Returns: The normalised RMSE.
    package static func nrmse(actual: [Double], predicted: [Double]) -> Double {
        actual.withUnsafeBufferPointer { a in
            predicted.withUnsafeBufferPointer { p in nrmse(a, p, 0..<Swift.min(a.count, p.count)) }
        }
    }

    /// Adjusted R² as `get_rsq` computes it.
    ///
    /// `adj = 1 − (1 − r²)·(n − df.int)/(n − p − 1)` where n is `trainCount` if given (Robyn passes n_train for
    /// the validation and test R²), otherwise the number of rows.
    /// - Parameters:
    ///   - actual: Observed values.
    ///   - predicted: Predictions.
    ///   - parameterCount: p = number of columns of x (every column, including constant ones).
    ///   - dfInt: 1 with an intercept, 0 without.
    ///   - trainCount: n_train for out-of-sample splits, `nil` for the training split itself.
    /// - Returns: The adjusted R².
    package static func adjustedRSquared(
        actual: [Double], predicted: [Double], parameterCount: Int, dfInt: Int, trainCount: Int? = nil
    ) -> Double {
        actual.withUnsafeBufferPointer { a in
            predicted.withUnsafeBufferPointer { p in
                adjustedRSquared(
                    a, p, 0..<Swift.min(a.count, p.count), parameterCount: parameterCount, dfInt: dfInt,
                    trainCount: trainCount ?? Swift.min(a.count, p.count))
            }
        }
    }

    /// Unadjusted `1 − SSE/SST`, with SST around the split's own mean.
    /// - Parameters:
    ///   - actual: Observed values.
    ///   - predicted: Predictions.
    /// - Returns: The raw R².
    package static func rSquared(actual: [Double], predicted: [Double]) -> Double {
        actual.withUnsafeBufferPointer { a in
            predicted.withUnsafeBufferPointer { p in rSquared(a, p, 0..<Swift.min(a.count, p.count)) }
        }
    }

    @inline(__always)
    static func nrmse(_ y: UnsafeBufferPointer<Double>, _ yHat: UnsafeBufferPointer<Double>, _ rows: Range<Int>)
        -> Double
    {
        guard !rows.isEmpty else { return .nan }
        var squares = 0.0
        var lo = y[rows.lowerBound]
        var hi = lo
        for i in rows {
            let error = y[i] - yHat[i]
            squares += error * error
            if y[i] < lo { lo = y[i] }
            if y[i] > hi { hi = y[i] }
        }
        return (squares / Double(rows.count)).squareRoot() / (hi - lo)
    }

    @inline(__always)
    static func rSquared(_ y: UnsafeBufferPointer<Double>, _ yHat: UnsafeBufferPointer<Double>, _ rows: Range<Int>)
        -> Double
    {
        guard !rows.isEmpty else { return .nan }
        var mean = 0.0
        for i in rows { mean += y[i] }
        mean /= Double(rows.count)
        var sse = 0.0
        var sst = 0.0
        for i in rows {
            sse += (yHat[i] - y[i]) * (yHat[i] - y[i])
            sst += (y[i] - mean) * (y[i] - mean)
        }
        return 1 - sse / sst
    }

    @inline(__always)
    static func adjustedRSquared(
        _ y: UnsafeBufferPointer<Double>, _ yHat: UnsafeBufferPointer<Double>, _ rows: Range<Int>,
        parameterCount: Int, dfInt: Int, trainCount: Int
    ) -> Double {
        let raw = rSquared(y, yHat, rows)
        let n = Double(trainCount)
        return 1 - (1 - raw) * ((n - Double(dfInt)) / (n - Double(parameterCount) - 1))
    }
}
