import Testing

@testable import MMMEngine

/// The flat-buffer ``KMeans`` against the straightforward version it replaced (kept here as the oracle): the same
/// points and seed must give bit-identical assignments, centres and sums of squares, because the clusters feed
/// model_summary.json and the CSVs.
@Suite struct KMeansReferenceTests {
    /// Points like the Pareto models' normalised hyperparameters: in [0, 1], a few exact duplicates and ties.
    private func points(n: Int, d: Int, seed: UInt64) -> [[Double]] {
        var rng = CounterRNG(seed, 0xF00D)
        var rows = (0..<n).map { _ in (0..<d).map { _ in (rng.uniform() * 8).rounded() / 8 } }
        for i in stride(from: 3, to: n, by: 7) { rows[i] = rows[i - 3] }
        return rows
    }

    @Test(arguments: [(12, 3, UInt64(1)), (40, 18, 7), (112, 18, 123), (97, 24, 5), (5, 2, 3)])
    func clusterMatchesTheReference(n: Int, d: Int, seed: UInt64) {
        let p = points(n: n, d: d, seed: seed)
        for k in [1, 2, 3, 7, 12] {
            #expect(KMeans.cluster(p, k: k, seed: seed) == NaiveKMeans.cluster(p, k: k, seed: seed), "k \(k)")
        }
    }

    @Test(arguments: [(12, 3, UInt64(1)), (40, 18, 7), (112, 18, 123), (4, 2, 9), (3, 2, 9)])
    func automaticMatchesTheReference(n: Int, d: Int, seed: UInt64) {
        let p = points(n: n, d: d, seed: seed)
        let (k, wss) = NaiveKMeans.automaticK(p, seed: seed)
        let chosen = KMeans.automatic(p, seed: seed)
        #expect(chosen.k == k)
        #expect(chosen.wss == wss)
        #expect(chosen.result == NaiveKMeans.cluster(p, k: k, seed: seed))
        for threads in [2, 3] {
            let parallel = KMeans.automatic(p, seed: seed, threads: threads)
            #expect(parallel.k == k && parallel.wss == wss && parallel.result == chosen.result, "threads \(threads)")
        }
    }
}

/// The previous implementation of ``KMeans`` (arrays of rows, every distance recomputed), verbatim in behaviour.
private enum NaiveKMeans {
    static func cluster(_ points: [[Double]], k: Int, seed: UInt64, restarts: Int = 10, maxIterations: Int = 100) -> KMeans.Result {
        let n = points.count
        guard n > 0 else { return KMeans.Result(assignments: [], centres: [], withinSumOfSquares: 0) }
        let k = min(max(1, k), n)
        var best: KMeans.Result?
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
            let wss = (0..<n).reduce(0.0) { $0 + KMeans.squaredDistance(points[$1], centres[assignments[$1]]) }
            if best == nil || wss < (best?.withinSumOfSquares ?? .infinity) {
                best = KMeans.Result(assignments: assignments, centres: centres, withinSumOfSquares: wss)
            }
        }
        return canonicalised(best ?? KMeans.Result(assignments: [], centres: [], withinSumOfSquares: 0))
    }

    static func seedCentres(_ points: [[Double]], k: Int, rng: inout CounterRNG) -> [[Double]] {
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

    static func nearestCentre(_ p: [Double], _ centres: [[Double]]) -> (index: Int, distance: Double) {
        var best = (index: 0, distance: Double.infinity)
        for (j, c) in centres.enumerated() {
            let d = KMeans.squaredDistance(p, c)
            if d < best.distance { best = (j, d) }
        }
        return best
    }

    static func updatedCentres(_ points: [[Double]], _ assignments: [Int], previous: [[Double]]) -> [[Double]] {
        var sums = previous.map { [Double](repeating: 0, count: $0.count) }
        var counts = [Int](repeating: 0, count: previous.count)
        for (p, a) in zip(points, assignments) where a >= 0 {
            counts[a] += 1
            for j in p.indices { sums[a][j] += p[j] }
        }
        return sums.indices.map { c in counts[c] == 0 ? previous[c] : sums[c].map { $0 / Double(counts[c]) } }
    }

    static func canonicalised(_ r: KMeans.Result) -> KMeans.Result {
        var mapping: [Int: Int] = [:]
        for a in r.assignments where mapping[a] == nil { mapping[a] = mapping.count }
        var centres = r.centres
        for (old, new) in mapping { centres[new] = r.centres[old] }
        return KMeans.Result(
            assignments: r.assignments.map { mapping[$0] ?? $0 }, centres: Array(centres.prefix(mapping.count)),
            withinSumOfSquares: r.withinSumOfSquares)
    }

    static func automaticK(_ points: [[Double]], seed: UInt64, threshold: Double = 0.06) -> (k: Int, wss: [Double]) {
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
