/// Where Prophet puts its potential trend changepoints.
package enum BaselineChangepoints {
    /// 0-based row indices of the changepoints for `rowCount` rows, as Prophet's `set_changepoints` computes them:
    /// `hist = floor(rowCount × range)`, `count = min(count, hist − 1)`, indices
    /// `round(seq(1, hist, length.out = count + 1))` without the first (R's half-to-even `round`).
    /// - Parameters:
    ///   - rowCount: rows in the history.
    ///   - count: requested changepoints (Prophet: 25).
    ///   - range: share of the history that may hold changepoints (Prophet: 0.8).
    /// - Returns: increasing row indices; empty when the history is too short.
    package static func rowIndices(rowCount: Int, count: Int, range: Double) -> [Int] {
        let historySize = Int((Double(rowCount) * range).rounded(.down))
        let used = min(count, historySize - 1)
        guard used > 0 else { return [] }
        let from = 1.0, to = Double(historySize)
        // R's seq.default with length.out: c(from, from + (1:(n1 - 1)) * by, to), by = (to - from) / n1.
        let n1 = used
        let by = (to - from) / Double(n1)
        var sequence = [from]
        if n1 >= 2 {
            for k in 1..<n1 { sequence.append(from + Double(k) * by) }
        }
        sequence.append(to)
        return sequence.dropFirst().map { Int($0.rounded(.toNearestOrEven)) - 1 }
    }
}
