import Foundation
import MMMCore
import Testing

@Suite struct GenerationTests {
    static let dims = """
        "adstock": [{"name": "g", "adstock": "geometric"}, {"name": "w", "adstock": "weibull_cdf"}],
        "train_splits": [{"name": "a", "train_size": [0.7, 0.9]}, {"name": "b", "train_size": 0.75}, {"name": "c", "train_size": [0.6, 0.8]}],
        "seed": [{"name": "s1", "seed": 1}, {"name": "s2", "seed": 2}]
        """

    @Test func singleIsTheSumAndCartesianTheProduct() throws {
        let single = try Bench.plan(#"{"name": "x", "variants": {\#(Self.dims)}}"#)
        #expect(single.variants.count == 2 + 3 + 2)
        #expect(single.variants.map(\.test) == ["adstock", "adstock", "train_split", "train_split", "train_split", "seed", "seed"])
        let cartesian = try Bench.plan(#"{"name": "x", "combination_mode": "cartesian", "variants": {\#(Self.dims)}}"#)
        #expect(cartesian.variants.count == 2 * 3 * 2)
        #expect(cartesian.variants.first?.name == "g_a_s1")
        #expect(Set(cartesian.variants.map(\.id)).count == 12)
    }

    @Test func deltasDoNotResetEarlierDimensions() throws {
        let plan = try Bench.plan(#"{"name": "x", "combination_mode": "cartesian", "variants": {\#(Self.dims)}}"#)
        let base = try Bench.base()
        let v = try #require(plan.variants.first { $0.name == "w_b_s2" })
        #expect(v.config.adstock == .weibullCDF)
        #expect(v.config.trainSize == .fixed(0.75))
        #expect(v.config.seed == 2)
        // Untouched fields keep the base's values; theta bounds the Weibull adstock cannot use are dropped (with a note).
        #expect(v.config.hyperparameterPreset == base.hyperparameterPreset)
        #expect(v.config.paidMedia == base.paidMedia)
        #expect(v.config.customHyperparameters.isEmpty && !base.customHyperparameters.isEmpty)
        #expect(v.notes.contains { $0.code == "adstock_bounds_dropped" })
        let g = try #require(plan.variants.first { $0.name == "g_c_s1" })
        #expect(g.config.customHyperparameters == base.customHyperparameters)
        #expect(g.config.trainSize == .range(0.6, 0.8))
    }

    @Test func idsAreDeterministicAndFollowTheConfiguration() throws {
        let json = #"{"name": "x", "combination_mode": "cartesian", "variants": {\#(Self.dims)}}"#
        let a = try Bench.plan(json), b = try Bench.plan(json)
        #expect(a.variants.map(\.id) == b.variants.map(\.id))
        #expect(a.benchmarkId == b.benchmarkId && a.benchmarkId.hasPrefix("x_"))
        let test = try Bench.plan(json, mode: .testRunAll)
        #expect(Set(test.variants.map(\.id)).isDisjoint(with: a.variants.map(\.id)))
        #expect(test.benchmarkId.hasSuffix("_testall"))
        #expect(a.variants.allSatisfy { $0.config.benchmark?.variantId == $0.id && $0.config.benchmark?.id == a.benchmarkId })
        let first = try Bench.plan(json, mode: .testRun)
        #expect(first.variants.count == 1 && first.iterations == 10 && first.trials == 1)
    }

    @Test func truncationWarns() throws {
        let plan = try Bench.plan(#"{"name": "x", "combination_mode": "cartesian", "max_combinations": 5, "variants": {\#(Self.dims)}}"#)
        #expect(plan.variants.count == 5)
        #expect(plan.combinations == 12)
        #expect(plan.notes.contains { $0.code == "benchmark_truncated" && $0.severity == .warning })
    }

    @Test func identicalConfigurationsAreLinked() throws {
        let plan = try Bench.plan(#"{"name": "x", "variants": {"seed": [{"name": "a", "seed": 7}, {"name": "b", "seed": 7}]}}"#)
        #expect(plan.variants[0].id != plan.variants[1].id)
        #expect(plan.variants[1].sameAs == plan.variants[0].id)
    }

    @Test func spendVarMappingStrategies() throws {
        let plan = try Bench.plan(try String(contentsOfFile: Bench.repo("Examples/benchmarks/spend_var_mapping.json"), encoding: .utf8))
        func vars(_ name: String) throws -> [String] { try #require(plan.variants.first { $0.name == name }).config.paidMedia.map(\.variable) }
        #expect(try vars("spend_to_spend") == ["tv_S", "ooh_S", "print_S", "facebook_S", "search_S"])
        #expect(try vars("spend_to_proxy") == ["tv_S", "ooh_S", "print_S", "facebook_I", "search_clicks_P"])
        #expect(try vars("mixed_by_funnel") == ["tv_S", "ooh_S", "print_S", "facebook_I", "search_S"])
    }

    @Test func overridesAreValidatedByFieldName() throws {
        let plan = try Bench.plan(#"{"name": "x", "variants": {"overrides": [{"name": "robyn", "set": {"hyperparameter_preset": "Robyn default", "baseline_vars": ["trend"]}}]}}"#)
        #expect(plan.variants[0].config.hyperparameterPreset == .robynDefault)
        #expect(plan.variants[0].config.baselineVars == [.trend])
        let unknown = #expect(throws: ConfigError.self) { try Bench.config(#"{"name": "x", "variants": {"overrides": [{"name": "a", "set": {"adstok": "geometric"}}]}}"#) }
        #expect(unknown?.path == "$.variants.overrides[0].set.adstok")
        #expect(unknown?.message.contains("did you mean 'adstock'") == true)
        let badValue = #expect(throws: ConfigError.self) { try Bench.plan(#"{"name": "x", "variants": {"overrides": [{"name": "a", "set": {"resample_freq": "Q"}}]}}"#) }
        #expect(badValue?.path == "$.variants.overrides[0].set.resample_freq")
        let reserved = #expect(throws: ConfigError.self) { try Bench.config(#"{"name": "x", "variants": {"overrides": [{"name": "a", "set": {"iterations": 5}}]}}"#) }
        #expect(reserved?.path == "$.variants.overrides[0].set.iterations")
    }

    @Test(arguments: [
        (#"{"name": "x", "variants": {"adstocks": [{"name": "a", "adstock": "geometric"}]}}"#, "$.variants.adstocks", "unknown dimension"),
        (#"{"name": "x", "variants": {"adstock": []}}"#, "$.variants.adstock", "empty"),
        (#"{"name": "x", "variants": {"adstock": [{"name": "a"}]}}"#, "$.variants.adstock[0]", "sets nothing"),
        (#"{"name": "x", "variants": {"adstock": [{"name": "a", "adstock": "geometric", "decay": 1}]}}"#, "$.variants.adstock[0].decay", "unknown key"),
        (#"{"name": "x", "variants": {"time_aggregation": [{"name": "a", "resample_freq": "D"}]}}"#, "$.variants.time_aggregation[0].resample_freq", "unknown value"),
        (#"{"name": "x", "variants": {"spend_var_mapping": [{"name": "a", "mapping_strategy": "mixed"}]}}"#, "$.variants.spend_var_mapping[0].mapping_strategy", "mixed"),
        (#"{"name": "x", "variants": {"seed": [{"name": "a", "seed": 1}, {"name": "a", "seed": 2}]}}"#, "$.variants.seed[1].name", "twice"),
        (#"{"name": "x", "varaints": {}}"#, "$.varaints", "did you mean 'variants'"),
    ])
    func badConfigsNameThePath(json: String, path: String, words: String) throws {
        let error = #expect(throws: ConfigError.self) { try Bench.config(json) }
        #expect(error?.path == path)
        #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
        #expect(error?.category.exitCode == 2)
    }

    @Test func unknownSpendAndProxyColumnsAreErrors() throws {
        let spend = #expect(throws: ConfigError.self) {
            try Bench.plan(#"{"name": "x", "variants": {"spend_var_mapping": [{"name": "a", "mapping_strategy": "spend_to_proxy", "proxy_mapping": {"radio_S": "radio_I"}}]}}"#)
        }
        #expect(spend?.path == "$.variants.spend_var_mapping[0].proxy_mapping.radio_S")
        let config = try Bench.config(#"{"name": "x", "variants": {"spend_var_mapping": [{"name": "a", "mapping_strategy": "spend_to_proxy", "proxy_mapping": {"tv_S": "tv_GRP"}}]}}"#)
        let columns = #expect(throws: ConfigError.self) { try config.checkColumns(in: ["tv_S", "revenue"]) }
        #expect(columns?.path == "$.variants.spend_var_mapping[0].proxy_mapping.tv_S")
        #expect(columns?.message.contains("'tv_GRP' is not a column") == true)
    }

    @Test func previousSystemFilesLoadWithNotes() throws {
        let adstock = try BenchmarkConfigLoader.load(path: Bench.repo("Tests/Fixtures/benchmark/legacy/adstock_comparison.json"))
        #expect(adstock.baseHint?.relativePath == "training_data/de/N_UPLOADS_WEB/Latest/selected_columns.json")
        #expect(adstock.notes.filter { $0.code == "benchmark_legacy_key" }.count == 3)
        #expect(adstock.notes.contains { $0.code == "benchmark_legacy_preset" })
        let missing = #expect(throws: ConfigError.self) {
            try BenchmarkConfigLoader.loadBase(for: adstock, configPath: Bench.repo("Tests/Fixtures/benchmark/legacy/adstock_comparison.json"))
        }
        #expect(missing?.path == "$.base_config" && missing?.message.contains("--base") == true)
        let base = try Bench.base()
        let plan = try BenchmarkGenerator(config: adstock, base: base, baseLabel: "demo").plan(createdAt: Date())
        #expect(plan.variants.map(\.config.adstock) == [.geometric, .weibullCDF, .weibullPDF])
        #expect(plan.variants.map(\.config.hyperparameterPreset) == [.meshedRecommend, .facebookRecommend, .facebookRecommend])

        let time = try BenchmarkConfigLoader.load(path: Bench.repo("Tests/Fixtures/benchmark/legacy/time_aggregation.json"))
        let timePlan = try BenchmarkGenerator(config: time, base: base, baseLabel: "demo").plan(createdAt: Date())
        #expect(timePlan.variants.map(\.config.resampleFreq) == [.none, .weekly])

        let mapping = try BenchmarkConfigLoader.load(path: Bench.repo("Tests/Fixtures/benchmark/legacy/spend_var_mapping.json"))
        let mappingPlan = try BenchmarkGenerator(config: mapping, base: base, baseLabel: "demo").plan(createdAt: Date())
        #expect(mappingPlan.variants.map { $0.config.paidMedia.map(\.variable) } == [
            ["tv_S", "ooh_S", "print_S", "facebook_S", "search_S"], ["tv_S", "ooh_S", "print_S", "facebook_I", "search_S"],
        ])
        #expect(mapping.notes.contains { $0.code == "benchmark_legacy_value" })
    }

    @Test func everyExampleConfigPlans() throws {
        let dir = Bench.repo("Examples/benchmarks")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count == 7)
        for name in names {
            let path = dir + "/" + name
            let config = try BenchmarkConfigLoader.load(path: path)
            let (_, loaded) = try BenchmarkConfigLoader.loadBase(for: config, configPath: path)
            let plan = try BenchmarkGenerator(config: config, base: loaded.config, baseLabel: path).plan(createdAt: Date())
            #expect(plan.variants.count == min(config.combinationCount, config.maxCombinations), "\(name)")
        }
        let comprehensive = try BenchmarkConfigLoader.load(path: dir + "/comprehensive_benchmark.json")
        #expect(comprehensive.combinationCount == 54)
        let (built, _) = ComprehensiveBenchmark.config(base: try Bench.base())
        #expect(built.combinationCount == 54)
    }
}
