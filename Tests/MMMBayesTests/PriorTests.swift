import Foundation
import MMMBayes
import MMMCore
import Testing

/// Prior densities: values against SciPy, normalisation on the unconstrained scale (which checks every
/// log-Jacobian), derivatives, and validation messages.
struct PriorTests {
    static let priors: [Prior] = [
        .normal(mean: 0.3, sd: 1.7), .halfNormal(sd: 0.8), .logNormal(mu: 0.2, sigma: 0.6), .beta(alpha: 2.5, beta: 4),
        .gamma(shape: 3, rate: 2), .beta(alpha: 1, beta: 3), .gamma(shape: 0.7, rate: 0.5),
        .scaledBeta(alpha: 2, beta: 3, lower: 0.5, upper: 3), .uniform(lower: 0, upper: 0.3), .uniform(lower: 0.3, upper: 1),
    ]

    @Test func constrainedDensitiesMatchSciPy() {
        // scipy.stats: norm(0.3, 1.7).logpdf(-0.4), halfnorm(scale=0.8).logpdf(0.5), lognorm(0.6, scale=e^0.2)
        // .logpdf(1.7), beta(2.5, 4).logpdf(0.3), gamma(3, scale=1/2).logpdf(1.1).
        let reference: [(Double, Double)] = [
            (-0.4, -1.5343418707720335), (0.5, -0.19796030133051767), (1.7, -1.090567605501449), (0.3, 0.7101356818510656),
            (1.1, -0.6230852792714595),
        ]
        for (prior, (x, value)) in zip(Self.priors, reference) {
            #expect(FiniteDifference.close(prior.logDensity(x), value, relative: 1e-12), "\(prior) at \(x)")
        }
        // A stretched Beta by its closed form: Beta(2, 3) has density 12·z(1 − z)², here z = (1.2 − 0.5)/2.5 and the
        // stretch divides by 2.5; a uniform on (0, 0.3) has density 1/0.3.
        #expect(FiniteDifference.close(Self.priors[7].logDensity(1.2), -0.36135789184311423, relative: 1e-12))
        #expect(FiniteDifference.close(Self.priors[8].logDensity(0.1), 1.2039728043259361, relative: 1e-12))
        #expect(Self.priors[7].logDensity(0.4) == -.infinity && Self.priors[8].logDensity(0.31) == -.infinity)
        #expect(FiniteDifference.close(Self.priors[7].mean, 0.5 + 2.5 * 0.4, relative: 1e-14))
        #expect(Prior.beta(alpha: 2, beta: 2).logDensity(1.2) == -.infinity)
        #expect(Prior.gamma(shape: 2, rate: 1).logDensity(-1.0) == -.infinity)
    }

    @Test(arguments: priors)
    func unconstrainedDensityIntegratesToOne(_ prior: Prior) {
        // ∫ p(x(u))·|dx/du| du = 1 checks the density and its log-Jacobian together.
        let (lo, hi): (Double, Double) = switch prior.support {
        case .real, .interval: (-40, 40)
        default: (-60, 12)
        }
        let n = 200_000
        let h = (hi - lo) / Double(n)
        var total = 0.0
        for k in 0...n {
            let u = lo + Double(k) * h
            total += (k == 0 || k == n ? 0.5 : 1) * Foundation.exp(prior.logDensityUnconstrained(u))
        }
        #expect(abs(total * h - 1) < 1e-6, "\(prior): ∫ = \(total * h)")
    }

    @Test(arguments: priors)
    func constrainedAndUnconstrainedAgree(_ prior: Prior) {
        for u in [-1.3, 0.2, 1.9] {
            let x = prior.support.constrain(u)
            let jacobian: Double = switch prior.support {
            case .real: 0
            case .positive: u
            case .unitInterval: Foundation.log(x) + Foundation.log1p(-x)
            case .interval(let lower, let upper): Foundation.log((x - lower) * (upper - x) / (upper - lower))
            }
            #expect(FiniteDifference.close(prior.logDensity(x) + jacobian, prior.logDensityUnconstrained(u), relative: 1e-11))
            #expect(FiniteDifference.close(prior.support.unconstrain(x), u, relative: 1e-12))
            let derivative = prior.logDensityUnconstrained(Dual2.variable(u, index: 0)).partials[0]
            let numeric = FiniteDifference.derivative(at: u) { prior.logDensityUnconstrained($0) }
            #expect(FiniteDifference.close(derivative, numeric, relative: 1e-6))
        }
    }

    @Test func momentMatchedLogNormalHasTheStatedMeanAndSD() throws {
        let prior = Prior.logNormal(mean: 2.5, sd: 1.2)
        guard case .logNormal(let mu, let sigma) = prior else { Issue.record("not a log-normal"); return }
        let mean = Foundation.exp(mu + sigma * sigma / 2)
        let sd = mean * (Foundation.expm1(sigma * sigma)).squareRoot()
        #expect(FiniteDifference.close(mean, 2.5, relative: 1e-14) && FiniteDifference.close(sd, 1.2, relative: 1e-14))
        #expect(FiniteDifference.close(prior.mean, 2.5, relative: 1e-14))
        guard case .roi(.logNormal) = try Defaults.roiPrior(mean: 2.5, sd: 1.2) else { Issue.record("not a ROI prior"); return }
    }

    @Test func invalidHyperparametersNameTheField() {
        let cases: [(Prior, String)] = [
            (.normal(mean: 0, sd: -1), "p.sd"), (.halfNormal(sd: 0), "p.sd"), (.beta(alpha: .nan, beta: 1), "p.alpha"),
            (.gamma(shape: 2, rate: -3), "p.rate"), (.logNormal(mu: .infinity, sigma: 1), "p.mu"),
            (.uniform(lower: 2, upper: 1), "p.upper"), (.uniform(lower: .nan, upper: 1), "p.lower"),
            (.scaledBeta(alpha: 0, beta: 1, lower: 0, upper: 1), "p.alpha"),
        ]
        for (prior, path) in cases {
            #expect(throws: BayesError.self) { try prior.validate(path: "p") }
            do { try prior.validate(path: "p") } catch {
                #expect(error.path == path && error.code == .invalidPrior && error.category.exitCode == 2, "\(error)")
            }
        }
        #expect(throws: BayesError(.invalidPrior, path: "roi_priors.tv.sd", "sd must be a positive number (got -0.5)")) {
            try Defaults.roiPrior(mean: 1, sd: -0.5, path: "roi_priors.tv")
        }
    }
}
