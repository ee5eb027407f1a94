import MMMBayes
import MMMCore
import Testing

/// Bad inputs are refused with one error naming the field (the job layer maps it to the JSON path) and the right
/// exit code: 2 for priors and inconsistent input, 3 for unusable data.
struct ModelValidationTests {
    func expectError(_ input: MMMPosteriorInput, code: BayesError.Code, path: String, exit: Int32, _ note: Comment) {
        do {
            _ = try MMMPosterior(input)
            Issue.record("accepted: \(note)")
        } catch {
            #expect(error.code == code && error.path == path && error.category.exitCode == exit, "\(note): got \(error)")
        }
    }

    @Test func badPriors() {
        var input = TestModels.small().input
        input.channels[1].priors.hillAlpha = .gamma(shape: 2, rate: -1)
        expectError(input, code: .invalidPrior, path: "channels.ch2.priors.hillAlpha.rate", exit: 2, "negative rate")
        input = TestModels.small().input
        input.channels[0].priors.effect = .roi(.halfNormal(sd: -2))
        expectError(input, code: .invalidPrior, path: "channels.ch1.priors.effect.sd", exit: 2, "negative sd")
        input = TestModels.small().input
        input.channels[0].priors.adstockDecay = .normal(mean: 0.3, sd: 0.1)
        expectError(input, code: .invalidPrior, path: "channels.ch1.priors.adstockDecay", exit: 2, "decay needs (0, 1)")
        input = TestModels.small().input
        input.controls[0] = ControlInput(name: "trend", values: input.controls[0].values, sign: .positive, prior: .normal(mean: 0, sd: 1))
        expectError(input, code: .invalidPrior, path: "controls.trend.prior", exit: 2, "signed control needs (0, ∞)")
        input = TestModels.small().input
        input.noisePrior = .normal(mean: 0, sd: 1)
        expectError(input, code: .invalidPrior, path: "noisePrior", exit: 2, "σ needs (0, ∞)")
    }

    @Test func boundedPriorsMustLieInsideTheirSupportAndOnlyOnTransforms() throws {
        var input = TestModels.small().input
        input.channels[0].priors.hillGamma = .uniform(lower: 0.3, upper: 1.5)
        expectError(input, code: .invalidPrior, path: "channels.ch1.priors.hillGamma", exit: 2, "γ interval past 1")
        input = TestModels.small().input
        input.channels[2].priors.hillAlpha = .uniform(lower: -0.5, upper: 3)
        expectError(input, code: .invalidPrior, path: "channels.ch3.priors.hillAlpha", exit: 2, "α interval below 0")
        input = TestModels.small().input
        input.channels[0].priors.adstockDecay = .uniform(lower: 0.4, upper: 0.2)
        expectError(input, code: .invalidPrior, path: "channels.ch1.priors.adstockDecay.upper", exit: 2, "empty interval")
        input = TestModels.small().input
        input.noisePrior = .uniform(lower: 0, upper: 1)
        expectError(input, code: .invalidPrior, path: "noisePrior", exit: 2, "σ is sampled on its log: no interval")
        input = TestModels.small().input
        input.channels[0].priors.adstockDecay = .uniform(lower: 0, upper: 1)
        input.channels[0].priors.hillAlpha = .uniform(lower: 0.5, upper: 3)
        input.channels[0].priors.hillGamma = .uniform(lower: 0.3, upper: 1)
        _ = try MMMPosterior(input)
    }

    @Test func badLiftTests() {
        var input = TestModels.small().input
        input.liftTests = [LiftTest(channels: ["ch1", "tv"], rows: 3..<6, lift: 100, standardError: 10)]
        expectError(input, code: .invalidInput, path: "liftTests[0].channels[1]", exit: 2, "unknown channel")
        input.liftTests = [LiftTest(channels: ["ch1"], rows: 30..<60, lift: 100, standardError: 10)]
        expectError(input, code: .invalidInput, path: "liftTests[0].rows", exit: 2, "rows outside the window")
        input.liftTests = [LiftTest(channels: ["ch1"], rows: 3..<6, lift: 100, standardError: 0)]
        expectError(input, code: .invalidInput, path: "liftTests[0].standardError", exit: 2, "zero standard error")
    }

    @Test func badData() {
        var input = TestModels.small().input
        input.channels[2].media[5] = .nan
        expectError(input, code: .invalidData, path: "channels.ch3.media", exit: 3, "NaN media")
        input = TestModels.small().input
        input.channels[2].spend?[7] = -1
        expectError(input, code: .invalidData, path: "channels.ch3.spend", exit: 3, "negative spend")
        input = TestModels.small().input
        input.controls[1].values = Array(repeating: 4, count: input.response.count)
        expectError(input, code: .invalidData, path: "controls.season_sin", exit: 3, "constant control")
        input = TestModels.small().input
        input.channels[0].media = input.channels[0].media.map { _ in 0 }
        expectError(input, code: .invalidData, path: "channels.ch1.media", exit: 3, "all-zero media")
        input = TestModels.small().input
        input.channels[0].media.removeLast()
        expectError(input, code: .invalidInput, path: "channels.ch1.media", exit: 2, "length mismatch")
        input = TestModels.small().input
        input.window = 38..<45
        expectError(input, code: .invalidInput, path: "window", exit: 2, "window outside the data")
        input = TestModels.small().input
        input.channels[1].name = "ch1"
        expectError(input, code: .invalidInput, path: "channels", exit: 2, "duplicate channel")
        input = TestModels.small().input
        input.channels[1].spend = nil
        input.channels[1].priors.effect = try? Defaults.roiPrior(mean: 1, sd: 1)
        expectError(input, code: .invalidInput, path: "channels.ch2.priors.effect", exit: 2, "ROI prior without spend")
    }

    @Test func layoutAndNames() throws {
        let model = try TestModels.allFeatures()
        // 2 + 2 + 2 Weibull/geometric adstock params + 3 × 4 channels + intercept + 3 controls + σ.
        #expect(model.dimension == (1 + 2 + 2 + 1) + 3 * 4 + 1 + 3 + 1)
        #expect(model.layout.channels.map(\.adstockCount) == [1, 2, 2, 1])
        let names = model.quantityNames
        #expect(names.contains(QuantityName("weibull_shape", owner: "ch2")) && names.contains(QuantityName("adstock_theta", owner: "newsletter")))
        #expect(!names.contains(QuantityName("roi", owner: "newsletter")) && names.contains(QuantityName("roi", owner: "ch3")))
        #expect(names.last == QuantityName("sigma") && model.quantities(at: model.initialPoint()).count == names.count)
    }
}
