import MMMCore

/// Robyn's per-cluster confidence intervals of each paid channel's efficiency (§5.7): 1,000 bootstrap resamples of the
/// cluster members' `roi_total` (or `cpa_total`), `se` = SD of the resampled means, and
/// `CI = sample mean ± qt(0.975, n − 1) · se · sqrt(n)` (Robyn's formula, quirk included), the low end floored at 0.
/// Like Robyn's `confidence_calcs`, clusters with fewer than 3 models get no interval.
package struct ClusterBootstrap: Sendable, Equatable {
    /// One cluster and channel.
    package struct Interval: Sendable, Equatable {
        /// Mean of the bootstrap means.
        package var mean: Double
        /// Standard deviation of the bootstrap means.
        package var standardError: Double
        /// Lower and upper end.
        package var low: Double
        package var high: Double
    }

    /// Intervals keyed by cluster (1-based), then channel name.
    package var intervals: [Int: [String: Interval]]

    /// Computes the intervals; randomness comes from a keyed generator (R's `set.seed(1)` stream cannot be matched).
    /// - Parameters:
    ///   - result: the training result.
    ///   - resamples: bootstrap resamples (Robyn: 1000).
    package static func compute(_ result: TrainingResult, resamples: Int = 1000) -> ClusterBootstrap {
        let selection = result.selection
        let conversion = result.model.settings.depVarType == .conversion
        var intervals: [Int: [String: Interval]] = [:]
        for cluster in 1...max(1, selection.clusterCount) {
            let members = selection.paretoIndices.filter { selection.clusters[$0] == cluster }
            guard !members.isEmpty else { continue }
            for name in result.model.design.paidMediaNames {
                let values = members.compactMap { index -> Double? in
                    let media = result.records[index].result?.media.first { $0.name == name }
                    return conversion ? media?.cpaTotal : media?.roiTotal
                }.filter(\.isFinite)
                guard values.count >= 3 else { continue }
                var rng = CounterRNG(UInt64(cluster), UInt64(name.hashValueStable), 0xB007)
                let means = bootstrapMeans(of: values, resamples: resamples, rng: &rng)
                intervals[cluster, default: [:]][name] = interval(values: values, bootstrapMeans: means)
            }
        }
        return ClusterBootstrap(intervals: intervals)
    }

    /// The means of `resamples` resamples (with replacement, each of `values.count` draws) of `values`.
    static func bootstrapMeans(of values: [Double], resamples: Int, rng: inout CounterRNG) -> [Double] {
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in values.indices { sum += values[rng.index(below: values.count)] }
            means.append(sum / Double(values.count))
        }
        return means
    }

    /// Robyn's `.bootci` from the sample and its bootstrap means: se = SD (n − 1) of the means, interval
    /// `mean(values) ± qt(0.975, n − 1) · se · sqrt(n)`, low end floored at 0 (`confidence_calcs`).
    static func interval(values: [Double], bootstrapMeans means: [Double]) -> Interval {
        let mean = means.reduce(0, +) / Double(means.count)
        let variance = means.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, means.count - 1))
        let se = variance.squareRoot()
        let n = Double(values.count)
        let sampleMean = values.reduce(0, +) / n
        let half = StudentT.quantile(0.975, degrees: n - 1) * se * n.squareRoot()
        return Interval(mean: mean, standardError: se, low: max(0, sampleMean - half), high: sampleMean + half)
    }
}

extension String {
    /// A hash that is the same in every process (Swift's `hashValue` is randomly seeded per process).
    var hashValueStable: UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01B3
        }
        return h
    }
}
