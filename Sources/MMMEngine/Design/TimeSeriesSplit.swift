/// Robyn's train / validation / test split of the window rows (§3.7), in time order.
///
/// Positions are 0-based offsets into the window: train `0..<trainEnd`, validation `trainEnd..<validationEnd`,
/// test `validationEnd..<count`. Robyn's 1-based `train_size_index` equals `trainEnd`, `val_size_index` equals
/// `validationEnd`.
package struct TimeSeriesSplit: Sendable, Hashable, Codable {
    /// Number of window rows.
    package let count: Int
    /// End of the training rows (exclusive); Robyn's `train_size_index`.
    package let trainEnd: Int
    /// End of the validation rows (exclusive); Robyn's `val_size_index`.
    package let validationEnd: Int
    /// Whether validation and test rows exist (`train_size < 1`).
    package let hasValidation: Bool

    /// Training rows.
    package var train: Range<Int> { 0..<trainEnd }
    /// Validation rows (empty without validation).
    package var validation: Range<Int> { trainEnd..<validationEnd }
    /// Test rows (empty without validation).
    package var test: Range<Int> { validationEnd..<count }

    /// Robyn's split for a window of `count` rows.
    ///
    /// `trainEnd = floor(quantile(1:nW, train_size))` and `validationEnd = trainEnd + floor(val_size·nW)` with
    /// `val_size = (1 − train_size)/2`, all in floating point exactly as R computes them (so, e.g.,
    /// `(1 − 0.8)/2·20 = 1.9999999999999996` floors to 1).
    /// - Parameters:
    ///   - count: Window length nW.
    ///   - trainSize: `train_size` in (0, 1]; 1 means no validation.
    package init(count: Int, trainSize: Double) {
        self.count = count
        if trainSize < 1 {
            let valSize = (1 - trainSize) / 2
            let trainIndex = Int(RCompat.quantileOfSequence(count: count, probability: trainSize).rounded(.down))
            let valIndex = trainIndex + Int((valSize * Double(count)).rounded(.down))
            trainEnd = Swift.min(Swift.max(trainIndex, 0), count)
            validationEnd = Swift.min(Swift.max(valIndex, trainEnd), count)
            hasValidation = true
        } else {
            trainEnd = count
            validationEnd = count
            hasValidation = false
        }
    }
}
