import Foundation
import Testing

@testable import MMMCore

@Suite struct JobConfigTests {
    static let minimal = #"{"dep_var":"revenue","paid_media":[{"spend":"tv_S","var":"tv_S"}]}"#

    @Test func minimalConfigGetsDefaults() throws {
        let config = try decode(JobConfig.self, Self.minimal)
        try config.validate()
        #expect(config.adstock == .geometric)
        #expect(config.trainSize == .range(0.5, 0.8))
        #expect(config.hyperparameterPreset == .meshedRecommend)
        #expect(config.iterations == 2000 && config.trials == 5 && config.seed == 123)
        #expect(config.resampleFreq == ResampleFrequency.none)
    }

    @Test(arguments: ["Examples/configs/demo_job_config.json", "Examples/contracts/job_config.json"])
    func examplesLoadValidateAndRoundTrip(path: String) throws {
        let loaded = try JobConfigLoader.load(path: TestPaths.repo(path))
        #expect(loaded.source == .jobConfig)
        let again = try StrictJSON.decode(JobConfig.self, from: try StrictJSON.encode(loaded.config))
        #expect(again == loaded.config)
    }

    @Test func demoConfigMeansTheRobynDemo() throws {
        let config = try JobConfigLoader.load(path: TestPaths.repo("Examples/configs/demo_job_config.json")).config
        let bounds = try config.resolvedHyperparameterBounds()
        #expect(bounds["tv_S"]?.thetas == ParameterBound(0.3, 0.8))
        #expect(bounds["facebook_I"]?.thetas == ParameterBound(0, 0.3))
        #expect(bounds["newsletter"]?.alphas == ParameterBound(0.5, 3))
        #expect(config.paidMedia[3] == MediaPair(spend: "facebook_S", variable: "facebook_I"))
    }

    @Test(arguments: [
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"adstok":"geometric"}"#, "$.adstok", "did you mean 'adstock'"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"},{"spend":"b","variable":"b"}]}"#, "$.paid_media[1].variable", "unknown key"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"adstock":"weibull"}"#, "$.adstock", "unknown value 'weibull'"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"resample_freq":"weekly"}"#, "$.resample_freq", "expected one of 'none', 'W', 'M'"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"hyperparameter_preset":"Meta default"}"#, "$.hyperparameter_preset", "unknown value 'Meta default'"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"column_agg_strategies":{"x":"avg"}}"#, "$.column_agg_strategies.x", "unknown value 'avg'"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"train_size":1.5}"#, "$.train_size", "outside (0.1, 1]"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"start_date":"2024/01/01"}"#, "$.start_date", "YYYY-MM-DD"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"baseline_vars":["trend","seasonality"]}"#, "$.baseline_vars[1]", "unknown value 'seasonality'"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"benchmark":{"id":"x","dimension":"adstock","variant":"v","type":"t"}}"#, "$.benchmark.type", "unknown key"),
        (#"{"dep_var":"y"}"#, "$.paid_media", "required key is missing"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"iterations":"many"}"#, "$.iterations", "expected a whole number"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"iterations":1.5}"#, "$.iterations", "got 1.5"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"seed":-1}"#, "$.seed", "got -1"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"adstock":null}"#, "$.adstock", "null is not allowed"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"organic_vars":null}"#, "$.organic_vars", "null is not allowed"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"resample_freq":"W","resample_freq":"bogus"}"#, "$.resample_freq", "appears twice"),
        (#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"},{"spend":"b","var":"b","spend":"c"}]}"#, "$.paid_media[1].spend", "appears twice"),
    ])
    func strictDecodingNamesThePath(json: String, path: String, message: String) {
        let error = configError(JobConfig.self, json)
        #expect(error?.path == path, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func listsAcceptCommaSeparatedStrings() throws {
        let config = try decode(
            JobConfig.self,
            #"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"context_vars":"c1, c2","factor_vars":"c2","train_size":"0.7,0.9"}"#)
        #expect(config.contextVars == ["c1", "c2"])
        #expect(config.trainSize == .range(0.7, 0.9))
        try config.validate()
    }

    private func invalid(_ mutate: (inout JobConfig) -> Void) -> ConfigError? {
        var config = JobConfig(depVar: "y", paidMedia: [MediaPair(spend: "a", variable: "a_imp"), MediaPair(spend: "b", variable: "b")])
        mutate(&config)
        do {
            try config.validate()
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            return ConfigError(path: "?", "\(error)")
        }
    }

    @Test func crossFieldRules() {
        #expect(invalid { _ in } == nil)
        #expect(invalid { $0.factorVars = ["f"] }?.path == "$.factor_vars[0]")
        #expect(invalid { $0.contextVars = ["a"] }?.message.contains("already used as a paid media spend") == true)
        #expect(invalid { $0.organicVars = ["y"] }?.message.contains("dep_var") == true)
        #expect(invalid { $0.paidMedia.append(MediaPair(spend: "a", variable: "a")) }?.path == "$.paid_media[2].spend")
        #expect(invalid { $0.country = "deu" }?.path == "$.country")
        #expect(invalid { $0.startDate = CalendarDate(year: 2024, month: 2, day: 1); $0.endDate = CalendarDate(year: 2024, month: 1, day: 1) }?.path == "$.start_date")
        #expect(invalid { $0.iterations = 0 }?.path == "$.iterations")
        #expect(invalid { $0.budgetScenario = .maxResponseExpectedSpend }?.path == "$.expected_spend")
        #expect(invalid { $0.channelBudgets = ["tv": 10] }?.path == "$.channel_budgets.tv")
        #expect(invalid { $0.revision = "../x" }?.path == "$.revision")
        #expect(invalid { $0.baselineVars = [.holiday] }?.path == "$.baseline_vars")
        #expect(invalid { $0.paidMedia = [] }?.path == "$.paid_media")
    }

    @Test func customHyperparametersAreResolvedAndChecked() throws {
        var config = JobConfig(depVar: "y", paidMedia: [MediaPair(spend: "fb_S", variable: "fb_I"), MediaPair(spend: "tv", variable: "tv")])
        config.organicVars = ["news"]
        config.hyperparameterPreset = .custom
        config.customHyperparameters = [
            "alphas_max": ParameterBound(fixed: 2.5), "fb_S_thetas": ParameterBound(0.05, 0.2), "news_gammas": ParameterBound(fixed: 0.5),
        ]
        let bounds = try config.resolvedHyperparameterBounds()
        #expect(bounds["fb_I"]?.thetas == ParameterBound(0.05, 0.2), "spend-keyed entry renamed to its var")
        #expect(bounds["tv"]?.alphas == ParameterBound(1, 2.5))
        #expect(bounds["news"]?.gammas.isFixed == true)
        #expect(bounds["tv"]?.thetas == ParameterBound(0.1, 0.4))

        config.customHyperparameters = ["radio_alphas": ParameterBound(1, 2)]
        #expect(throws: ConfigError.self) { try config.validate() }
        config.customHyperparameters = ["tv_alphas": ParameterBound(1, 12)]
        #expect(throws: ConfigError.self) { try config.validate() }
        config.customHyperparameters = ["tv_shapes": ParameterBound(1, 2)]
        #expect(throws: ConfigError.self) { try config.validate() }
        config.customHyperparameters = ["tv_thetas": ParameterBound(0.5, 1)]
        #expect(throws: ConfigError.self) { try config.validate() }
    }

    @Test func presetsMatchThePreviousSystem() {
        let meshedTV = HyperparameterPresets.bounds(preset: .meshedRecommend, adstock: .geometric, variable: "tv_cost")
        #expect(meshedTV.thetas == ParameterBound(0.7, 0.95))
        let meshedOther = HyperparameterPresets.bounds(preset: .meshedRecommend, adstock: .geometric, variable: "X")
        #expect(meshedOther == ChannelBounds(alphas: ParameterBound(1, 3), gammas: ParameterBound(0.6, 0.9), thetas: ParameterBound(0.1, 0.4)))
        let fbWeibull = HyperparameterPresets.bounds(preset: .facebookRecommend, adstock: .weibullPDF, variable: "X")
        #expect(fbWeibull.shapes == ParameterBound(0.0001, 2) && fbWeibull.thetas == nil)
    }
}
