import Foundation
import MMMCore
import Testing

@testable import MMMEngine

/// Calibration inside training: MAPE.LIFT on every candidate, the third objective, Robyn's constraint filter, the
/// error score with MAPE, and the outputs; nothing changes without studies.
@Suite struct CalibratedTrainingTests {
    static func train(
        formula: CalibrationFormula = .robyn, rule: CalibratedSelection = .robyn, studies: Bool = true
    ) async throws -> (TrainingResult, Simulation) {
        let sim = try SimulationFixtures.simulation()
        let state = try SimulationFixtures.preparedSimulation(sim) { config in
            if studies { config.calibrationInput = .studies(sim.liftTests) }
            config.calibrationFormula = formula
            config.calibratedSelection = rule
        }
        var options = TrainingOptions(iterations: 80, trials: 2, seed: 5, threads: 2)
        options.minParetoCandidates = 20
        return (try await Trainer.train(state, options: options), sim)
    }

    @Test func everyCandidateCarriesItsMAPEAndTheFilterUsesIt() async throws {
        let (result, _) = try await Self.train()
        let plan = try #require(result.calibration)
        #expect(plan.studies.count == 3)
        let mapes = result.records.compactMap { $0.result?.metrics.mape }
        #expect(mapes.contains { $0 > 0 } && mapes.allSatisfy { $0 >= 0 || $0.isNaN })
        #expect(result.records.compactMap { $0.result }.count == result.records.compactMap { $0.losses(calibrated: true).count == 3 ? 1 : nil }.count)
        // The stored MAPE is the mean of the per-study errors recomputed from the model's own series.
        let evaluator = try CandidateEvaluator(design: result.model.design, settings: result.model.settings, lambdaRange: result.lambdaRange)
        var withPlan = evaluator
        withPlan.calibration = plan
        let workspace = EvaluationWorkspace(for: withPlan)
        for index in result.selection.paretoIndices.prefix(5) {
            let details = try withPlan.evaluateWithDetails(result.space.candidate(values: result.records[index].values), in: workspace)
            #expect(details.lift.count == 3)
            #expect(details.result.metrics.mape == LiftCalibration.mape(details.lift))
            #expect(details.result.metrics.mape == result.records[index].result?.metrics.mape)
        }
        // Robyn's mape.qt10: every model on a front is within the 10 % MAPE quantile.
        let cut = RCompat.quantileType7(mapes.filter { !$0.isNaN }, probability: plan.constraint)
        for index in result.selection.paretoIndices { #expect((result.records[index].result?.metrics.mape ?? .infinity) <= cut) }
        #expect(result.selection.eligibleModelCount <= Int((Double(mapes.count) * plan.constraint).rounded(.up)) + 1)
        #expect(result.selection.bestModelRule(minCandidates: 20, validation: true).contains("MAPE.LIFT at or below its 10 % quantile"))
    }

    @Test func theSummaryAndTheTableReportTheChosenModelsStudies() async throws {
        let (result, sim) = try await Self.train()
        let summary = result.summary(runId: "t")
        let calibration = try #require(summary.calibration)
        #expect(calibration.studies.map(\.channel) == sim.liftTests.map(\.channel))
        #expect(calibration.mape == summary.bestModel.mape)
        let mean = calibration.studies.compactMap(\.mapeLift).reduce(0, +) / 3
        #expect(abs(mean - (calibration.mape ?? .nan)) < 1e-12)
        var bytes: [UInt8] = []
        try result.renderCalibrationTable { bytes += $0 }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("solID,liftMedia,calibration_scope,liftStart,liftEnd,liftAbs,decompStart"))
        #expect(lines[1].hasPrefix(summary.bestModel.modelId + "," + sim.liftTests[0].channel + ",immediate,"))
    }

    @Test func theRulesScoreDifferentlyOnTheSameSearch() async throws {
        let (robyn, _) = try await Self.train(rule: .robyn)
        let (fit, _) = try await Self.train(rule: .fitAndLift)
        // The same search (the rule only acts after it) …
        #expect(robyn.records.map(\.values) == fit.records.map(\.values))
        // … and the fit_and_lift score ignores DECOMP.RSSD.
        let index = try #require(fit.selection.paretoIndices.first)
        let pareto = fit.selection.paretoIndices
        let m = pareto.map { fit.records[$0].result?.metrics }
        let scores = ErrorScores.compute(
            nrmse: m.map { $0?.nrmseTest ?? .nan }, decompRSSD: m.map { _ in 0 }, mape: m.map { $0?.mape ?? .nan }, balance: [1, 0, 1])
        #expect(fit.selection.errorScores[index] == scores[0])
        #expect(fit.selection.bestModelRule(minCandidates: 20, validation: true).contains("fit_and_lift"))
    }

    @Test func withoutStudiesMAPEIsZeroAndTheSearchHasTwoObjectives() async throws {
        let (result, _) = try await Self.train(studies: false)
        #expect(result.calibration == nil && result.summary(runId: "t").calibration == nil)
        #expect(result.records.allSatisfy { ($0.result?.metrics.mape ?? 0) == 0 && $0.losses.count == 2 })
        #expect(!result.selection.bestModelRule(minCandidates: 20, validation: true).contains("MAPE"))
    }

    @Test func theFormulaChangesOnlyTheScaling() async throws {
        let (robyn, _) = try await Self.train(formula: .robyn)
        let (corrected, _) = try await Self.train(formula: .corrected)
        let a = try #require(robyn.calibration?.studies)
        let b = try #require(corrected.calibration?.studies)
        #expect(a.map(\.rows) == b.map(\.rows))
        // Weekly rows, a study of k whole weeks: Robyn scales by (7k − 1)/(7(k − 1)), the corrected form by 1.
        for (x, y) in zip(a, b) {
            let k = Double(x.rows.count)
            #expect(abs(x.scale - (7 * k - 1) / (7 * (k - 1))) < 1e-12)
            #expect(y.scale == 1)
        }
    }
}
