import Foundation
import MMMBayes
import Testing

/// The differentiable transforms reproduce Robyn's adstock and Hill outputs (Tests/Fixtures/bayes/robyn_transforms.json,
/// computed by Robyn's own R functions).
struct RobynTransformVectorTests {
    static let file = "robyn_transforms.json"

    static func close(_ ours: [Double], _ robyn: [Double], relative: Double = 1e-12, absolute: Double = 1e-12) -> Bool {
        ours.count == robyn.count && zip(ours, robyn).allSatisfy { abs($0 - $1) <= Swift.max(absolute, relative * abs($1)) }
    }

    @Test(arguments: BayesFixtures.caseNames(file, fn: "adstock_geometric"))
    func geometric(_ name: String) throws {
        let item = try BayesFixtures.namedCase(Self.file, name)
        let x = item["input"]["x"].numbers
        let decayed = GeometricAdstock.apply(x, theta: item["params"]["theta"].number)
        #expect(Self.close(decayed, item["expected"]["x_decayed"].numbers), "\(name): \(decayed)")
    }

    static let weibullCases = BayesFixtures.caseNames(file, fn: "adstock_weibull_cdf") + BayesFixtures.caseNames(file, fn: "adstock_weibull_pdf")

    @Test(arguments: weibullCases)
    func weibull(_ name: String) throws {
        let item = try BayesFixtures.namedCase(Self.file, name)
        let x = item["input"]["x"].numbers
        let (shape, scale) = (item["params"]["shape"].number, item["params"]["scale"].number)
        let windlen = Int(item["params"]["windlen"].number)
        let expected = item["expected"]
        #expect(WeibullAdstock.robynLambda(windowLength: windlen, scale: scale) == expected["scaleTrans"].number)
        // Robyn returns x unchanged when shape or scale is exactly 0; the sampler's parameters are strictly inside
        // (0, ∞) and (0, 1), so that boundary branch is not part of the differentiable transform.
        guard shape > 0, scale > 0 else { return }
        let lambda = WeibullAdstock.robynLambda(windowLength: windlen, scale: scale)
        let pdf = item["fn"].string == "adstock_weibull_pdf"
        let weights =
            pdf
            ? WeibullAdstock.pdfWeights(shape: shape, lambda: lambda, count: windlen)
            : WeibullAdstock.cdfWeights(shape: shape, lambda: lambda, count: windlen)
        #expect(Self.close(weights, expected["thetaVecCum"].numbers, relative: 1e-11, absolute: 1e-15), "\(name) weights")
        let decayed = WeibullAdstock.convolve(x, weights: weights)
        #expect(Self.close(decayed, expected["x_decayed"].numbers, relative: 1e-11, absolute: 1e-12), "\(name) decayed")
    }

    @Test(arguments: BayesFixtures.caseNames(file, fn: "saturation_hill"))
    func hill(_ name: String) throws {
        let item = try BayesFixtures.namedCase(Self.file, name)
        let x = item["input"]["x"].numbers
        let (alpha, gamma) = (item["params"]["alpha"].number, item["params"]["gamma"].number)
        let (saturated, inflexion) = HillSaturation.apply(x, window: 0..<x.count, alpha: alpha, gamma: gamma)
        #expect(FiniteDifference.close(inflexion, item["expected"]["inflexion"].number, relative: 1e-14))
        let marginal = item["input"]["x_marginal"].numbers
        let values =
            marginal.isEmpty
            ? saturated
            : marginal.map { HillSaturation.evaluate($0, alpha: alpha, logInflexion: Foundation.log(inflexion)) }
        #expect(Self.close(values, item["expected"]["x_saturated"].numbers, relative: 1e-13, absolute: 1e-15), "\(name): \(values)")
    }

    @Test func fixtureCoversEveryTransform() {
        #expect(BayesFixtures.caseNames(Self.file, fn: "adstock_geometric").count == 3)
        #expect(Self.weibullCases.count == 18)
        #expect(BayesFixtures.caseNames(Self.file, fn: "saturation_hill").count == 6)
    }
}
