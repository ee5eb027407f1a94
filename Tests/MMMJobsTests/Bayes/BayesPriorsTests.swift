import Foundation
import Testing

@testable import MMMBayes
@testable import MMMCore
@testable import MMMJobs

/// Robyn's hyperparameter ranges as the Bayesian backend's priors: uniform inside the bounds by default, or the
/// moment-matched Beta / Gamma; fixed values stay narrow either way.
@Suite struct BayesPriorsTests {
    let bounds = ChannelBounds(
        alphas: ParameterBound(0.5, 3), gammas: ParameterBound(0.3, 1), thetas: ParameterBound(0, 0.3))

    @Test func boundedIsRobynsUniformWithItsBoundsAsLimits() throws {
        let priors = BayesPriors.channelPriors(bounds, effect: nil, rangePrior: .bounded)
        #expect(priors.hillAlpha == .uniform(lower: 0.5, upper: 3))
        #expect(priors.hillGamma == .uniform(lower: 0.3, upper: 1))
        #expect(priors.adstockDecay == .uniform(lower: 0, upper: 0.3))
        // Outside the range the prior has no mass; inside it is flat.
        #expect(priors.hillAlpha.logDensity(0.45) == -.infinity && priors.hillAlpha.logDensity(3.01) == -.infinity)
        #expect(abs(priors.hillAlpha.logDensity(0.6) - priors.hillAlpha.logDensity(2.9)) < 1e-12)
        let weibull = ChannelBounds(
            alphas: ParameterBound(0.5, 3), gammas: ParameterBound(0.3, 1), shapes: ParameterBound(0.0001, 2),
            scales: ParameterBound(0, 0.1))
        let w = BayesPriors.channelPriors(weibull, effect: nil, rangePrior: .bounded)
        #expect(w.weibullShape == .uniform(lower: 0.0001, upper: 2) && w.weibullScale == .uniform(lower: 0, upper: 0.1))
    }

    @Test func matchedKeepsTheUniformsMeanAndSDWithoutLimits() throws {
        let priors = BayesPriors.channelPriors(bounds, effect: nil, rangePrior: .matched)
        guard case .gamma(let shape, let rate) = priors.hillAlpha, case .beta(let a, let b) = priors.hillGamma else {
            Issue.record("not Gamma / Beta: \(priors.hillAlpha), \(priors.hillGamma)")
            return
        }
        #expect(abs(shape / rate - 1.75) < 1e-12 && abs((shape / (rate * rate)).squareRoot() - 2.5 / 12.0.squareRoot()) < 1e-12)
        let mean = a / (a + b)
        #expect(abs(mean - 0.65) < 1e-12 && abs((mean * (1 - mean) / (a + b + 1)).squareRoot() - 0.7 / 12.0.squareRoot()) < 1e-12)
        #expect(priors.hillAlpha.logDensity(3.5) > -.infinity)
    }

    @Test(arguments: [BayesSettings.RangePrior.bounded, .matched])
    func aFixedValueStaysNarrow(_ rangePrior: BayesSettings.RangePrior) throws {
        let fixed = ChannelBounds(alphas: ParameterBound(fixed: 2), gammas: ParameterBound(fixed: 0.5), thetas: ParameterBound(0.1, 0.2))
        let priors = BayesPriors.channelPriors(fixed, effect: nil, rangePrior: rangePrior)
        guard case .gamma(let shape, let rate) = priors.hillAlpha, case .beta(let a, let b) = priors.hillGamma else {
            Issue.record("a fixed value is not a narrow Gamma / Beta: \(priors.hillAlpha), \(priors.hillGamma)")
            return
        }
        #expect(abs(shape / rate - 2) < 1e-9 && (shape / (rate * rate)).squareRoot() < 0.021)
        #expect(abs(a / (a + b) - 0.5) < 1e-9 && (0.25 / (a + b + 1)).squareRoot() < 0.011)
    }
}
