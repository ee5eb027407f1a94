/// Robyn's Pareto-front peeling on (NRMSE, DECOMP.RSSD) (`pareto_front`, §5.6).
package enum ParetoFronts {
    /// Assigns a front number (1 = best) to every point, or `nil` if it is on no computed front.
    ///
    /// Points are sorted by (x, y) ascending (stable); a front is the set of rows where the running minimum of y
    /// takes a new value, counted by first occurrence. Those rows are removed and the process repeats. Results are
    /// joined back by the (x, y) value pair with each point keeping its smallest front, which reproduces Robyn's
    /// duplicate quirk: an exact duplicate is not taken in the same pass, occupies a slot in a later front, and
    /// still reports the better front. Points with a NaN coordinate are never assigned (R would stop earlier).
    /// - Parameters:
    ///   - x: First objective (NRMSE), lower is better.
    ///   - y: Second objective (DECOMP.RSSD), lower is better.
    ///   - maxFronts: Stop after this many fronts; `nil` peels until no rows are left (Robyn's `Inf`).
    /// - Returns: One optional front number per point, in input order.
    package static func assign(x: [Double], y: [Double], maxFronts: Int? = nil) -> [Int?] {
        let count = Swift.min(x.count, y.count)
        var remaining = (0..<count).filter { !x[$0].isNaN && !y[$0].isNaN }
        remaining.sort { a, b in
            if x[a] != x[b] { return x[a] < x[b] }
            if y[a] != y[b] { return y[a] < y[b] }
            return a < b
        }
        var front = [Int?](repeating: nil, count: count)
        let limit = maxFronts ?? Int.max
        var number = 1
        while !remaining.isEmpty, number <= limit {
            var kept: [Int] = []
            kept.reserveCapacity(remaining.count)
            var runningMin = Double.nan
            for index in remaining {
                let value = y[index]
                let newMinimum = runningMin.isNaN ? value : Swift.min(runningMin, value)
                if runningMin.isNaN || newMinimum != runningMin {
                    front[index] = number
                } else {
                    kept.append(index)
                }
                runningMin = newMinimum
            }
            remaining = kept
            number += 1
        }
        return joinByValue(front, x: x, y: y)
    }

    /// Gives every point the smallest front found for its exact (x, y) pair (Robyn's merge by value).
    private static func joinByValue(_ front: [Int?], x: [Double], y: [Double]) -> [Int?] {
        struct Key: Hashable {
            let x: Double
            let y: Double
        }
        var best: [Key: Int] = [:]
        for (index, value) in front.enumerated() {
            guard let value else { continue }
            let key = Key(x: x[index], y: y[index])
            best[key] = Swift.min(best[key] ?? value, value)
        }
        return front.indices.map { index in
            x[index].isNaN || y[index].isNaN ? nil : best[Key(x: x[index], y: y[index])]
        }
    }

    /// Robyn's eligibility filter (`mape.qt10`) before peeling.
    ///
    /// A model is eligible when `mape ≤ quantile(mape, calibrationConstraint)`, `nrmse ≤ quantile(nrmse, 0.9)` and
    /// `decomp.rssd ≤ quantile(decomp.rssd, 0.9)`, quantiles pooled over all trials (type 7). NaN values are
    /// left out of the quantiles and are never eligible (R's `quantile` would stop with an error).
    /// - Parameters:
    ///   - nrmse: Objective NRMSE of every model.
    ///   - decompRSSD: DECOMP.RSSD of every model.
    ///   - mape: Calibration MAPE of every model (all 0 without calibration).
    ///   - calibrationConstraint: Robyn's `calibration_constraint` (default 0.1).
    /// - Returns: One flag per model.
    package static func eligible(
        nrmse: [Double], decompRSSD: [Double], mape: [Double], calibrationConstraint: Double = 0.1
    ) -> [Bool] {
        func threshold(_ values: [Double], _ p: Double) -> Double {
            RCompat.quantileType7(values.filter { !$0.isNaN }, probability: p)
        }
        let nrmseCut = threshold(nrmse, 0.9)
        let rssdCut = threshold(decompRSSD, 0.9)
        let mapeCut = threshold(mape, calibrationConstraint)
        return zip(zip(nrmse, decompRSSD), mape).map { pair, m in
            pair.0 <= nrmseCut && pair.1 <= rssdCut && m <= mapeCut
        }
    }

    /// Robyn's `pareto_fronts = "auto"`: the smallest k whose fronts 1…k hold at least `minCandidates` models.
    /// - Parameters:
    ///   - fronts: Front numbers from `assign` (one per model; `nil` = none).
    ///   - minCandidates: Robyn's `min_candidates` (default 100).
    /// - Returns: k, or `nil` if all fronts together hold fewer than `minCandidates` models.
    package static func autoFrontCount(_ fronts: [Int?], minCandidates: Int = 100) -> Int? {
        var perFront: [Int: Int] = [:]
        for case let f? in fronts { perFront[f, default: 0] += 1 }
        var total = 0
        for k in perFront.keys.sorted() {
            total += perFront[k] ?? 0
            if total >= minCandidates { return k }
        }
        return nil
    }
}
