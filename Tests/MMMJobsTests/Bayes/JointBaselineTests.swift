import Foundation
import MMMTestSupport
import Testing

@testable import MMMBayes
@testable import MMMCore
@testable import MMMEngine
@testable import MMMJobs

/// The Bayesian backend's joint baseline: the decomposition's trend and season are replaced by a linear trend and
/// yearly Fourier pairs estimated with the media; everything else in the design stays as it was.
@Suite struct JointBaselineTests {
    static func demoModel(_ configure: (inout JobConfig) -> Void = { _ in }) throws -> PreparedModel {
        var config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        configure(&config)
        let state = try DataPreparer().prepare(csvPath: TrainingFixtures.demoData, config: config)
        return try ModelDesignBuilder.build(state)
    }

    @Test func trendAndSeasonAreReplacedAndTheRestIsUntouched() throws {
        let model = try Self.demoModel()
        let (joint, notes) = try JointBaseline.apply(to: model)
        let before = model.design.regressorNames
        let after = joint.design.regressorNames
        #expect(before.contains("season") && !after.contains("season"))
        let fourier = ["season_sin1", "season_cos1", "season_sin2", "season_cos2"]
        let seasonAt = try #require(before.firstIndex(of: "season"))
        #expect(Array(after[seasonAt..<(seasonAt + 4)]) == fourier, "the Fourier pairs take the season's place")
        #expect(after.filter { !fourier.contains($0) } == before.filter { $0 != "season" })
        // Every column other than trend and the season is the same column.
        for regressor in model.design.regressors where !["trend", "season"].contains(regressor.name) {
            #expect(joint.design.regressors.first { $0.name == regressor.name } == regressor, "\(regressor.name) changed")
        }
        // The trend is linear in time: years since the window start, 0 at the window start.
        let trend = try #require(joint.design.regressors.first { $0.name == "trend" })
        let window = model.design.window
        #expect(trend.values[window.lowerBound] == 0)
        for t in 1..<trend.values.count {
            let days = Double(model.dates[t].days(since: model.dates[t - 1]))
            #expect(abs(trend.values[t] - trend.values[t - 1] - days / 365.25) < 1e-12)
        }
        #expect(trend.values != model.design.regressors.first { $0.name == "trend" }?.values, "the decomposition's trend is not linear")
        // The yearly pairs: sin² + cos² = 1 for each order, period one year.
        let sin1 = try #require(joint.design.regressors.first { $0.name == "season_sin1" }).values
        let cos1 = try #require(joint.design.regressors.first { $0.name == "season_cos1" }).values
        for t in sin1.indices { #expect(abs(sin1[t] * sin1[t] + cos1[t] * cos1[t] - 1) < 1e-12) }
        let angle = 2 * Double.pi * Double(model.dates[0].daysSinceEpoch) / 365.25
        #expect(abs(sin1[0] - sin(angle)) < 1e-12)
        #expect(joint.design.dependent == model.design.dependent && joint.design.window == window)
        #expect(notes.map(\.code) == ["bayes_joint_baseline"])
        #expect(notes.first?.message.contains("--baseline prophet") == true)
    }

    @Test func userBaselineColumnsAndModelsWithoutADecompositionStayAsTheyAre() throws {
        // Without prophet terms there is no decomposition: nothing to replace.
        let none = try Self.demoModel { $0.baselineVars = [] }
        let (same, notes) = try JointBaseline.apply(to: none)
        #expect(same.design.regressorNames == none.design.regressorNames && notes.isEmpty)
        // Only the holiday term: the holiday column is kept, so nothing is replaced either.
        let holiday = try Self.demoModel { $0.baselineVars = [.holiday] }
        let (kept, keptNotes) = try JointBaseline.apply(to: holiday)
        #expect(kept.design.regressors == holiday.design.regressors && keptNotes.isEmpty)
    }

    /// Through the backend: the default run folder carries the joint columns, `--baseline prophet` the
    /// decomposition's, and the rule says which.
    @Test func theBackendUsesTheJointBaselineByDefaultAndTheDecompositionOnRequest() async throws {
        let dir = try TrainingFixtures.temporaryDirectory()
        _ = try await CalibrationJobTests.simulate(into: dir)
        var prophet = BayesBackendTests.map
        prophet.baseline = .prophet
        for (settings, runId) in [(BayesBackendTests.map, "joint"), (prophet, "prophet")] {
            let outcome = try await BayesBackendTests.train(dir, settings: settings, threads: 2, runId: runId, steps: [])
            #expect(outcome.state == .succeeded)
            let run = URL(fileURLWithPath: outcome.location)
            let decomposition = try CSVReader().parse(Data(contentsOf: run.appendingPathComponent("pareto_alldecomp_matrix.csv")))
            #expect(decomposition.columnNames.contains("season_sin1") == (runId == "joint"), "\(runId): \(decomposition.columnNames)")
            #expect(decomposition.columnNames.contains("season") == (runId == "prophet"))
            let summary = try StrictJSON.decode(ModelSummary.self, path: run.appendingPathComponent("model_summary.json").path)
            #expect(summary.bestModelRule.contains("(\(runId) baseline, bounded range priors)"))
            #expect(outcome.diagnostics.contains { $0.code == "bayes_joint_baseline" } == (runId == "joint"))
        }
    }
}
