import MMMBayes
import Testing

/// The verdict applies Vehtari et al.'s thresholds and says what to do.
struct VerdictTests {
    static func summary(_ name: String, rHat: Double, bulk: Double, tail: Double) -> QuantitySummary {
        var s = QuantitySummary(name: QuantityName(name), draws: DrawMatrix([[1, 2, 3, 4], [2, 3, 4, 5]]), diagnostics: false)
        s.rHat = rHat
        s.essBulk = bulk
        s.essTail = tail
        return s
    }

    static func sampler(divergences: Int = 0, depthHits: Int = 0) -> SamplerDiagnostics {
        let stats = TransitionStats(acceptStat: 0.8, stepSize: 0.3, treeDepth: 3, leapfrogSteps: 7, divergent: false, energy: 1, logDensity: -1)
        var hit = stats
        hit.treeDepth = 10
        var divergent = stats
        divergent.divergent = true
        let kept = Array(repeating: stats, count: 100) + Array(repeating: hit, count: depthHits) + Array(repeating: divergent, count: divergences)
        let chain = ChainResult(
            chain: 0, draws: Array(repeating: [0], count: kept.count), stats: kept, warmupDivergences: 0, warmupLeapfrogSteps: 0,
            stepSize: 0.3, inverseMetric: [1], initialPoint: [0])
        return SamplerDiagnostics(chains: [chain, chain, chain, chain], maxTreeDepth: 10)
    }

    @Test func allGoodIsOK() {
        let verdict = Verdict.nuts(summaries: [Self.summary("a", rHat: 1.002, bulk: 900, tail: 700)], sampler: Self.sampler(), targetAccept: 0.8)
        #expect(verdict.status == .ok)
        #expect(verdict.text.hasPrefix("Converged"))
    }

    @Test func failuresAreNamed() {
        let summaries = [Self.summary("a", rHat: 1.05, bulk: 900, tail: 700), Self.summary("b", rHat: 1.0, bulk: 120, tail: 90)]
        let verdict = Verdict.nuts(summaries: summaries, sampler: Self.sampler(divergences: 3), targetAccept: 0.8)
        #expect(verdict.status == .failed)
        #expect(verdict.findings.count == 4)
        #expect(verdict.text.contains("R-hat ≥ 1.01 for 1 of 2 quantities (worst a 1.05)"))
        #expect(verdict.text.contains("bulk ESS below 400") && verdict.text.contains("tail ESS below 400"))
        #expect(verdict.text.contains("12 divergent transitions") && verdict.text.contains("--target-accept (now 0.8, try 0.95)"))
    }

    @Test func divergencesAtAHighTargetSuggestSomethingElse() {
        let summaries = [Self.summary("a", rHat: 1.0, bulk: 900, tail: 700)]
        let verdict = Verdict.nuts(summaries: summaries, sampler: Self.sampler(divergences: 1), targetAccept: 0.95)
        #expect(verdict.status == .failed)
        #expect(verdict.text.contains("now 0.95, try 0.99") && verdict.text.contains("narrow the hyperparameter ranges"), "\(verdict.text)")
        #expect(!verdict.text.contains("try 0.95"))
    }

    @Test func treeDepthHitsOnlyWarn() {
        let verdict = Verdict.nuts(summaries: [Self.summary("a", rHat: 1.0, bulk: 900, tail: 700)], sampler: Self.sampler(depthHits: 5), targetAccept: 0.8)
        #expect(verdict.status == .warning && verdict.text.contains("20 transitions hit the maximum tree depth 10"))
    }

    @Test func centredFunnelFails() async throws {
        var options = NUTSOptions()
        options.warmup = 100
        options.draws = 200
        options.threads = 2
        options.maxTreeDepth = 6
        // Stan's default start: a MAP of the funnel runs down its neck, which is no place to start.
        options.warmStart = false
        let fitModel = FunnelModel()
        let fit = try await BayesFitter.fit(fitModel, method: .nuts(options))
        #expect(fit.verdict.status == .failed, "\(fit.verdict.text)")
        #expect(fit.verdict.text.contains("divergent"))
    }
}

/// The centred funnel as a ``PosteriorModel`` (quantities = the parameters).
struct FunnelModel: PosteriorModel {
    let base = NUTSKnownTargetTests.funnel(centred: true)
    var dimension: Int { base.dimension }
    func makeWorkspace() {}
    func logDensity(_ q: [Double], gradient: inout [Double], workspace: inout Void) -> Double {
        var none: Void = ()
        return base.logDensity(q, gradient: &gradient, workspace: &none)
    }
    var quantityNames: [QuantityName] { (0..<dimension).map { QuantityName("x\($0)") } }
    func quantities(at q: [Double]) -> [Double] { q }
    func initialPoint() -> [Double] { Array(repeating: 0, count: dimension) }
}
