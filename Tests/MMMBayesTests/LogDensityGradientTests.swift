import Foundation
import MMMBayes
import Testing

/// The full MMM log density: the fast structured gradient, the generic Dual64 gradient and central finite
/// differences must agree.
struct LogDensityGradientTests {
    func check(_ model: MMMPosterior, at q: [Double], step: Double = 1e-6) {
        var workspace = model.makeWorkspace()
        var fast = [Double](repeating: 0, count: model.dimension)
        let value = model.logDensity(q, gradient: &fast, workspace: &workspace)
        let plain: Double = model.logDensity(q)
        #expect(FiniteDifference.close(value, plain, relative: 1e-12), "fast value \(value) vs generic \(plain)")
        let seeded = q.enumerated().map { Dual64.variable($1, index: $0) }
        let reference = model.logDensity(seeded)
        let numeric = FiniteDifference.gradient(at: q, step: step) { model.logDensity($0) as Double }
        for i in q.indices {
            #expect(FiniteDifference.close(fast[i], reference.partials[i], relative: 1e-9), "coordinate \(i): fast \(fast[i]) vs dual \(reference.partials[i])")
            #expect(FiniteDifference.close(fast[i], numeric[i], relative: 1e-5, absolute: 1e-5), "coordinate \(i): fast \(fast[i]) vs finite difference \(numeric[i])")
        }
    }

    @Test func geometricDefaultPriors() throws {
        let model = try MMMPosterior(TestModels.small().input)
        check(model, at: TestModels.offCentre(model))
    }

    @Test func everyFeature() throws {
        let model = try TestModels.allFeatures()
        #expect(model.dimension <= 64)
        check(model, at: TestModels.offCentre(model))
        check(model, at: model.initialPoint())
    }

    @Test func weibullShapesOnBothSidesOfOne() throws {
        // k < 1 puts the PDF's peak at lag 0 and k > 1 later; both min–max normalisation branches are exercised.
        let model = try TestModels.allFeatures()
        for shape in [0.6, 1.3, 4.0] {
            var q = TestModels.offCentre(model)
            q[model.layout.channels[1].adstock] = Foundation.log(shape)
            q[model.layout.channels[2].adstock] = Foundation.log(shape)
            check(model, at: q)
        }
    }

    @Test func boundedRangePriorsIncludingTheirTails() throws {
        // Interval priors are sampled on the interval's logit and mapped to the kernel's log / logit coordinates;
        // check the chain rule in the middle and far out towards both walls (v = ±6: within 0.25 % of a bound).
        // There the log density is ~2·10⁵, so a central difference needs a step of 1e-4 to stay above rounding.
        let model = try MMMPosterior(TestModels.boundedInput())
        check(model, at: TestModels.offCentre(model))
        for far in [-6.0, 6.0] {
            var q = TestModels.offCentre(model)
            for slots in model.layout.channels {
                q[slots.alpha] = far
                q[slots.gamma] = -far
                q[slots.adstock] = far
            }
            check(model, at: q, step: 1e-4)
        }
    }
}
