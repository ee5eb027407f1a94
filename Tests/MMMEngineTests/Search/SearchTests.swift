import Foundation
import Testing

@testable import MMMEngine

@Suite struct CounterRNGTests {
    @Test func sameKeySameStreamDifferentKeyDifferentStream() {
        var a = CounterRNG(123, 1, 7), b = CounterRNG(123, 1, 7), c = CounterRNG(123, 1, 8), d = CounterRNG(123, 2, 7)
        let sa = (0..<16).map { _ in a.next() }
        #expect(sa == (0..<16).map { _ in b.next() })
        #expect(sa != (0..<16).map { _ in c.next() })
        #expect(sa != (0..<16).map { _ in d.next() })
    }

    @Test func uniformIsInRangeAndRoughlyFlat() {
        var rng = CounterRNG(9)
        var buckets = [Int](repeating: 0, count: 10)
        for _ in 0..<100_000 {
            let u = rng.uniform()
            #expect(u >= 0 && u < 1)
            buckets[Int(u * 10)] += 1
        }
        // χ² with 9 degrees of freedom; 27.9 is the 0.999 quantile.
        let chi2 = buckets.reduce(0.0) { $0 + pow(Double($1) - 10_000, 2) / 10_000 }
        #expect(chi2 < 27.9, "\(buckets)")
    }
}

@Suite struct DifferentialEvolutionTests {
    private func run(seed: UInt64, objective: ([Double]) -> [Double], dimension: Int, asks: Int, batch: Int = 2)
        -> [(point: [Double], losses: [Double])]
    {
        var config = DifferentialEvolution.Configuration(dimension: dimension)
        config.objectiveWeights = Array(repeating: 1, count: objective(Array(repeating: 0.5, count: dimension)).count)
        var de = DifferentialEvolution(configuration: config, seed: seed, trial: 1)
        var history: [(point: [Double], losses: [Double])] = []
        while history.count < asks {
            let batchCandidates = de.ask(min(batch, asks - history.count))
            for candidate in batchCandidates {
                #expect(candidate.point.allSatisfy { $0 >= 0 && $0 <= 1 })
                let losses = objective(candidate.point)
                de.tell(candidate, losses: losses)
                history.append((candidate.point, losses))
            }
        }
        return history
    }

    @Test func minimisesAShiftedSphere() {
        let target = [0.2, 0.7, 0.4, 0.9, 0.1, 0.55]
        let sphere: ([Double]) -> [Double] = { x in [zip(x, target).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }] }
        let history = run(seed: 5, objective: sphere, dimension: 6, asks: 3000)
        let first = history.prefix(30).map { $0.losses[0] }.min() ?? 1
        let best = history.map { $0.losses[0] }.min() ?? 1
        #expect(best < 1e-4, "best \(best)")
        #expect(best < first / 100)
    }

    @Test func approachesATwoObjectiveFront() {
        // f1 = x0, f2 = 1 − sqrt(x0) + Σ others² : the front is others = 0.
        let zdt: ([Double]) -> [Double] = { x in [x[0], 1 - x[0].squareRoot() + x.dropFirst().reduce(0) { $0 + $1 * $1 }] }
        let history = run(seed: 11, objective: zdt, dimension: 5, asks: 4000)
        let late = history.suffix(500).map { $0.losses[1] - (1 - $0.losses[0].squareRoot()) }
        let early = history.prefix(30).map { $0.losses[1] - (1 - $0.losses[0].squareRoot()) }
        let lateMedian = late.sorted()[late.count / 2], earlyMedian = early.sorted()[early.count / 2]
        #expect(lateMedian < earlyMedian / 20, "late \(lateMedian) early \(earlyMedian)")
        // The population keeps spread along the front rather than collapsing onto one point.
        let xs = history.suffix(500).map { $0.point[0] }
        #expect((xs.max() ?? 0) - (xs.min() ?? 0) > 0.3)
    }

    @Test func isDeterministicAndSeedDependent() {
        let f: ([Double]) -> [Double] = { x in [x.reduce(0, +), x.map { abs($0 - 0.5) }.reduce(0, +)] }
        let a = run(seed: 1, objective: f, dimension: 4, asks: 300).map(\.point)
        let b = run(seed: 1, objective: f, dimension: 4, asks: 300).map(\.point)
        let c = run(seed: 2, objective: f, dimension: 4, asks: 300).map(\.point)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func batchSizeOnlyChangesWhenTellsArrive() {
        // Candidates depend on (seed, trial, ask number, losses told so far): asking 4 at once before telling equals
        // asking them one by one when the first tells fill empty slots (initial population).
        var config = DifferentialEvolution.Configuration(dimension: 3)
        config.populationSize = 30
        var one = DifferentialEvolution(configuration: config, seed: 3, trial: 2)
        var four = DifferentialEvolution(configuration: config, seed: 3, trial: 2)
        let batch = four.ask(4)
        for candidate in batch {
            let single = one.ask(1)[0]
            #expect(single == candidate)
            one.tell(single, losses: [1])
        }
    }

    @Test(arguments: [(-0.25, 0.25), (1.25, 0.75), (2.5, 0.5), (-1.75, 0.25), (0.3, 0.3), (Double.nan, 0.5)])
    func reflectsIntoTheUnitInterval(value: Double, expected: Double) {
        #expect(abs(DifferentialEvolution.reflect(value) - expected) < 1e-12)
    }
}

@Suite struct KMeansTests {
    private func blobs() -> [[Double]] {
        var rng = CounterRNG(77)
        let centres = [[0.1, 0.1], [0.9, 0.2], [0.5, 0.9]]
        return (0..<90).map { i in centres[i % 3].map { $0 + (rng.uniform() - 0.5) * 0.1 } }
    }

    @Test func findsSeparatedGroups() {
        let points = blobs()
        let result = KMeans.cluster(points, k: 3, seed: 1)
        for i in 0..<90 { #expect(result.assignments[i] == result.assignments[i % 3]) }
        #expect(Set(result.assignments).count == 3)
        #expect(result.assignments[0] == 0, "clusters numbered by first appearance")
    }

    @Test func deterministicAndAutomaticK() {
        let points = blobs()
        #expect(KMeans.cluster(points, k: 4, seed: 9) == KMeans.cluster(points, k: 4, seed: 9))
        let auto = KMeans.automaticK(points, seed: 1)
        #expect(auto.k == 3)
        #expect(auto.wss.count == 30)
        #expect(auto.wss[0] > auto.wss[2] * 20, "three blobs: WSS collapses by k = 3")
    }
}
