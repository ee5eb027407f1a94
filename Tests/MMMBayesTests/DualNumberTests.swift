import Foundation
import MMMBayes
import Testing

/// Every elementary function of the dual numbers against central finite differences, and the special functions
/// against SciPy's values.
struct DualNumberTests {
    /// (name, function on a generic scalar, points to check).
    static let unary: [(String, @Sendable (Dual2) -> Dual2, @Sendable (Double) -> Double, [Double])] = [
        ("exp", { Dual2.exp($0) }, { Foundation.exp($0) }, [-3, 0.2, 4]),
        ("log", { Dual2.log($0) }, { Foundation.log($0) }, [0.01, 1.3, 50]),
        ("log1p", { Dual2.log1p($0) }, { Foundation.log1p($0) }, [-0.5, 1e-4, 3]),
        ("expm1", { Dual2.expm1($0) }, { Foundation.expm1($0) }, [-2, 1e-5, 1.5]),
        ("sqrt", { Dual2.sqrt($0) }, { Foundation.sqrt($0) }, [0.04, 2, 90]),
        ("square", { Dual2.square($0) }, { $0 * $0 }, [-1.5, 0.3, 7]),
        ("pow 2.7", { Dual2.pow($0, 2.7) }, { Foundation.pow($0, 2.7) }, [0.1, 1.2, 6]),
        ("pow 0.5", { Dual2.pow($0, 0.5) }, { Foundation.pow($0, 0.5) }, [0.1, 1.2, 6]),
        ("lgamma", { Dual2.lgamma($0) }, { Foundation.lgamma($0) }, [0.3, 1, 4.5, 30]),
        ("digamma", { Dual2.digamma($0) }, { SpecialFunctions.digamma($0) }, [0.3, 1, 4.5, 30]),
        ("logistic", { Dual2.logistic($0) }, { 1 / (1 + Foundation.exp(-$0)) }, [-30, -1, 0, 2.5, 30]),
        ("softplus", { Dual2.softplus($0) }, { Foundation.log1p(Foundation.exp($0)) }, [-30, -1, 0, 2.5, 30]),
        ("reciprocal", { 1 / $0 }, { 1 / $0 }, [-2, 0.7, 9]),
        ("constant minus", { 3 - $0 * 2 }, { 3 - $0 * 2 }, [-2, 0.7]),
    ]

    @Test(arguments: unary.indices)
    func unaryDerivativeMatchesFiniteDifference(_ index: Int) {
        let (name, dual, plain, points) = Self.unary[index]
        for x in points {
            let result = dual(Dual2.variable(x, index: 0))
            #expect(FiniteDifference.close(result.value, plain(x), relative: 1e-14), "\(name)(\(x)) value")
            let numeric = FiniteDifference.derivative(at: x, step: 1e-7, plain)
            #expect(FiniteDifference.close(result.partials[0], numeric, relative: 1e-6), "\(name)′(\(x)): \(result.partials[0]) vs \(numeric)")
            #expect(result.partials[1] == 0)
        }
    }

    @Test func binaryOperationsCarryBothPartials() {
        let x = Dual2.variable(1.7, index: 0)
        let y = Dual2.variable(0.6, index: 1)
        let cases: [(Dual2, Double, Double)] = [
            (x * y, 0.6, 1.7), (x / y, 1 / 0.6, -1.7 / 0.36), (x - y, 1, -1), (x + y, 1, 1),
            (Dual2.pow(x, y), 0.6 * Foundation.pow(1.7, -0.4), Foundation.pow(1.7, 0.6) * Foundation.log(1.7)),
        ]
        for (result, dx, dy) in cases {
            #expect(FiniteDifference.close(result.partials[0], dx, relative: 1e-13))
            #expect(FiniteDifference.close(result.partials[1], dy, relative: 1e-13))
        }
        var sum = Dual2(0)
        sum.add(x, times: 3)
        sum += y
        #expect(sum.value == 3 * 1.7 + 0.6 && sum.partials == SIMD2(3, 1))
    }

    @Test func wideDualsSeedTheirLane() {
        let v = Dual64.variable(2, index: 40)
        let f = Dual64.exp(v) * v
        #expect(FiniteDifference.close(f.partials[40], 3 * Foundation.exp(2), relative: 1e-14))
        #expect((0..<64).filter { f.partials[$0] != 0 } == [40])
    }

    @Test func digammaAndTrigammaMatchSciPy() {
        // scipy.special.digamma / polygamma(1, x).
        let reference: [(Double, Double, Double)] = [
            (1, -0.5772156649015329, 1.6449340668482266), (0.5, -1.9635100260214235, 4.93480220054468),
            (10, 2.251752589066721, 0.10516633568168576), (-0.5, 0.03648997397857651, 8.934802200544679),
            (3.7, 1.1671535393615113, 0.31003785767003833), (1e-3, -1000.5755719318103, 1000001.6425331959),
        ]
        for (x, psi, psi1) in reference {
            #expect(FiniteDifference.close(SpecialFunctions.digamma(x), psi, relative: 1e-13), "ψ(\(x))")
            #expect(FiniteDifference.close(SpecialFunctions.trigamma(x), psi1, relative: 1e-13), "ψ′(\(x))")
        }
        #expect(SpecialFunctions.digamma(-2).isNaN && SpecialFunctions.trigamma(0).isNaN)
    }

    @Test func logSumExpIsStable() {
        #expect(SpecialFunctions.logSumExp(1000, 1000) == 1000 + Foundation.log(2))
        #expect(SpecialFunctions.logSumExp(-.infinity, -3) == -3)
        #expect(FiniteDifference.close(SpecialFunctions.logSumExp(0.3, -1.2), Foundation.log(Foundation.exp(0.3) + Foundation.exp(-1.2)), relative: 1e-15))
        #expect(SpecialFunctions.softplus(800) == 800 && SpecialFunctions.logistic(-800) == 0)
    }
}
