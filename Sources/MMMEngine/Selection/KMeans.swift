import Dispatch
import MMMCore

/// Deterministic k-means (Lloyd's algorithm with k-means++ seeding and several restarts), used to group the Pareto
/// models as Robyn's `robyn_clusters` does.
///
/// R's `kmeans` (Hartigan–Wong, random starts) cannot be reproduced bit for bit; this version keeps the objective
/// (within-cluster sum of squares) and makes every choice from a keyed ``CounterRNG``, so the same points and seed
/// give the same clusters.
///
/// Points and centres live in flat row-major buffers (the automatic choice of k runs 300 clusterings per training);
/// every sum is taken in the same order as the textbook loops, so results are bit for bit those of a naive version.
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
        cluster(PointMatrix(points), k: k, seed: seed, restarts: restarts, maxIterations: maxIterations)
    }

    static func cluster(_ points: PointMatrix, k: Int, seed: UInt64, restarts: Int = 10, maxIterations: Int = 100) -> Result {
        let n = points.rows
        guard n > 0 else { return Result(assignments: [], centres: [], withinSumOfSquares: 0) }
        let k = min(max(1, k), n)
        var best: (assignments: [Int], centres: [Double], wss: Double)?
        var workspace = LloydWorkspace(k: k, columns: points.columns)
        for restart in 0..<max(1, restarts) {
            var rng = CounterRNG(seed, UInt64(k), UInt64(restart), 0x6B6D)
            var centres = seedCentres(points, k: k, rng: &rng, distances: &workspace.distances)
            var assignments = [Int](repeating: -1, count: n)
            for _ in 0..<maxIterations {
                workspace.transpose(centres, count: k)
                var changed = false
                for i in 0..<n {
                    let nearest = workspace.nearest(i, of: points)
                    if nearest != assignments[i] {
                        assignments[i] = nearest
                        changed = true
                    }
                }
                workspace.updateCentres(&centres, points: points, assignments: assignments)
                if !changed { break }
            }
            var wss = 0.0
            for i in 0..<n { wss += points.squaredDistance(i, to: centres, centre: assignments[i]) }
            if best == nil || wss < (best?.wss ?? .infinity) { best = (assignments, centres, wss) }
        }
        guard let best else { return Result(assignments: [], centres: [], withinSumOfSquares: 0) }
        let d = points.columns
        let centres = (0..<k).map { c in Array(best.centres[(c * d)..<(c * d + d)]) }
        return canonicalised(Result(assignments: best.assignments, centres: centres, withinSumOfSquares: best.wss))
    }

    /// k-means++: the first centre uniformly, each next one with probability proportional to squared distance.
    /// `distances` keeps each point's squared distance to its nearest centre so far (the minimum is exact, so updating
    /// it with each new centre gives the same values as scanning all centres again).
    private static func seedCentres(_ points: PointMatrix, k: Int, rng: inout CounterRNG, distances d2: inout [Double]) -> [Double] {
        let n = points.rows
        var centres: [Double] = []
        centres.reserveCapacity(k * points.columns)
        centres += points.row(rng.index(below: n))
        d2.removeAll(keepingCapacity: true)
        d2.append(contentsOf: repeatElement(Double.infinity, count: n))
        var count = 1
        while count < k {
            points.lowerDistances(&d2, to: centres, centre: count - 1)
            var total = 0.0
            for d in d2 { total += d }
            guard total > 0 else {
                centres += points.row(rng.index(below: n))
                count += 1
                continue
            }
            var target = rng.uniform() * total
            var chosen = n - 1
            for (i, d) in d2.enumerated() {
                target -= d
                if target < 0 {
                    chosen = i
                    break
                }
            }
            centres += points.row(chosen)
            count += 1
        }
        return centres
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
        let chosen = automatic(points, seed: seed, threshold: threshold)
        return (chosen.k, chosen.wss)
    }

    /// ``automaticK(_:seed:threshold:)`` and the clustering for the chosen k (the one computed while choosing, equal
    /// to `cluster(points, k: k, seed: seed)`).
    /// - Parameter threads: the clusterings for the candidate k run on this many threads (the results do not depend
    ///   on it: each k's clustering depends on the points, k and the seed only).
    package static func automatic(_ points: [[Double]], seed: UInt64, threshold: Double = 0.06, threads: Int = 1)
        -> (k: Int, wss: [Double], result: Result)
    {
        let matrix = PointMatrix(points)
        let n = points.count
        guard n > 3 else {
            let k = max(1, n)
            return (k, [], cluster(matrix, k: k, seed: seed))
        }
        let kMax = min(n - 1, 30)
        let results = clusterings(matrix, ks: Array(1...kMax), seed: seed, threads: threads)
        let wss = results.map(\.withinSumOfSquares)
        func chosen(_ k: Int) -> (k: Int, wss: [Double], result: Result) {
            (k, wss, k >= 1 && k <= kMax ? results[k - 1] : cluster(matrix, k: k, seed: seed))
        }
        guard let first = wss.first, first > 0 else { return chosen(min(3, n)) }
        let ratios = wss.map { $0 / first }
        var k = 1
        for candidate in 2...max(2, kMax) where candidate <= kMax && ratios[candidate - 2] - ratios[candidate - 1] > threshold {
            k = candidate
        }
        return chosen(min(max(k, 3), 10, n))
    }
}

extension KMeans {
    /// `cluster(points, k:, seed:)` for each k, in the order of `ks`; on several threads the largest k (the slowest)
    /// are started first.
    static func clusterings(_ points: PointMatrix, ks: [Int], seed: UInt64, threads: Int) -> [Result] {
        guard threads > 1, ks.count > 1 else { return ks.map { cluster(points, k: $0, seed: seed) } }
        let order = ks.indices.sorted { (ks[$0], $0) > (ks[$1], $1) }
        let next = Locked(0)
        let done = Locked([Int: Result]())
        DispatchQueue.concurrentPerform(iterations: min(threads, ks.count)) { _ in
            while true {
                let position = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard position < order.count else { return }
                let index = order[position]
                let result = cluster(points, k: ks[index], seed: seed)
                done.withLock { $0[index] = result }
            }
        }
        return done.withLock { all in ks.indices.map { all[$0] ?? cluster(points, k: ks[$0], seed: seed) } }
    }
}
