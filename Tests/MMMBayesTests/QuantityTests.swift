import Foundation
import MMMBayes
import Testing

/// Reported quantities are consistent with each other and with the data, and the decomposition adds up.
struct QuantityTests {
    @Test func decompositionAddsUpAndMatchesTheLikelihoodScale() throws {
        let model = try TestModels.allFeatures()
        let q = TestModels.offCentre(model)
        let parts = model.decomposition(at: q)
        for t in parts.fitted.indices {
            let sum = parts.intercept + parts.controlContributions.reduce(0) { $0 + $1[t] } + parts.channelContributions.reduce(0) { $0 + $1[t] }
            #expect(FiniteDifference.close(parts.fitted[t], sum, relative: 1e-12))
        }
        let values = model.quantities(at: q)
        let names = model.quantityNames
        func value(_ name: String, _ owner: String = "") -> Double { values[names.firstIndex(of: QuantityName(name, owner: owner))!] }
        // ROI = contribution / window spend; effect shares of the paid channels sum to 1.
        let input = TestModels.small(weeks: 36).input
        let spend = input.channels[0].spend![4..<36].reduce(0, +)
        #expect(FiniteDifference.close(value("roi", "ch1"), value("contribution", "ch1") / spend, relative: 1e-12))
        let shares = ["ch1", "ch2", "ch3"].map { value("contribution_share", $0) }
        #expect(FiniteDifference.close(shares.reduce(0, +), 1, relative: 1e-12))
        // Under a ROI prior the effect coordinate is log ROI itself.
        #expect(FiniteDifference.close(value("roi", "ch1"), Foundation.exp(q[model.layout.channels[0].effect]), relative: 1e-12))
        // β·Σ saturation is the contribution.
        #expect(FiniteDifference.close(value("contribution", "ch2"), parts.channelContributions[1].reduce(0, +), relative: 1e-12))
        #expect(value("sigma") > 0 && value("hill_inflexion", "ch3") > 0)
    }

    @Test func trueParametersGiveTheSyntheticTruth() throws {
        // At the generator's true parameters the model's contributions are the generator's, and ROI is the truth.
        let data = TestModels.small(weeks: 60)
        let model = try MMMPosterior(data.input)
        var q = model.initialPoint()
        for (c, truth) in data.truth.enumerated() {
            let slots = model.layout.channels[c]
            q[slots.adstock] = Support.unitInterval.unconstrain(truth.theta)
            q[slots.alpha] = Foundation.log(truth.alpha)
            q[slots.gamma] = Support.unitInterval.unconstrain(truth.gamma)
            q[slots.effect] = Foundation.log(truth.contribution / model.responseScale)
        }
        let values = model.quantities(at: q)
        for (c, truth) in data.truth.enumerated() {
            let roi = values[model.quantityNames.firstIndex(of: QuantityName("roi", owner: truth.name))!]
            let beta = values[model.quantityNames.firstIndex(of: QuantityName("beta", owner: truth.name))!]
            #expect(FiniteDifference.close(roi, truth.roi, relative: 1e-10), "channel \(c) ROI \(roi) vs \(truth.roi)")
            #expect(FiniteDifference.close(beta, truth.beta, relative: 1e-10), "channel \(c) β \(beta) vs \(truth.beta)")
        }
    }

    @Test func meanDecompositionAveragesDraws() throws {
        let model = try TestModels.allFeatures()
        let a = model.initialPoint()
        let b = TestModels.offCentre(model)
        let mean = try #require(model.meanDecomposition(over: [a, b]))
        let (da, db) = (model.decomposition(at: a), model.decomposition(at: b))
        #expect(FiniteDifference.close(mean.intercept, (da.intercept + db.intercept) / 2, relative: 1e-12))
        for t in mean.fitted.indices {
            #expect(FiniteDifference.close(mean.channelContributions[2][t], (da.channelContributions[2][t] + db.channelContributions[2][t]) / 2, relative: 1e-12))
            #expect(FiniteDifference.close(mean.fitted[t], (da.fitted[t] + db.fitted[t]) / 2, relative: 1e-12))
        }
        #expect(model.meanDecomposition(over: []) == nil)
    }
}
