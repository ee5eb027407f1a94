/// Deterministic k-means (Lloyd's algorithm with k-means++ seeding and several restarts), used to group the Pareto
/// models as Robyn's `robyn_clusters` does.
///
/// R's `kmeans` (Hartigan–Wong, random starts) cannot be reproduced bit for bit; this version keeps the objective
/// (within-cluster sum of squares) and makes every choice from a keyed ``CounterRNG``, so the same points and seed
/// give the same clusters.
package enum KMeans {
    /// A clustering.
    package struct Result: Sendable, Equatable {
        /// Cluster index (0-based) of each point.
        package var assignments: [Int]
        /// Cluster centres.
        package var centres: [[Double]]
        /// Within-cluster sum of squared distances.
        package var withinSumOfSquares: Double
    }

    /// Clusters `points` into `k` groups.
    /// - Parameters:
    ///   - points: rows of equal length.
    ///   - k: number of clusters (clamped to 1…points.count).
    ///   - seed: randomness key.
    ///   - restarts: independent seedings; the lowest sum of squares wins.
    ///   - maxIterations: Lloyd iterations per restart.
    package static func cluster(
        _ points: [[Double]], k: Int, seed: UInt64, restarts: Int = 10, maxIterations: Int = 100
    ) -> Result {
        let n = points.count
        guard n > 0 else { return Result(assignments: [], centres: [], withinSumOfSquares: 0) }
        let k = min(max(1, k), n)
        var best: Result?
        for restart in 0..<max(1, restarts) {
            var rng = CounterRNG(seed, UInt64(k), UInt64(restart), 0x6B6D)
            var centres = seedCentres(points, k: k, rng: &rng)
            var assignments = [Int](repeating: -1, count: n)
            for _ in 0..<maxIterations {
                var changed = false
                for i in 0..<n {
                    let nearest = nearestCentre(points[i], centres).index
                    if nearest != assignments[i] {
                        assignments[i] = nearest
                        changed = true
                    }
                }
                centres = updatedCentres(points, assignments, previous: centres)
                if !changed { break }
            }
            let wss = (0..<n).reduce(0.0) { $0 + squaredDistance(points[$1], centres[assignments[$1]]) }
            if best == nil || wss < (best?.withinSumOfSquares ?? .infinity) {
                best = Result(assignments: assignments, centres: centres, withinSumOfSquares: wss)
            }
        }
        return canonicalised(best ?? Result(assignments: [], centres: [], withinSumOfSquares: 0))
    }

    /// k-means++: the first centre uniformly, each next one with probability proportional to squared distance.
    private static func seedCentres(_ points: [[Double]], k: Int, rng: inout CounterRNG) -> [[Double]] {
        var centres = [points[rng.index(below: points.count)]]
        while centres.count < k {
            let d2 = points.map { nearestCentre($0, centres).distance }
            let total = d2.reduce(0, +)
            guard total > 0 else {
                centres.append(points[rng.index(below: points.count)])
                continue
            }
            var target = rng.uniform() * total
            var chosen = points.count - 1
            for (i, d) in d2.enumerated() {
                target -= d
                if target < 0 {
                    chosen = i
                    break
                }
            }
            centres.append(points[chosen])
        }
        return centres
    }

    private static func nearestCentre(_ p: [Double], _ centres: [[Double]]) -> (index: Int, distance: Double) {
        var best = (index: 0, distance: Double.infinity)
        for (j, c) in centres.enumerated() {
            let d = squaredDistance(p, c)
            if d < best.distance { best = (j, d) }
        }
        return best
    }

    private static func updatedCentres(_ points: [[Double]], _ assignments: [Int], previous: [[Double]]) -> [[Double]] {
        var sums = previous.map { [Double](repeating: 0, count: $0.count) }
        var counts = [Int](repeating: 0, count: previous.count)
        for (p, a) in zip(points, assignments) where a >= 0 {
            counts[a] += 1
            for j in p.indices { sums[a][j] += p[j] }
        }
        return sums.indices.map { c in counts[c] == 0 ? previous[c] : sums[c].map { $0 / Double(counts[c]) } }
    }

    static func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for j in a.indices {
            let d = a[j] - b[j]
            s += d * d
        }
        return s
    }

    /// Renumbers clusters by first appearance, so equal partitions have equal results.
    private static func canonicalised(_ r: Result) -> Result {
        var mapping: [Int: Int] = [:]
        for a in r.assignments where mapping[a] == nil { mapping[a] = mapping.count }
        var centres = r.centres
        for (old, new) in mapping { centres[new] = r.centres[old] }
        return Result(assignments: r.assignments.map { mapping[$0] ?? $0 }, centres: Array(centres.prefix(mapping.count)), withinSumOfSquares: r.withinSumOfSquares)
    }

    /// Robyn's automatic k: the within-sum-of-squares for k = 1…min(n−1, 30), `ratio_k = WSS_k / WSS_1`, the largest k
    /// whose drop `ratio_{k−1} − ratio_k` exceeds `threshold` (0.06), clamped to 3…10 (and to n).
    package static func automaticK(_ points: [[Double]], seed: UInt64, threshold: Double = 0.06) -> (k: Int, wss: [Double]) {
        let n = points.count
        guard n > 3 else { return (max(1, n), []) }
        let kMax = min(n - 1, 30)
        let wss = (1...kMax).map { cluster(points, k: $0, seed: seed).withinSumOfSquares }
        guard let first = wss.first, first > 0 else { return (min(3, n), wss) }
        let ratios = wss.map { $0 / first }
        var chosen = 1
        for k in 2...max(2, kMax) where k <= kMax && ratios[k - 2] - ratios[k - 1] > threshold { chosen = k }
        return (min(max(chosen, 3), 10, n), wss)
    }
}
