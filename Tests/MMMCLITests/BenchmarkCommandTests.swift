import Foundation
import MMMCore
import MMMTestSupport
import Testing

/// `mmm-cli benchmark` end to end on the bundled demo, in test mode (10 iterations × 1 trial per variant).
@Suite struct BenchmarkCommandTests {
    static let data = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let base = CLI.path("Examples/configs/demo_job_config.json")

    @Test func listShowsEveryExampleWithItsCount() throws {
        let out = try CLI.run(["benchmark", "list", "--dir", CLI.path("Examples/benchmarks")])
        #expect(out.code == 0, "\(out.stderr)")
        #expect(out.stdout.contains("comprehensive_benchmark — 54 variants"))
        #expect(out.stdout.contains("train_val_test_splits — 5 variants"))
        #expect(out.stdout.components(separatedBy: ".json:").count - 1 == 7)
    }

    @Test func planIsADryRunThatLinksSameAs() throws {
        let dir = try scratchDirectory()
        let out = try CLI.run([
            "benchmark", "plan", "--config", CLI.path("Examples/benchmarks/time_aggregation.json"), "--data", Self.data,
            "--output", dir.path, "--test-run-all",
        ])
        #expect(out.code == 0, "\(out.stderr)")
        let id = try #require(out.stdout.split(separator: "\n").first?.replacingOccurrences(of: "Benchmark ID: ", with: ""))
        let plan = try StrictJSON.decode(BenchmarkPlan.self, path: dir.path + "/\(id)/plan.json")
        #expect(plan.variants.count == 3 && plan.variants[1].sameAs == plan.variants[0].id)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/\(id)/variants/\(plan.variants[0].id)"))
    }

    @Test func fullRunsCollectsAndAnalysesThenResumes() throws {
        let dir = try scratchDirectory()
        let args = ["benchmark", "full", "--base", Self.base, "--data", Self.data, "--output", dir.path, "--quiet"]
        let out = try CLI.run(args)
        #expect(out.code == 0, "\(out.stderr)")
        #expect(out.stdout.contains("trained 27, already finished 0, same_as 27, skipped 0, failed 0"))
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first)
        let root = dir.path + "/" + folder
        let csv = try String(contentsOfFile: root + "/results.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 54 + 1)
        for file in ["report.html", "recommendations.json", "rsq_comparison.svg", "best_models_summary.svg"] {
            #expect(FileManager.default.fileExists(atPath: root + "/analysis/" + file), "\(file)")
        }
        let again = try CLI.run(args)
        #expect(again.code == 0, "\(again.stderr)")
        #expect(again.stdout.contains("trained 0, already finished 54"))
        let collect = try CLI.run(["benchmark", "collect", root, "--format", "parquet"])
        #expect(collect.code == 2 && collect.stderr.contains("Parquet"))
    }

    @Test func runTestRunTrainsTheFirstVariant() throws {
        let dir = try scratchDirectory()
        let out = try CLI.run([
            "benchmark", "run", "--config", CLI.path("Examples/benchmarks/adstock_comparison.json"), "--data", Self.data,
            "--output", dir.path, "--test-run", "--json", "--quiet",
        ])
        #expect(out.code == 0, "\(out.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: out.stdoutData) as? [[String: Any]])
        #expect((reports.first?["trained"] as? [String])?.count == 1)
        #expect((reports.first?["benchmark_id"] as? String)?.hasSuffix("_test") == true)
    }

    @Test(arguments: [
        (#"{"name": "x", "base": "BASE", "variants": {"adstocks": [{"name": "a", "adstock": "geometric"}]}}"#, "unknown dimension 'adstocks'"),
        (#"{"name": "x", "base": "BASE", "variants": {"seed": []}}"#, "$.variants.seed: the list is empty"),
        (#"{"name": "x", "base": "BASE", "variants": {"adstock": [{"name": "a", "hyperparameter_preset": null}]}}"#, "null is not allowed"),
        (#"{"name": "x", "base": "BASE", "variants": {"adstock": [{"name": "a"}]}}"#, "sets nothing"),
        (#"{"name": "x", "base": "BASE", "variants": {"spend_var_mapping": [{"name": "a", "mapping_strategy": "spend_to_proxy", "proxy_mapping": {"tv_S": "tv_GRP"}}]}}"#, "'tv_GRP' is not a column of the data"),
    ])
    func badConfigsAreOneLineWithExitCode2(json: String, words: String) throws {
        let dir = try scratchDirectory()
        let path = try write(json.replacingOccurrences(of: "BASE", with: Self.base), "bench.json", in: dir)
        let out = try CLI.run(["benchmark", "run", "--config", path, "--data", Self.data, "--output", dir.path + "/out", "--test-run"])
        #expect(out.code == 2, "\(out.stderr)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("error: \(path): $.variants"), "\(out.stderr)")
        #expect(out.stderr.contains(words), "\(out.stderr)")
    }
}
