import Foundation
import Testing

@testable import MMMCore

@Suite struct LegacyJobConfigTests {
    @Test func convertsThePreviousSystemsJobConfigWithNotes() throws {
        let loaded = try JobConfigLoader.load(path: TestPaths.repo("Examples/contracts/legacy_job_config.json"))
        #expect(loaded.source == .legacyJobConfig)
        let c = loaded.config
        #expect(c.paidMedia == [
            MediaPair(spend: "GA_SUPPLY_COST", variable: "GA_SUPPLY_SESSIONS"),
            MediaPair(spend: "META_DEMAND_COST", variable: "META_DEMAND_SESSIONS"),
        ])
        #expect(c.trainSize == .range(0.7, 0.9))
        #expect(c.startDate?.description == "2024-01-01")
        #expect(c.endDate == nil)
        #expect(c.resampleFreq == .weekly)
        #expect(c.columnAggStrategies == ["TV_IS_ON": .max, "SEO_DAILY_SESSIONS": .sum, "GA_SUPPLY_COST": .first])
        #expect(c.threads == 8)
        #expect(c.dataPath == "gs://mmm-app-output/mapped-datasets/de/20260122_113141/raw.parquet")
        #expect(c.outputLocation == "gs://mmm-app-output/robyn/r100/de")
        #expect(c.outputTimestamp == "0122_113200")
        #expect(c.revision == "r100")
        let notes = loaded.notes.joined(separator: "\n")
        for expected in [
            "paid_media_spends was a comma-separated string", "paired by position", "train_size was the string '0.7,0.9'",
            "end_date was empty", "date_input dropped", "'auto' (first value) written as 'first'", "max_cores 8",
            "use_parquet dropped", "parallel_processing dropped", "gcs_bucket mmm-app-output", "kept as output_timestamp",
            "context_vars was a comma-separated string",
        ] {
            #expect(notes.contains(expected), "missing note: \(expected)")
        }
        // The canonical form writes explicit pairs and reads back identically.
        let json = String(decoding: try StrictJSON.encode(c), as: UTF8.self)
        #expect(json.contains("\"paid_media\""))
        #expect(!json.contains("paid_media_spends"))
        #expect(try JobConfigLoader.load(data: Data(json.utf8)).config == c)
    }

    private func load(_ json: String) throws -> LoadedJobConfig { try JobConfigLoader.load(data: Data(json.utf8)) }

    @Test func positionalMismatchIsAnErrorNotASilentShift() {
        do {
            _ = try load(#"{"dep_var":"y","paid_media_spends":["A","B"],"paid_media_vars":["A_I"]}"#)
            Issue.record("accepted mismatched lists")
        } catch let error as ConfigError {
            #expect(error.path == "$.paid_media_vars")
            #expect(error.message.contains("2 paid_media_spends but 1 paid_media_vars"))
        } catch { Issue.record("\(error)") }
    }

    @Test func thePreviousSystemsSilentFallbacksAreLoudNow() throws {
        let nulls = try load(#"{"dep_var":"y","paid_media_spends":["A"],"paid_media_vars":["A"],"adstock":null,"resample_freq":null}"#)
        #expect(nulls.config.adstock == .geometric)
        #expect(nulls.notes.contains { $0.contains("adstock was null") })
        #expect(nulls.notes.contains { $0.contains("resample_freq was null") })
        // The benchmark's "Meta default" preset silently meant Meshed; now it is an error.
        let error = #expect(throws: ConfigError.self) {
            try load(#"{"dep_var":"y","paid_media_spends":["A"],"paid_media_vars":["A"],"hyperparameter_preset":"Meta default"}"#)
        }
        #expect(error?.path == "$.hyperparameter_preset")
        // The benchmark's unread keys (`type`, `aggregation_level`) are unknown keys, not no-ops.
        let typeKey = #expect(throws: ConfigError.self) {
            try load(#"{"dep_var":"y","paid_media_spends":["A"],"paid_media_vars":["A"],"type":"weibull_pdf"}"#)
        }
        #expect(typeKey?.path == "$.type")
        let custom = try load(#"{"dep_var":"y","paid_media_spends":["A"],"paid_media_vars":["A"],"custom_hyperparameters":{"A_alphas":[1,2]}}"#)
        #expect(custom.config.customHyperparameters.isEmpty)
        #expect(custom.notes.contains { $0.contains("only with preset 'Custom'") })
    }

    @Test func legacyCustomBoundsAcceptTheBatchCSVShape() throws {
        let loaded = try load(
            #"{"dep_var":"y","paid_media_spends":["A"],"paid_media_vars":["A"],"hyperparameter_preset":"Custom","custom_hyperparameters":{"A_alphas":"[1.0, 2.5]","A_gammas":"0.4, 0.8","thetas_max":0.3}}"#)
        #expect(loaded.config.customHyperparameters["A_alphas"] == ParameterBound(1, 2.5))
        #expect(loaded.config.customHyperparameters["A_gammas"] == ParameterBound(0.4, 0.8))
        #expect(try loaded.config.resolvedHyperparameterBounds()["A"]?.thetas == ParameterBound(0.1, 0.3))
    }

    @Test func benchmarkTagsTravel() throws {
        let loaded = try load(
            #"{"dep_var":"y","paid_media_spends":["A"],"paid_media_vars":["A"],"benchmark_id":"b_1","benchmark_test":"adstock","benchmark_variant":"weibull_pdf","adstock":"weibull_pdf"}"#)
        #expect(loaded.config.benchmark == BenchmarkTags(id: "b_1", dimension: "adstock", variant: "weibull_pdf"))
        #expect(loaded.config.adstock == .weibullPDF)
    }

    @Test func missingDepVarUsesThePreviousDefaultWithANote() throws {
        let loaded = try load(#"{"paid_media_spends":"A","paid_media_vars":"A","iterations":"300"}"#)
        #expect(loaded.config.depVar == "UPLOAD_VALUE")
        #expect(loaded.config.iterations == 300)
        #expect(loaded.notes.contains { $0.contains("UPLOAD_VALUE") })
        #expect(loaded.notes.contains { $0.contains("iterations was a string") })
    }

    @Test func loaderRecognisesTheThreeKindsAndRejectsOthers() throws {
        #expect(try JobConfigLoader.load(path: TestPaths.repo("Examples/contracts/selected_columns.json")).source == .selectedColumns)
        let error = #expect(throws: ConfigError.self) { try load(#"{"name":"x"}"#) }
        #expect(error?.message.contains("cannot tell what this file is") == true)
        #expect(throws: ConfigError.self) { try load("[1,2]") }
        #expect(throws: ConfigError.self) { try load("{not json") }
    }
}

@Suite struct LegacyConversionFidelityTests {
    private func load(_ json: String) throws -> LoadedJobConfig { try JobConfigLoader.load(data: Data(json.utf8)) }

    @Test func customWithoutBoundsMeansMeshed() throws {
        let loaded = try load(#"{"dep_var":"y","paid_media_spends":["ORGANIC_TRAFFIC"],"paid_media_vars":["ORGANIC_TRAFFIC"],"hyperparameter_preset":"Custom"}"#)
        #expect(loaded.config.hyperparameterPreset == .meshedRecommend)
        #expect(try loaded.config.resolvedHyperparameterBounds()["ORGANIC_TRAFFIC"]?.thetas == ParameterBound(0.9, 0.99))
        #expect(loaded.notes.contains { $0.contains("'Custom' without custom_hyperparameters") })
    }

    @Test func missingStartDateIsThePreviousDefault() throws {
        let loaded = try load(#"{"dep_var":"y","paid_media_spends":"A","paid_media_vars":"A"}"#)
        #expect(loaded.config.startDate?.description == "2024-01-01")
        #expect(loaded.notes.contains { $0.hasPrefix("start_date was missing") })
    }

    @Test func missingVarsIsAnError() {
        #expect(throws: ConfigError.self) { try load(#"{"dep_var":"y","paid_media_spends":["A"]}"#) }
    }

    @Test func unusedKindsAreDroppedWithANote() throws {
        let loaded = try load(
            #"{"dep_var":"y","paid_media_spends":["A"],"paid_media_vars":["A"],"hyperparameter_preset":"Custom","custom_hyperparameters":{"shapes_min":0.5,"A_alphas":[1,2]}}"#)
        #expect(loaded.config.customHyperparameters.keys.sorted() == ["A_alphas"])
        #expect(loaded.notes.contains { $0.hasPrefix("custom_hyperparameters.shapes_min dropped") })
    }
}
