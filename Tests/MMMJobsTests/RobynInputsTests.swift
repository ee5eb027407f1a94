import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore
@testable import MMMEngine
@testable import MMMJobs

/// The configuration R runs resolves to the model the job's own configuration describes.
@Suite struct RobynInputsTests {
    private func request(_ edit: (inout JobConfig) -> Void, daily: Bool = false) throws -> TrainingRequest {
        var config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        edit(&config)
        try config.validate()
        let state = try DataPreparer().prepare(csvPath: TrainingFixtures.demoData, config: config)
        return TrainingRequest(
            prepared: state, options: TrainingOptions(iterations: 7, trials: 3, seed: 18_446_744_073_709_551_615, threads: 2),
            runId: "x")
    }

    @Test(arguments: [AdstockType.geometric, .weibullCDF, .weibullPDF])
    func everyBoundIsExplicitAndResolvesTheSame(adstock: AdstockType) throws {
        let original = try request { config in
            config = config.overridingAdstock(adstock, origin: "test").0
            config.hyperparameterPreset = .meshedRecommend
            config.customHyperparameters["alphas_max"] = ParameterBound(fixed: 2.5)
            config.customHyperparameters["lambda"] = ParameterBound(0.1, 0.9)
        }
        let given = try RobynInputs.config(for: original)
        #expect(try given.resolvedHyperparameterBounds() == original.prepared.config.resolvedHyperparameterBounds())
        let kinds = HyperparameterKind.kinds(for: adstock)
        #expect(given.customHyperparameters.count == given.modelledMediaVariables.count * kinds.count + 1)
        #expect(given.customHyperparameters["alphas_max"] == nil, "global keys are applied, not passed on")
        #expect(given.customHyperparameters["lambda"] == ParameterBound(0.1, 0.9))
        #expect(given.customHyperparameters["tv_S_alphas"]?.upper == 2.5)
        // JSON round trip: what R reads decodes back to the same configuration.
        #expect(try StrictJSON.decode(JobConfig.self, from: StrictJSON.encode(given)) == given)
    }

    @Test func searchSizesSeedWindowAndBaselineAreExplicit() throws {
        let r = try request { config in
            config.baselineVars = nil
            config.holidaysCountry = nil
            config.threads = 8
        }
        let given = try RobynInputs.config(for: r)
        #expect(given.iterations == 7 && given.trials == 3 && given.seed == 18_446_744_073_709_551_615)
        #expect(given.threads == nil)
        #expect(given.baselineVars == [.trend, .season, .holiday], "weekly data, a country: trend, season, holiday")
        #expect(given.holidaysCountry == "de")
        #expect(given.startDate == CalendarDate(year: 2016, month: 1, day: 4), "snapped to the data")
    }

    @Test func theFilesAreWritten() throws {
        let directory = try TrainingFixtures.temporaryDirectory()
        let r = try request { _ in }
        let written = try RobynInputs.write(r, to: directory)
        let config = try StrictJSON.decode(JobConfig.self, path: directory.appendingPathComponent("job_config.json").path)
        #expect(config == written)
        let csv = try String(contentsOf: directory.appendingPathComponent("prepared_data.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 209)
        #expect(lines[1].hasPrefix("2015-11-23,"))
    }
}
