import Foundation
import MMMBayes
import Testing

/// Derivatives of every transform (through the dual numbers) against central finite differences.
struct TransformGradientTests {
    static let x: [Double] = [100, 0, 0, 50, 20, 0, 0, 0, 80, 10, 0, 0, 30, 0, 0, 0, 60, 0, 5, 0, 12, 40]

    /// Checks every output's derivative in each lane of `parameters` against finite differences of `f`.
    func check(_ parameters: [Double], _ f: ([Dual4]) -> [Dual4], name: String) {
        let seeded = parameters.enumerated().map { Dual4.variable($1, index: $0) }
        let outputs = f(seeded)
        for lane in parameters.indices {
            for (t, output) in outputs.enumerated() {
                let numeric = FiniteDifference.derivative(at: parameters[lane], step: 1e-6) { value in
                    var moved = parameters.map { Dual4($0) }
                    moved[lane] = Dual4(value)
                    return f(moved)[t].value
                }
                #expect(
                    FiniteDifference.close(output.partials[lane], numeric, relative: 2e-6, absolute: 1e-9 * Swift.max(1, abs(output.value))),
                    "\(name) output \(t), parameter \(lane): \(output.partials[lane]) vs \(numeric)")
            }
        }
    }

    @Test func geometricAdstock() {
        for theta in [0.05, 0.4, 0.85] {
            check([theta], { GeometricAdstock.apply(Self.x, theta: $0[0]) }, name: "geometric θ=\(theta)")
        }
    }

    @Test(arguments: [false, true])
    func weibullAdstock(pdf: Bool) {
        for (shape, scale) in [(0.6, 0.15), (1.8, 0.3), (3.5, 0.08)] {
            check(
                [shape, scale], { WeibullAdstock.apply(Self.x, shape: $0[0], scale: $0[1], pdf: pdf) },
                name: "weibull \(pdf ? "pdf" : "cdf") k=\(shape) s=\(scale)")
        }
    }

    @Test func hillSaturationIncludingTheInflexionsArgMax() {
        // Lanes: θ (through the adstock, so the inflexion's arg-max row moves with it), α, γ.
        for (alpha, gamma) in [(0.7, 0.3), (2.2, 0.65)] {
            check(
                [0.45, alpha, gamma],
                { p in HillSaturation.apply(GeometricAdstock.apply(Self.x, theta: p[0]), window: 2..<Self.x.count, alpha: p[1], gamma: p[2]).values },
                name: "hill α=\(alpha) γ=\(gamma)")
        }
    }
}
