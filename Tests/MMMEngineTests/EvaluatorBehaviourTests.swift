import MMMTestSupport
import MMMCore
import MMMEngine
import Testing

/// Evaluator wiring and Robyn's special rules on small synthetic designs.
@Suite("Candidate evaluator behaviour")
struct EvaluatorBehaviourTests {
    /// n = 40 rows, window rows 4..<40; one trend, one context, two paid media, one organic.
    static func design(trendSign: Double = 1, offset: Double = 500, negativeMedia: Bool = false) throws -> ModelDesign {
        var rng = SeededRandom(seed: 42)
        let n = 40
        let trend = (0..<n).map { trendSign * (100 + Double($0)) }
        let context = (0..<n).map { _ in rng.uniform(50...150) }
        let tv = (0..<n).map { $0 % 3 == 0 ? rng.uniform(10...100) : 0 }
        let search = (0..<n).map { _ in rng.uniform(5...30) }
        let organic = (0..<n).map { _ in rng.uniform(0...20) }
        let mediaSign: Double = negativeMedia ? -1 : 1
        var y: [Double] = []
        for i in 0..<n {
            let baseline: Double = offset + 0.8 * abs(trend[i]) + 2 * context[i]
            let media: Double = mediaSign * (3 * tv[i] + 5 * search[i]) + organic[i]
            y.append(baseline + media + rng.uniform(-20...20))
        }
        return try ModelDesign(
            dependent: y,
            regressors: [
                Regressor(name: "trend", values: trend, role: .baseline(isTrend: true)),
                Regressor(name: "ctx", values: context, role: .context(sign: .default)),
                Regressor(name: "tv_S", values: tv, role: .paidMedia(spendName: "tv_S", spend: tv, sign: .positive)),
                Regressor(
                    name: "search_P", values: search,
                    role: .paidMedia(spendName: "search_S", spend: search.map { $0 * 2 }, sign: .positive)),
                Regressor(name: "news", values: organic, role: .organic(sign: .positive)),
            ], window: 4..<n)
    }

    static func candidate(_ adstock: AdstockType, shift: Double = 0, trainSize: Double = 1) -> CandidateHyperparameters {
        var media: [MediaHyperparameters] = []
        for k in 0..<3 {
            let step = Double(k)
            let parameters: AdstockParameters
            if adstock == .geometric {
                parameters = .geometric(theta: 0.2 + 0.1 * step + shift)
            } else {
                parameters = .weibull(shape: 0.8 + step + shift, scale: 0.05 + 0.03 * step + shift / 10)
            }
            media.append(MediaHyperparameters(adstock: parameters, alpha: 1 + 0.5 * step, gamma: 0.4 + 0.1 * step))
        }
        return CandidateHyperparameters(media: media, lambda: .normalized(0.01 + shift), trainSize: trainSize)
    }

    @Test("hot path matches the public transformation API for every adstock", arguments: AdstockType.allCases)
    func matchesTransformationAPI(adstock: AdstockType) throws {
        let design = try Self.design()
        let evaluator = try CandidateEvaluator(design: design, settings: ModelSettings(adstock: adstock))
        let hp = Self.candidate(adstock)
        let details = try evaluator.evaluateWithDetails(hp, in: EvaluationWorkspace(for: evaluator))
        for (slot, name) in design.mediaNames.enumerated() {
            let raw = try #require(design.regressors.first { $0.name == name }).values
            let reference = try MediaTransformation.run(
                raw, adstock: adstock, parameters: hp.media[slot].adstock, alpha: hp.media[slot].alpha,
                gamma: hp.media[slot].gamma, window: design.window)
            let series = details.media[slot]
            #expect(series.adstocked == reference.adstocked)
            #expect(series.saturatedTotal == reference.saturatedTotal)
            #expect(series.saturatedCarryover == reference.saturatedCarryover)
            #expect(series.weights == reference.weights)
            #expect(details.result.media[slot].inflexion == reference.inflexion)
            #expect(details.result.media[slot].inflation == reference.inflation)
        }
    }

    @Test("a reused workspace (kernel cache) gives byte-identical results", arguments: AdstockType.allCases)
    func workspaceReuse(adstock: AdstockType) throws {
        let evaluator = try CandidateEvaluator(design: Self.design(), settings: ModelSettings(adstock: adstock))
        let a = Self.candidate(adstock)
        let b = Self.candidate(adstock, shift: 0.05, trainSize: 0.7)
        let shared = EvaluationWorkspace(for: evaluator)
        let first = try evaluator.evaluate(a, in: shared)
        _ = try evaluator.evaluate(b, in: shared)
        let again = try evaluator.evaluate(a, in: shared)
        let fresh = try evaluator.evaluate(a, in: EvaluationWorkspace(for: evaluator))
        #expect(String(reflecting: first) == String(reflecting: again))
        #expect(String(reflecting: first) == String(reflecting: fresh))
    }

    @Test("trend flips to [-1, 0] when its training sum is negative")
    func trendFlip() throws {
        let evaluator = try CandidateEvaluator(
            design: Self.design(trendSign: -1), settings: ModelSettings(adstock: .geometric))
        let result = try evaluator.evaluate(Self.candidate(.geometric), in: EvaluationWorkspace(for: evaluator))
        #expect(result.lowerLimits[0] == -1 && result.upperLimits[0] == 0)
        #expect(result.coefficients[0] >= -1 && result.coefficients[0] <= 0)
        let positive = try CandidateEvaluator(design: Self.design(), settings: ModelSettings(adstock: .geometric))
        let normal = try positive.evaluate(Self.candidate(.geometric), in: EvaluationWorkspace(for: positive))
        #expect(normal.lowerLimits[0] == 0 && normal.upperLimits[0] == 1)
    }

    @Test("a negative intercept is dropped once (df.int 0) unless intercept_sign is unconstrained")
    func interceptDrop() throws {
        let design = try Self.design(offset: -3000)
        let hp = Self.candidate(.geometric)
        let dropping = try CandidateEvaluator(design: design, settings: ModelSettings(adstock: .geometric))
        let dropped = try dropping.evaluate(hp, in: EvaluationWorkspace(for: dropping))
        #expect(dropped.interceptDropped && dropped.dfInt == 0 && dropped.intercept == 0)
        #expect(dropped.decomposition[0].xDecompAgg == 0 && dropped.decomposition[0].positive)
        let keeping = try CandidateEvaluator(
            design: design, settings: ModelSettings(adstock: .geometric, interceptSign: .unconstrained))
        let kept = try keeping.evaluate(hp, in: EvaluationWorkspace(for: keeping))
        #expect(!kept.interceptDropped && kept.dfInt == 1 && kept.intercept < 0)
        #expect(!kept.allPositive)
    }

    @Test("all paid coefficients at 0 give DECOMP.RSSD = Inf and coef0")
    func zeroPaidEffects() throws {
        let evaluator = try CandidateEvaluator(
            design: Self.design(negativeMedia: true), settings: ModelSettings(adstock: .geometric))
        let result = try evaluator.evaluate(Self.candidate(.geometric), in: EvaluationWorkspace(for: evaluator))
        #expect(result.media.filter { $0.spendName != nil }.allSatisfy { $0.coefficient == 0 })
        #expect(result.metrics.decompRSSD == .infinity)
        #expect(result.hasZeroPaidCoefficient)
        #expect(result.media.compactMap(\.effectShare).allSatisfy { $0 == 0 })
    }

    @Test("split metrics: validation fields only with train_size < 1; objective follows ts_validation")
    func splitMetrics() throws {
        let design = try Self.design()
        let plain = try CandidateEvaluator(design: design, settings: ModelSettings(adstock: .geometric))
        let full = try plain.evaluate(Self.candidate(.geometric), in: EvaluationWorkspace(for: plain))
        #expect(full.metrics.nrmseVal == nil && full.metrics.rsqTest == nil)
        #expect(full.metrics.nrmse == full.metrics.nrmseTrain)
        let validating = try CandidateEvaluator(
            design: design, settings: ModelSettings(adstock: .geometric, tsValidation: true))
        let split = try validating.evaluate(
            Self.candidate(.geometric, trainSize: 0.7), in: EvaluationWorkspace(for: validating))
        #expect(split.split.trainEnd == 25 && split.split.validationEnd == 30)
        #expect(split.metrics.nrmse == split.metrics.nrmseVal)
        #expect(split.yPred.count == design.window.count)
        let noValidation = try validating.evaluate(Self.candidate(.geometric), in: EvaluationWorkspace(for: validating))
        #expect(noValidation.metrics.nrmse.isNaN)
    }

    @Test("penalty factors: rescaled to sum to p (uniform scaling is a no-op), uneven factors change the fit")
    func penaltyFactors() throws {
        let evaluator = try CandidateEvaluator(design: Self.design(), settings: ModelSettings(adstock: .geometric))
        let workspace = EvaluationWorkspace(for: evaluator)
        var hp = Self.candidate(.geometric)
        hp.lambda = .normalized(0.3)
        let plain = try evaluator.evaluate(hp, in: workspace)
        hp.penaltyFactors = Array(repeating: 0.4, count: 5)
        let uniform = try evaluator.evaluate(hp, in: workspace)
        #expect(Tolerance.firstMismatch(uniform.coefficients, plain.coefficients, rel: 1e-12, abs: 1e-12) == nil)
        hp.penaltyFactors = [1, 0.05, 1, 1, 1]
        let uneven = try evaluator.evaluate(hp, in: workspace)
        // A smaller penalty on the context column lets its coefficient grow towards least squares.
        #expect(Swift.abs(uneven.coefficients[1]) > Swift.abs(plain.coefficients[1]))
        hp.penaltyFactors = [1, 1]
        #expect(throws: EngineError.self) { try evaluator.evaluate(hp, in: workspace) }
    }

    @Test("invalid inputs are rejected with actionable errors")
    func errors() throws {
        let design = try Self.design()
        let evaluator = try CandidateEvaluator(design: design, settings: ModelSettings(adstock: .weibullPDF))
        let workspace = EvaluationWorkspace(for: evaluator)
        #expect(throws: EngineError.self) { try evaluator.evaluate(Self.candidate(.geometric), in: workspace) }
        var short = Self.candidate(.weibullPDF)
        short.media.removeLast()
        #expect(throws: EngineError.self) { try evaluator.evaluate(short, in: workspace) }
        var badGamma = Self.candidate(.weibullPDF)
        badGamma.media[0].gamma = 0
        #expect(throws: EngineError.self) { try evaluator.evaluate(badGamma, in: workspace) }
        let other = try CandidateEvaluator(
            design: ModelDesign(
                dependent: Array(design.dependent.prefix(30)),
                regressors: design.regressors.map {
                    Regressor(name: $0.name, values: Array($0.values.prefix(30)), role: $0.role.truncated(to: 30))
                }, window: 4..<30), settings: ModelSettings(adstock: .weibullPDF))
        #expect(throws: EngineError.self) { try other.evaluate(Self.candidate(.weibullPDF), in: workspace) }
        let zeroMedia = design.regressors.map {
            $0.name == "tv_S" ? Regressor(name: "tv_S", values: Array(repeating: 0, count: 40), role: $0.role) : $0
        }
        #expect(throws: EngineError.self) {
            try ModelDesign(dependent: design.dependent, regressors: zeroMedia, window: design.window)
        }
    }
}

extension RegressorRole {
    /// The same role with its spend column cut to `count` rows (test helper).
    func truncated(to count: Int) -> RegressorRole {
        if case .paidMedia(let name, let spend, let sign) = self {
            return .paidMedia(spendName: name, spend: Array(spend.prefix(count)), sign: sign)
        }
        return self
    }
}
