import Foundation
import MMMParquet
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

    @Test func aPlanForTheBayesianBackendLinksWhatItDoesNotRead() throws {
        let dir = try scratchDirectory()
        func plan(_ backend: String) throws -> (BenchmarkPlan, String) {
            let out = try CLI.run([
                "benchmark", "plan", "--config", CLI.path("Examples/benchmarks/train_val_test_splits.json"), "--data", Self.data,
                "--output", dir.path + "/" + backend, "--backend", backend,
            ])
            #expect(out.code == 0, "\(out.stderr)")
            let id = try #require(out.stdout.split(separator: "\n").first?.replacingOccurrences(of: "Benchmark ID: ", with: ""))
            return (try StrictJSON.decode(BenchmarkPlan.self, path: dir.path + "/\(backend)/\(id)/plan.json"), out.stdout)
        }
        let (native, nativeText) = try plan("native")
        #expect(native.variants.allSatisfy { $0.sameAs == nil } && nativeText.contains("Cloud Run"))
        let (bayes, bayesText) = try plan("bayes")
        #expect(bayes.variants.dropFirst().allSatisfy { $0.sameAs == bayes.variants[0].id })
        #expect(bayes.variants.last?.sameAsReason?.contains("does not use train_size") == true)
        #expect(!bayesText.contains("Cloud Run"), "a Bayesian plan has no candidates to price")
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
        #expect(collect.code == 0, "\(collect.stderr)")
        // The Parquet copy holds the same table, typed: read it back with our reader and compare cell by cell.
        let parquet = try ParquetReader().readColumns(path: root + "/results.parquet")
        #expect(parquet.columns.map(\.name) == csv.split(separator: "\n")[0].split(separator: ",").map(String.init))
        #expect(parquet.rowCount == 55)
        let seeds = try #require(parquet.columns.first { $0.name == "seed" })
        #expect(seeds.values == .int64(Array(repeating: 123, count: 54) + [nil]))
        let ids = try #require(parquet.columns.first { $0.name == "variant_id" })
        if case .string(let values) = ids.values { #expect(values.last == "naive_baseline") } else { Issue.record("variant_id is not text") }
        let nrmse = try #require(parquet.columns.first { $0.name == "nrmse_val" })
        if case .double(let values) = nrmse.values { #expect(values.prefix(54).allSatisfy { $0 != nil }) } else { Issue.record("nrmse_val is not a number") }
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

    @Test func aBayesianBenchmarkFitsEachVariantWithTheGivenSettings() throws {
        let dir = try scratchDirectory()
        let out = try CLI.run([
            "benchmark", "run", "--config", CLI.path("Examples/benchmarks/train_val_test_splits.json"), "--base", Self.base,
            "--data", Self.data, "--output", dir.path, "--backend", "bayes", "--inference", "map", "--draws", "30", "--json", "--quiet",
        ])
        #expect(out.code == 0, "\(out.stderr)")
        let report = try #require((try JSONSerialization.jsonObject(with: out.stdoutData) as? [[String: Any]])?.first)
        let trained = try #require(report["trained"] as? [String])
        let linked = try #require(report["same_as"] as? [String])
        // Every split is the same Bayesian model (it fits the whole window): one fit, the others linked to it.
        #expect(trained.count == 1 && !linked.isEmpty, "\(report)")
        let id = try #require(report["benchmark_id"] as? String)
        let results = try String(contentsOfFile: dir.path + "/\(id)/results.csv", encoding: .utf8)
        #expect(results.split(separator: "\n").first?.contains("bayes_verdict,roi_q05_tv_S,roi_q95_tv_S") == true)
        let folder = dir.path + "/\(id)/variants/\(trained[0])"
        let diagnostics = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/posterior_diagnostics.json"))) as? [String: Any])
        #expect((diagnostics["settings"] as? [String: Any])?["draws"] as? Int == 30)
    }

    @Test func aBayesianBenchmarkThroughALocalQueueCarriesItsSettingsToTheWorkers() throws {
        let dir = try scratchDirectory()
        let out = try CLI.run([
            "benchmark", "run", "--config", CLI.path("Examples/benchmarks/adstock_comparison.json"), "--base", Self.base,
            "--data", Self.data, "--output", dir.path + "/out", "--executor", "queue", "--queue-root", dir.path + "/queues",
            "--queue", "bayes", "--parallel", "2", "--poll-seconds", "0.2", "--backend", "bayes", "--inference", "map",
            "--draws", "25", "--json", "--quiet",
        ])
        #expect(out.code == 0, "\(out.stderr)")
        let report = try #require((try JSONSerialization.jsonObject(with: out.stdoutData) as? [[String: Any]])?.first)
        #expect(report["counts"] as? [String: Int] == ["SUCCEEDED": 3], "\(report)")
        let id = try #require(report["benchmark_id"] as? String)
        let variants = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out/\(id)/variants")
        #expect(variants.count == 3)
        for variant in variants {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/out/\(id)/variants/\(variant)/posterior_diagnostics.json"))
            let diagnostics = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(diagnostics["method"] as? String == "map")
            #expect((diagnostics["settings"] as? [String: Any])?["draws"] as? Int == 25)
        }
        let results = try String(contentsOfFile: dir.path + "/out/\(id)/results.csv", encoding: .utf8)
        #expect(results.contains("bayes_verdict") && results.contains(",approximate,"))
    }

    @Test(arguments: [
        (["benchmark", "run", "--all-benchmarks", "--inference", "map"], "--inference needs --backend bayes"),
        (["benchmark", "run", "--all-benchmarks", "--backend", "bayes", "--chains", "0"], "--chains"),
        (["benchmark", "full", "--base", "unused.json", "--draws", "5"], "--draws needs --backend bayes"),
        (["cost", "estimate", "--iterations", "10", "--trials", "1", "--variants", "2", "--engine", "bayes"], "--engine bayes: not estimated here"),
    ])
    func bayesianFlagsAreCheckedByName(arguments: [String], words: String) throws {
        let out = try CLI.run(arguments)
        #expect(out.code == 2, "\(out.stderr)")
        #expect(out.stderr.contains(words), "\(out.stderr)")
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
