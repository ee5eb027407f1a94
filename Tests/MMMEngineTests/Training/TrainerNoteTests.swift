import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore
@testable import MMMEngine

/// Notes the trainer and the design builder attach to a model.
@Suite struct TrainerNoteTests {
    @Test func fixedHyperparametersEvaluateOneModel() async throws {
        let state = try DataPreparer().prepare(
            try TrainingFixtures.demoModellingTable(), config: try DemoReproductionTests.config(trainSize: 1), source: "dt_mod")
        let result = try await Trainer.train(state, options: TrainingOptions(iterations: 500, trials: 3, seed: 1, threads: 2))
        #expect(result.records.count == 1)
        #expect(result.model.notes.contains { $0.message.contains("every hyperparameter is fixed") })
    }

    @Test func shortWindowsWarnAboutRowsPerVariable() throws {
        let state = try TrainingFixtures.demoState { $0.startDate = CalendarDate(year: 2018, month: 1, day: 1) }
        let model = try ModelDesignBuilder.build(state)
        #expect(model.notes.contains { $0.severity == .warning && $0.message.hasPrefix("the window has 53 rows for 11 variables") }, "\(model.notes)")
    }
}
