import MMMTestSupport
import MMMEngine
import Testing

/// Properties of Pareto peeling on random point clouds with ties and exact duplicates.
@Suite("Pareto front properties")
struct ParetoPropertyTests {
    static func dominates(_ a: (Double, Double), _ b: (Double, Double)) -> Bool {
        a.0 <= b.0 && a.1 <= b.1 && (a.0 < b.0 || a.1 < b.1)
    }

    static func points(seed: UInt64) -> (x: [Double], y: [Double]) {
        var rng = SeededRandom(seed: seed)
        let count = Int.random(in: 5...120, using: &rng)
        // A coarse grid forces ties and exact duplicates.
        let x = (0..<count).map { _ in Double(Int.random(in: 0...15, using: &rng)) / 10 }
        let y = (0..<count).map { _ in Double(Int.random(in: 0...15, using: &rng)) / 10 }
        return (x, y)
    }

    @Test("front 1 is exactly the non-dominated set; fronts are antichains; later fronts are dominated",
          arguments: 0..<80)
    func frontsAreNonDominatedLayers(seed: Int) {
        let (x, y) = Self.points(seed: UInt64(seed))
        let fronts = ParetoFronts.assign(x: x, y: y)
        let pts = Array(zip(x, y))
        #expect(fronts.allSatisfy { $0 != nil }, "auto mode assigns every point")
        for i in pts.indices {
            let dominated = pts.indices.contains { Self.dominates(pts[$0], pts[i]) }
            #expect((fronts[i] == 1) == !dominated, "seed \(seed) point \(i)")
            for k in pts.indices where fronts[k] == fronts[i] {
                #expect(!Self.dominates(pts[k], pts[i]), "seed \(seed): front \(fronts[i] ?? 0) not an antichain")
            }
            if let front = fronts[i], front > 1 {
                let covered = pts.indices.contains { k in
                    (fronts[k] ?? .max) < front && (Self.dominates(pts[k], pts[i]) || pts[k] == pts[i])
                }
                #expect(covered, "seed \(seed) point \(i) in front \(front) has no better point above it")
            }
        }
    }

    @Test("exact duplicates share their best front; maxFronts truncates", arguments: 0..<40)
    func duplicatesAndTruncation(seed: Int) {
        let (x, y) = Self.points(seed: UInt64(seed) &+ 1000)
        let all = ParetoFronts.assign(x: x, y: y)
        let two = ParetoFronts.assign(x: x, y: y, maxFronts: 2)
        for i in x.indices {
            for k in x.indices where x[k] == x[i] && y[k] == y[i] { #expect(all[k] == all[i]) }
            if let front = all[i], front <= 2 {
                #expect((two[i] ?? .max) <= front)
            }
            if two[i] == nil { #expect((all[i] ?? 0) > 2) }
        }
    }

    @Test("eligibility keeps models under the 90% quantiles; auto front count reaches min candidates")
    func eligibilityAndAuto() {
        let nrmse = (1...20).map { Double($0) / 100 }
        let rssd = (1...20).reversed().map { Double($0) / 100 }
        let keep = ParetoFronts.eligible(nrmse: nrmse, decompRSSD: rssd, mape: Array(repeating: 0, count: 20))
        // quantile(0.01…0.20, 0.9) = 0.181: the top two of each objective are dropped.
        #expect(keep == (0..<20).map { $0 >= 2 && $0 < 18 })
        #expect(ParetoFronts.autoFrontCount([1, 1, 2, 2, 2, 3, nil], minCandidates: 4) == 2)
        #expect(ParetoFronts.autoFrontCount([1, 2, nil], minCandidates: 4) == nil)
    }
}
