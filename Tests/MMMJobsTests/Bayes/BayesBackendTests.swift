import Foundation
import MMMParquet
import MMMTestSupport
import Testing

@testable import MMMBayes
@testable import MMMCore
@testable import MMMEngine
@testable import MMMJobs

/// The Bayesian backend through the job layer: the native run folder with the posterior-mean model, the posterior
/// files, the after-steps, the run-folder convention, and byte-identical files for any thread count.
@Suite struct BayesBackendTests {
    static func train(
        _ directory: URL, settings: BayesSettings, threads: Int, runId: String, calibration: Bool = true,
        steps: [any AfterTrainingStep] = [AllocateStep(), ReportStep()]
    ) async throws -> TrainingOutcome {
        var config = try JobConfigLoader.load(path: directory.appendingPathComponent("job_config.json").path).config
        if calibration { config.calibrationInput = .file(directory.appendingPathComponent("lift_tests.csv").path) }
        var job = TrainingJob(
            config: config, source: CSVFileSource(path: directory.appendingPathComponent("data.csv").path),
            options: TrainingOptions(iterations: 1, trials: 1, seed: 5, threads: threads),
            store: LocalRunStore(root: directory.appendingPathComponent("runs-\(threads)").path), runId: runId)
        job.backend = BayesBackend(settings: settings)
        job.afterTraining = steps
        return try await job.run()
    }

    static var map: BayesSettings {
        var settings = BayesSettings()
        settings.inference = .map
        settings.draws = 300
        return settings
    }

    @Test func aMAPRunWritesTheNativeRunFolderThePosteriorAndTheAfterSteps() async throws {
        let dir = try TrainingFixtures.temporaryDirectory()
        let simulation = try await CalibrationJobTests.simulate(into: dir)
        let outcome = try await Self.train(dir, settings: Self.map, threads: 2, runId: "map")
        #expect(outcome.state == .succeeded)
        let run = URL(fileURLWithPath: outcome.location)
        let files = try FileManager.default.contentsOfDirectory(atPath: run.path)
        for file in RobynTable.allCases.map(\.fileName) + [
            "model_summary.json", "posterior.csv", "draws.parquet", "posterior_diagnostics.json", "model.json",
            "allocation.json", "report.html",
        ] {
            #expect(files.contains(file), "\(file) is missing")
        }
        let summary = try StrictJSON.decode(ModelSummary.self, path: run.appendingPathComponent("model_summary.json").path)
        #expect(summary.engine.name == "mmm-trainer-bayes")
        #expect(summary.bestModel.modelId == "1_1_1" && summary.paretoModelCount == 1)
        #expect(summary.bestModelRule.contains("posterior-mean model"))
        #expect(summary.allocation != nil, "the allocator optimised the posterior-mean curves")
        let posterior = try CSVReader().parse(Data(contentsOf: run.appendingPathComponent("posterior.csv")))
        #expect(posterior.columnNames == ["name", "channel", "mean", "sd", "q05", "q50", "q95", "r_hat", "ess_bulk", "ess_tail"])
        let names = try #require(posterior["name"]).cellTexts
        #expect(Set(names).isSuperset(of: ["roi", "contribution_share", "beta", "adstock_theta", "hill_alpha", "hill_gamma", "sigma", "intercept"]))
        let draws = try ParquetReader().readTable(path: run.appendingPathComponent("draws.parquet").path)
        #expect(draws.rowCount == 300)
        #expect(draws.columnNames.prefix(2) == ["chain", "draw"] && draws.columnNames.count == names.count + 2)
        let diagnostics = try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("posterior_diagnostics.json"))) as? [String: Any]
        #expect(diagnostics?["method"] as? String == "map")
        #expect((diagnostics?["verdict"] as? [String: Any])?["status"] as? String == "approximate")
        let report = try String(contentsOf: run.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("id=\"posterior\"") && report.contains("90 % interval"))
        #expect(outcome.diagnostics.contains { $0.code == "bayes_verdict" })
        // evaluate works on the run folder unchanged.
        let recovery = try RecoveryEvaluation.evaluate(runFolder: run.path, truth: simulation.truth)
        #expect(recovery.roiMAEMain != nil && recovery.channels.count == simulation.truth.channels.count)
    }

    /// The documented convention: roi_total is the posterior mean ROI, the interval columns are its 5 % and 95 %
    /// quantiles, and model.json's curve reproduces the posterior-mean contribution over the window.
    @Test func theRunFolderConventionHolds() async throws {
        let dir = try TrainingFixtures.temporaryDirectory()
        _ = try await CalibrationJobTests.simulate(into: dir)
        let outcome = try await Self.train(dir, settings: Self.map, threads: 2, runId: "convention")
        let run = URL(fileURLWithPath: outcome.location)
        let posterior = try CSVReader().parse(Data(contentsOf: run.appendingPathComponent("posterior.csv")))
        let aggregated = try CSVReader().parse(Data(contentsOf: run.appendingPathComponent("pareto_aggregated.csv")))
        let names = try #require(posterior["name"]).cellTexts
        let owners = try #require(posterior["channel"]).cellTexts
        let model = try StrictJSON.decode(ModelFile.self, path: run.appendingPathComponent("model.json").path)
        var checked = 0
        for row in 0..<posterior.rowCount where names[row] == "roi" {
            let channel = owners[row]
            let rn = try #require(aggregated["rn"])
            let aggregatedRow = try #require(rn.cellTexts.firstIndex(of: channel))
            #expect(close(try value(aggregated, "roi_total", aggregatedRow), try value(posterior, "mean", row)), "\(channel) roi_total")
            #expect(close(try value(aggregated, "ci_low", aggregatedRow), try value(posterior, "q05", row)))
            #expect(close(try value(aggregated, "ci_up", aggregatedRow), try value(posterior, "q95", row)))
            let total = try value(aggregated, "xDecompAgg", aggregatedRow)
            let media = try #require(model.media(named: channel))
            let windowRows = try summaryWindowRows(run)
            let rows = Double(try #require(windowRows))
            #expect(close(media.windowMeanResponse * rows, total, relative: 1e-9), "\(channel): model.json's curve reproduces the contribution")
            checked += 1
        }
        #expect(checked == 6)
    }

    @Test func aNUTSRunIsByteIdenticalForAnyThreadCount() async throws {
        let dir = try TrainingFixtures.temporaryDirectory()
        _ = try await CalibrationJobTests.simulate(into: dir)
        var settings = BayesSettings()
        settings.chains = 3
        settings.warmup = 60
        settings.draws = 40
        let one = try await Self.train(dir, settings: settings, threads: 1, runId: "same", steps: [AllocateStep()])
        let three = try await Self.train(dir, settings: settings, threads: 3, runId: "same", steps: [AllocateStep()])
        for file in RobynTable.allCases.map(\.fileName) + [
            "model_summary.json", "posterior.csv", "draws.parquet", "posterior_diagnostics.json", "model.json", "allocation.json",
        ] {
            let a = try Data(contentsOf: URL(fileURLWithPath: one.location).appendingPathComponent(file))
            let b = try Data(contentsOf: URL(fileURLWithPath: three.location).appendingPathComponent(file))
            #expect(a == b, "\(file) differs between 1 and 3 threads")
            #expect(a.count > 100)
        }
    }

    @Test func aROIPriorOnAChannelThePreparationDroppedIsNamedInTheError() async throws {
        // A ROI prior the posterior refuses is reported at its JSON path.
        var config = JobConfig(depVar: "y", paidMedia: [MediaPair(spend: "tv_S", variable: "tv_S")])
        config.roiPriors = ["tv_S": ROIPrior(mean: 1, sd: 1)]
        let error = BayesInputError.translate(
            BayesError(.invalidInput, path: "channels.tv_S.priors.effect", "a ROI prior needs spend in the window"), config: config)
        #expect((error as? ConfigError)?.path == "$.roi_priors.tv_S")
        let lift = BayesInputError.translate(BayesError(.invalidInput, path: "liftTests[2].rows", "outside"), config: config)
        #expect((lift as? ConfigError)?.path == "$.calibration_input[2]")
    }

    private func value(_ table: DataTable, _ column: String, _ row: Int) throws -> Double {
        try #require(table[column]?.numbers)[row]
    }

    private func summaryWindowRows(_ run: URL) throws -> Int? {
        let matrix = try CSVReader().parse(Data(contentsOf: run.appendingPathComponent("pareto_alldecomp_matrix.csv")))
        return matrix.rowCount
    }

    private func close(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
        abs(a - b) <= relative * Swift.max(abs(a), abs(b), 1e-300)
    }
}

extension Column {
    /// Every cell as text.
    fileprivate var cellTexts: [String] { (0..<values.count).map(cellText) }
}
