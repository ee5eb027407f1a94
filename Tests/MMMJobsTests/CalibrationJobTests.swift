import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore
@testable import MMMEngine
@testable import MMMJobs

/// The job layer with lift studies and with a simulation's truth.
@Suite struct CalibrationJobTests {
    /// Simulates from the demo (3 lift tests, a placebo) into a scratch folder.
    static func simulate(into directory: URL) async throws -> Simulation {
        var options = SimulationOptions(seed: 3)
        options.liftTests = 3
        options.placebo = true
        let config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        return try await SimulationJob(config: config, source: CSVFileSource(path: TrainingFixtures.demoData), options: options)
            .run(directory: directory.path).simulation
    }

    static func train(_ directory: URL, calibration: String?, runId: String) async throws -> TrainingOutcome {
        var config = try JobConfigLoader.load(path: directory.appendingPathComponent("job_config.json").path).config
        config.calibrationInput = calibration.map { .file($0) }
        var options = TrainingOptions(iterations: 60, trials: 2, seed: 1, threads: 2)
        options.minParetoCandidates = 20
        return try await TrainingJob(
            config: config, source: CSVFileSource(path: directory.appendingPathComponent("data.csv").path), options: options,
            store: LocalRunStore(root: directory.appendingPathComponent("runs").path), runId: runId
        ).run()
    }

    @Test func aCalibrationFileIsReadIntoTheRunAndReported() async throws {
        let dir = try TrainingFixtures.temporaryDirectory()
        let sim = try await Self.simulate(into: dir)
        let outcome = try await Self.train(dir, calibration: dir.appendingPathComponent("lift_tests.csv").path, runId: "cal")
        let run = URL(fileURLWithPath: outcome.location)
        let written = try StrictJSON.decode(JobConfig.self, path: run.appendingPathComponent("job_config.json").path)
        #expect(written.calibrationStudies == sim.liftTests, "the run keeps the studies themselves")
        let table = try String(contentsOf: run.appendingPathComponent("calibration.csv"), encoding: .utf8)
        #expect(table.split(separator: "\n").count == 4)
        let summary = try StrictJSON.decode(ModelSummary.self, path: run.appendingPathComponent("model_summary.json").path)
        #expect(summary.calibration?.studies.count == 3 && summary.calibration?.formula == .robyn)
        let manifest = try StrictJSON.decode(RunManifest.self, path: run.appendingPathComponent("run_manifest.json").path)
        #expect(manifest.files.contains("calibration.csv"))
        #expect(outcome.diagnostics.contains { $0.code == "calibration_read" })
    }

    @Test func aBadCalibrationFileFailsTheRunAsAnInputError() async throws {
        let dir = try TrainingFixtures.temporaryDirectory()
        _ = try await Self.simulate(into: dir)
        let bad = dir.appendingPathComponent("bad.csv")
        try Data("channel,liftStartDate,liftEndDate,liftAbs\nradio_S,2017-01-02,2017-01-29,100\n".utf8).write(to: bad)
        do {
            _ = try await Self.train(dir, calibration: bad.path, runId: "bad")
            Issue.record("accepted an unknown channel")
        } catch let error as TrainingJobError {
            #expect(error.category == .inputData)
            #expect(error.description.contains("bad.csv:2: column 'channel': 'radio_S' is not a modelled channel"))
        }
    }

    /// When the truth is the model itself, every error is 0 and every correlation 1.
    @Test func evaluatingARunAgainstItsOwnModelGivesZeroErrors() async throws {
        let dir = try TrainingFixtures.temporaryDirectory()
        let sim = try await Self.simulate(into: dir)
        let outcome = try await Self.train(dir, calibration: nil, runId: "self")
        let result = try #require(outcome.result)
        let best = try #require(result.bestRecord.result)
        var truth = sim.truth
        let contributions = result.bestContributions
        for k in truth.channels.indices {
            let name = truth.channels[k].variable
            let media = try #require(best.media.first { $0.name == name })
            truth.channels[k].roi = media.roiTotal
            truth.channels[k].effectShare = media.effectShare
            truth.channels[k].totalSpend = media.totalSpend
            let series = try #require(contributions[name])
            truth.rows.contributions[name] = truth.rows.dates.map { series[$0] ?? 0 }
        }
        let report = try RecoveryEvaluation.evaluate(runFolder: outcome.location, truth: truth)
        #expect(report.modelId == result.bestRecord.modelId)
        #expect(report.roiMAE == 0 && report.roiMAEMain == 0 && report.effectShareMAE == 0)
        for channel in report.channels where channel.spendColumn != nil {
            #expect(channel.roiError == 0 && channel.effectShareError == 0, "\(channel.variable)")
            if (channel.effectShareModel ?? 0) > 0 {
                #expect(abs((channel.contributionCorrelation ?? 0) - 1) < 1e-12, "\(channel.variable)")
            } else {
                #expect(channel.contributionCorrelation == nil, "a constant series has no correlation")
            }
        }
        // The in-memory path gives the same report as the files.
        #expect(RecoveryEvaluation.evaluate(outcome, truth: truth) == report)
        // Against the simulation's own truth the model is not perfect, and the placebo is reported.
        let real = try RecoveryEvaluation.evaluate(runFolder: outcome.location, truth: sim.truth)
        #expect((real.roiMAE ?? 0) > 0 && real.placeboShare != nil && real.roiMAECalibrated == nil)
    }
}
