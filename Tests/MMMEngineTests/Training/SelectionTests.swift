import Foundation
import Testing

@testable import MMMCore
@testable import MMMEngine

@Suite struct SelectionTests {
    /// A 400 × 2 search on the demo (about half a second in a debug build).
    static func train() async throws -> TrainingResult {
        try await Trainer.train(
            try TrainingFixtures.demoState(), options: TrainingOptions(iterations: 400, trials: 2, seed: 9, threads: 2))
    }

    @Test func everyCoefficientRespectsItsBounds() async throws {
        let result = try await Self.train()
        for record in result.records {
            guard let r = record.result else { continue }
            for (j, b) in r.coefficients.enumerated() {
                #expect(b >= r.lowerLimits[j] - 1e-12 && b <= r.upperLimits[j] + 1e-12, "\(record.modelId) \(r.regressorNames[j]) = \(b)")
            }
            let roles = result.model.design.regressors.map(\.role)
            for (j, role) in roles.enumerated() {
                switch role {
                case .baseline(let isTrend) where !isTrend: #expect(r.lowerLimits[j] == 0 && r.upperLimits[j] == 1)
                case .paidMedia, .organic: #expect(r.lowerLimits[j] == 0)
                default: break
                }
            }
        }
    }

    @Test func everyHyperparameterLiesInItsBound() async throws {
        let result = try await Self.train()
        for record in result.records {
            for (value, bound) in zip(record.values, result.space.bounds) {
                #expect(value >= bound.lower && value <= bound.upper)
            }
        }
    }

    /// Front 1 is exactly the non-dominated set of the eligible models; later fronts are dominated by earlier ones.
    @Test func paretoFrontsAreCorrect() async throws {
        let result = try await Self.train()
        let points = result.records.indices.compactMap { i -> (Int, Double, Double)? in
            guard let m = result.records[i].result?.metrics else { return nil }
            return (i, m.nrmse, m.decompRSSD)
        }
        let front1 = Set(result.records.indices.filter { result.selection.fronts[$0] == 1 })
        let eligible = ParetoFronts.eligible(
            nrmse: result.records.map { $0.result?.metrics.nrmse ?? .nan },
            decompRSSD: result.records.map { $0.result?.metrics.decompRSSD ?? .nan },
            mape: result.records.map { $0.result?.metrics.mape ?? .nan })
        let candidates = points.filter { eligible[$0.0] }
        func dominates(_ a: (Int, Double, Double), _ b: (Int, Double, Double)) -> Bool {
            a.1 <= b.1 && a.2 <= b.2 && (a.1 < b.1 || a.2 < b.2)
        }
        let nonDominated = Set(candidates.filter { p in !candidates.contains { dominates($0, p) } }.map(\.0))
        #expect(front1 == nonDominated)
        for i in result.selection.paretoIndices {
            #expect(eligible[i])
            if let f = result.selection.fronts[i], f > 1 {
                let earlier = candidates.filter { (result.selection.fronts[$0.0] ?? .max) == f - 1 }
                let me = candidates.first { $0.0 == i }
                #expect(earlier.contains { e in me.map { dominates(e, $0) || (e.1 == $0.1 && e.2 == $0.2) } ?? false })
            }
        }
        #expect(result.selection.paretoIndices.count >= 100)
    }

    @Test func bestIsTheLowestErrorScoreAmongClusterWinners() async throws {
        let s = try await Self.train().selection
        #expect(s.clusterWinners.contains(s.best))
        #expect(s.clusterCount >= 3 && s.clusterCount <= 10)
        #expect(s.clusterWinners.count == s.clusterCount)
        let bestScore = s.errorScores[s.best] ?? .nan
        #expect(s.paretoIndices.allSatisfy { (s.errorScores[$0] ?? .infinity) >= bestScore })
        for winner in s.clusterWinners {
            let cluster = s.clusters[winner]
            let members = s.paretoIndices.filter { s.clusters[$0] == cluster }
            #expect(members.allSatisfy { (s.errorScores[$0] ?? .infinity) >= (s.errorScores[winner] ?? .nan) })
        }
    }

    @Test func searchSpaceFollowsRobynsNamesAndFixedBounds() throws {
        let model = try ModelDesignBuilder.build(try TrainingFixtures.demoState())
        let space = try SearchSpace(
            mediaNames: model.design.mediaNames, channelBounds: try model.config.resolvedHyperparameterBounds(),
            adstock: .geometric, trainSize: .fixed(0.7), lambda: ParameterBound(fixed: 0.05))
        #expect(space.names.prefix(3) == ["facebook_I_alphas", "facebook_I_gammas", "facebook_I_thetas"])
        #expect(space.names.suffix(2) == ["lambda", "train_size"])
        #expect(space.dimension == 18)
        let values = space.values(unit: Array(repeating: 0.5, count: 18))
        #expect(values[space.names.firstIndex(of: "lambda") ?? 0] == 0.05)
        #expect(values[space.names.firstIndex(of: "tv_S_thetas") ?? 0] == 0.55)
        #expect(SearchSpace.significant(0.123456789012345, digits: 10) == 0.123456789)
    }
}
