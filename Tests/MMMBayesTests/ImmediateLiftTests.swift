import Foundation
import MMMBayes
import Testing

/// Immediate-scope lift studies (Robyn's default calibration scope): the prediction is the channels' contribution
/// over the study minus Hill of the carry-in from spend before the study, with the channel's own inflexion.
struct ImmediateLiftTests {
    @Test func gradientsAgreeOnEveryAdstock() throws {
        let model = try TestModels.immediateLifts()
        LogDensityGradientTests().check(model, at: TestModels.offCentre(model))
        LogDensityGradientTests().check(model, at: model.initialPoint())
    }

    /// The log-density difference between an immediate and a total study is −½(z_imm² − z_tot²), with the
    /// immediate prediction computed here from the quantities and the plain transforms.
    @Test(arguments: [("ch1", 10..<14), ("ch2", 14..<19), ("ch3", 6..<12)])
    func immediateValueMatchesAnIndependentComputation(channel: String, rows: Range<Int>) throws {
        var input = try TestModels.allFeaturesInput()
        input.liftTests = [LiftTest(channels: [channel], rows: rows, lift: 9000, standardError: 1500, scale: 1.1)]
        let total = try MMMPosterior(input)
        input.liftTests[0].scope = .immediate
        let immediate = try MMMPosterior(input)
        let q = TestModels.offCentre(total)
        let c = try #require(total.channelNames.firstIndex(of: channel))
        let parts = total.decomposition(at: q)
        let names = total.quantityNames
        let values = total.quantities(at: q)
        func quantity(_ name: String) -> Double { values[names.firstIndex(of: QuantityName(name, owner: channel)) ?? 0] }
        // Study rows are rows of the input series; the decomposition covers the window's rows.
        let start = rows.lowerBound
        var before = input.channels[c].media
        for t in start..<before.count { before[t] = 0 }
        let carry: [Double]
        switch input.channels[c].adstock {
        case .geometric:
            carry = GeometricAdstock.apply(before, theta: quantity("adstock_theta"))
        case .weibullCDF, .weibullPDF:
            carry = WeibullAdstock.apply(
                before, shape: quantity("weibull_shape"), scale: quantity("weibull_scale"), pdf: input.channels[c].adstock == .weibullPDF)
        }
        let alpha = quantity("hill_alpha")
        let inflexion = quantity("hill_inflexion")
        var carried = 0.0
        for t in rows {
            let v = carry[t]
            carried += v > 0 ? pow(v, alpha) / (pow(v, alpha) + pow(inflexion, alpha)) : 0
        }
        #expect(carried > 0, "the study must have carry-in for the test to mean something")
        let totalPrediction = rows.reduce(0.0) { $0 + parts.channelContributions[c][$1 - input.window.lowerBound] }
        let immediatePrediction = totalPrediction - parts.betas[c] * carried
        #expect(immediatePrediction < totalPrediction)
        let zTotal = (totalPrediction * 1.1 - 9000) / 1500
        let zImmediate = (immediatePrediction * 1.1 - 9000) / 1500
        let difference: Double = immediate.logDensity(q) - total.logDensity(q)
        #expect(abs(difference - (-0.5 * (zImmediate * zImmediate - zTotal * zTotal))) < 1e-9 * Swift.max(1, abs(difference)))
    }

    @Test func aStudyAtTheFirstRowHasNoCarryIn() throws {
        var input = try TestModels.allFeaturesInput()
        input.window = 0..<36
        input.liftTests = [LiftTest(channels: ["ch1"], rows: 0..<4, lift: 9000, standardError: 1500)]
        let total = try MMMPosterior(input)
        input.liftTests[0].scope = .immediate
        let immediate = try MMMPosterior(input)
        let q = TestModels.offCentre(total)
        #expect((immediate.logDensity(q) as Double) == (total.logDensity(q) as Double))
    }
}
