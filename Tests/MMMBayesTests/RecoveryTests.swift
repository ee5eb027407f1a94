import Foundation
import MMMBayes
import Testing

/// End to end on data with a known truth: NUTS on the full MMM posterior recovers the channels' ROI, β and decay,
/// and MAP + Laplace lands near the same answer.
struct RecoveryTests {
    /// 120 weeks, two channels with different decays, shapes and ROIs, trend and seasonality as controls, 1 % noise.
    static let data = SyntheticMMM(
        weeks: 120,
        channels: [
            SyntheticMMM.ChannelTruth(name: "tv", theta: 0.35, alpha: 1.5, gamma: 0.5, roi: 2.2),
            SyntheticMMM.ChannelTruth(name: "search", theta: 0.15, alpha: 1.0, gamma: 0.4, roi: 0.8),
        ], noise: 0.01, seed: 5)

    @Test func nutsRecoversTheTruth() async throws {
        let model = try MMMPosterior(Self.data.input)
        var options = NUTSOptions()
        options.chains = 2
        options.warmup = 200
        options.draws = 200
        options.threads = 2
        options.seed = 3
        let fit = try await BayesFitter.fit(model, method: .nuts(options))
        #expect(fit.sampler?.divergences == 0)
        for truth in Self.data.truth {
            let roi = try #require(fit.summary("roi", owner: truth.name))
            let beta = try #require(fit.summary("beta", owner: truth.name))
            let theta = try #require(fit.summary("adstock_theta", owner: truth.name))
            #expect(abs(roi.mean / truth.roi - 1) < 0.1, "\(truth.name) ROI \(roi.mean) vs \(truth.roi)")
            #expect(roi.q05 < truth.roi && truth.roi < roi.q95, "\(truth.name) ROI 90 % interval [\(roi.q05), \(roi.q95)]")
            #expect(abs(beta.mean / truth.beta - 1) < 0.2, "\(truth.name) β \(beta.mean) vs \(truth.beta)")
            #expect(abs(theta.mean - truth.theta) < 0.05, "\(truth.name) θ \(theta.mean) vs \(truth.theta)")
            #expect(theta.q05 < truth.theta && truth.theta < theta.q95, "\(truth.name) θ 90 % interval [\(theta.q05), \(theta.q95)]")
            // Short chains, so a loose sanity bound on R-hat rather than the 1.01 threshold of the verdict.
            #expect(roi.rHat < 1.05 && theta.rHat < 1.05)
        }
        let sigma = try #require(fit.summary("sigma"))
        #expect(abs(sigma.mean / Self.data.noiseSD - 1) < 0.25, "σ \(sigma.mean) vs \(Self.data.noiseSD)")
    }

    @Test func mapLandsNearTheTruth() async throws {
        let model = try MMMPosterior(Self.data.input)
        let fit = try await BayesFitter.fit(model, method: .map(MAPOptions()))
        #expect(fit.verdict.status == .approximate && fit.optimum?.converged == true)
        for truth in Self.data.truth {
            let roi = try #require(fit.summary("roi", owner: truth.name))
            #expect(abs(roi.q50 / truth.roi - 1) < 0.1, "\(truth.name) ROI median \(roi.q50) vs \(truth.roi)")
            #expect(roi.rHat.isNaN && roi.essBulk.isNaN)
        }
    }
}
