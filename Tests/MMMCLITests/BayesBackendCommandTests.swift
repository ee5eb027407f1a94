import Foundation
import MMMTestSupport
import Testing

/// `train --backend bayes` through the built binary on the demo data: the complete run folder, `allocate` and
/// `report` on it, byte-identical files for any thread count, and bad `roi_priors` refused with exit 2.
@Suite struct BayesBackendCommandTests {
    static let posteriorColumns = "name,channel,mean,sd,q05,q50,q95,r_hat,ess_bulk,ess_tail"

    static func train(_ output: URL, runId: String, _ extra: [String], config: String = TrainCommandTests.demoConfig) throws
        -> ProcessOutput
    {
        try CLI.run(
            [
                "train", "--backend", "bayes", "--data", TrainCommandTests.demoData, "--config", config,
                "--output", output.path, "--run-id", runId,
            ] + extra)
    }

    /// Checks the files every later step needs and returns the posterior.csv bytes.
    static func checkRunFolder(_ run: URL, method: String) throws -> Data {
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: run.path))
        for file in [
            "model_summary.json", "pareto_aggregated.csv", "pareto_hyperparameters.csv", "pareto_alldecomp_matrix.csv",
            "model.json", "posterior.csv", "draws.parquet", "posterior_diagnostics.json", "status.json", "run_manifest.json",
        ] {
            #expect(files.contains(file), "\(file) is missing from \(run.path)")
        }
        let posterior = try Data(contentsOf: run.appendingPathComponent("posterior.csv"))
        let lines = String(decoding: posterior, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.first == posteriorColumns)
        for channel in ["tv_S", "ooh_S", "print_S", "facebook_I", "search_clicks_P"] {
            #expect(lines.contains { $0.hasPrefix("roi,\(channel),") }, "posterior.csv has no roi row for \(channel)")
        }
        let summary = try jsonObject(try String(contentsOfFile: run.appendingPathComponent("model_summary.json").path, encoding: .utf8))
        #expect((summary["engine"] as? [String: Any])?["name"] as? String == "mmm-trainer-bayes")
        let diagnostics = try jsonObject(
            try String(contentsOfFile: run.appendingPathComponent("posterior_diagnostics.json").path, encoding: .utf8))
        #expect(diagnostics["method"] as? String == method)
        let status = try jsonObject(try String(contentsOfFile: run.appendingPathComponent("status.json").path, encoding: .utf8))
        #expect(status["state"] as? String == "SUCCEEDED")
        return posterior
    }

    @Test func aMAPRunWritesACompleteRunFolderThatAllocateAndReportUse() throws {
        let dir = try scratchDirectory()
        let r = try Self.train(dir, runId: "map", ["--inference", "map", "--threads", "2"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("posterior-mean model 1_1_1 (MAP + Laplace, approximate)"), "\(r.stdout)")
        #expect(r.stdout.contains("ROI [90 % interval]"))
        let run = dir.appendingPathComponent("map")
        _ = try Self.checkRunFolder(run, method: "map")
        let allocate = try CLI.run(["allocate", "--run", run.path, "--json"])
        #expect(allocate.code == 0, "\(allocate.stderr)")
        #expect(try jsonObject(allocate.stdout)["channels"] != nil, "\(allocate.stdout)")
        try FileManager.default.removeItem(at: run.appendingPathComponent("report.html"))
        let report = try CLI.run(["report", run.path])
        #expect(report.code == 0, "\(report.stderr)")
        let html = try String(contentsOf: run.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("id=\"posterior\"") && html.contains("90 % interval"))
    }

    @Test func aSmallNUTSRunIsByteIdenticalForOneAndTwoThreads() throws {
        let dir = try scratchDirectory()
        var posteriors: [Data] = []
        for threads in ["1", "2"] {
            let r = try Self.train(
                dir.appendingPathComponent(threads), runId: "nuts",
                ["--chains", "2", "--warmup", "60", "--draws", "30", "--seed", "7", "--threads", threads, "--no-report"])
            #expect(r.code == 0, "\(r.stderr)")
            #expect(r.stdout.contains("(NUTS 2 × 30 draws)"), "\(r.stdout)")
            posteriors.append(try Self.checkRunFolder(dir.appendingPathComponent("\(threads)/nuts"), method: "nuts"))
        }
        #expect(posteriors[0] == posteriors[1], "posterior.csv differs between 1 and 2 threads")
        let draws = try (["1", "2"]).map { try Data(contentsOf: dir.appendingPathComponent("\($0)/nuts/draws.parquet")) }
        #expect(draws[0] == draws[1], "draws.parquet differs between 1 and 2 threads")
    }

    @Test(arguments: [
        (#"{"tv_S":{"mean":2,"sd":-1}}"#, "$.roi_priors.tv_S.sd"),
        (#"{"radio_S":{"mean":2,"sd":1}}"#, "$.roi_priors.radio_S"),
    ])
    func badROIPriorsExitTwoNamingTheJSONPath(priors: String, path: String) throws {
        let dir = try scratchDirectory()
        var config = try jsonObject(try String(contentsOfFile: TrainCommandTests.demoConfig, encoding: .utf8))
        config["roi_priors"] = try JSONSerialization.jsonObject(with: Data(priors.utf8))
        let file = dir.appendingPathComponent("config.json")
        try JSONSerialization.data(withJSONObject: config).write(to: file)
        let r = try Self.train(dir, runId: "bad", ["--inference", "map"], config: file.path)
        #expect(r.code == 2, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stderr.contains(path), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad").path), "no run folder for a bad config")
    }

    /// A Bayesian-only flag: without `--backend bayes`, or with an unknown value, the flag is named, exit 2, and no
    /// run folder is made.
    func expectChecked(_ flag: String, valid: String, unknown value: String) throws {
        let dir = try scratchDirectory()
        let native = try CLI.run(
            [
                "train", "--data", TrainCommandTests.demoData, "--config", TrainCommandTests.demoConfig, "--output", dir.path,
                "--run-id", "native", flag, valid,
            ])
        #expect(native.code == 2 && native.stderr.contains("\(flag) needs --backend bayes"), "\(native.stderr)")
        let unknown = try Self.train(dir, runId: "unknown", [flag, value])
        #expect(unknown.code == 2 && unknown.stderr.contains(flag), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("native").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("unknown").path))
    }

    @Test func theBaselineFlagIsCheckedAndNamed() throws {
        try expectChecked("--baseline", valid: "prophet", unknown: "fourier")
    }

    @Test func theRangePriorFlagIsCheckedNamedAndRecorded() throws {
        try expectChecked("--range-prior", valid: "matched", unknown: "flat")
        let dir = try scratchDirectory()
        for choice in ["bounded", "matched"] {
            let run = try Self.train(dir, runId: choice, ["--inference", "map", "--draws", "50", "--range-prior", choice])
            #expect(run.code == 0, "\(run.stderr)")
            let summary = try jsonObject(
                try String(contentsOfFile: dir.appendingPathComponent("\(choice)/model_summary.json").path, encoding: .utf8))
            let rule = summary["best_model_rule"] as? String ?? ""
            #expect(rule.contains("\(choice) range priors"), "\(rule)")
        }
        // The flag reaches the model: the two posteriors differ.
        let posteriors = try ["bounded", "matched"].map { try Data(contentsOf: dir.appendingPathComponent("\($0)/posterior.csv")) }
        #expect(posteriors[0] != posteriors[1])
    }
}
