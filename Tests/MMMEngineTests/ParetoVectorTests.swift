import Foundation
import MMMEngine
import Testing

/// Pareto fronts, `errors_scores` and the allocator response against Robyn's vectors, plus vector coverage.
@Suite("Pareto, error score and allocator vectors")
struct ParetoVectorTests {
    @Test("pareto_front with the duplicate-point quirk, all fronts and max 2")
    func paretoFront() throws {
        let item = try Fixtures.transformCase("pareto_front")
        let x = item["input"]["nrmse"].doubles
        let y = item["input"]["decomp_rssd"].doubles
        func expected(_ key: String) -> [Int?] { item["expected"][key].array.map(\.int) }
        #expect(ParetoFronts.assign(x: x, y: y) == expected("front_all"))
        #expect(ParetoFronts.assign(x: x, y: y, maxFronts: 2) == expected("front_max2"))
    }

    @Test("errors_scores")
    func errorScores() throws {
        let item = try Fixtures.transformCase("errors_scores")
        let input = item["input"]
        let scores = ErrorScores.compute(
            nrmse: input["nrmse_train"].doubles, decompRSSD: input["decomp_rssd"].doubles, mape: input["mape"].doubles,
            balance: item["params"]["balance"].doubles)
        #expect(Tolerance.firstMismatch(scores, item["expected"]["error_score"].doubles) == nil)
    }

    @Test("errors_scores replaces Inf by 1 (max(is.finite(x)))")
    func errorScoresInfinity() {
        // nrmse normalised over {0.1, 0.3, 1}; rssd Inf → 1 normalised over {0.2, 0.4, 1}.
        let scores = ErrorScores.compute(nrmse: [0.1, 0.3, .infinity], decompRSSD: [0.2, .infinity, 0.4], mape: [0, 0, 0])
        let w = 1.0 / 3
        let expected = [
            (w * 0.0).magnitude,
            ((w * (0.2 / 0.9)) * (w * (0.2 / 0.9)) + w * w).squareRoot(),
            (w * w + (w * 0.25) * (w * 0.25)).squareRoot(),
        ]
        #expect(Tolerance.firstMismatch(scores, expected, rel: 1e-12) == nil)
    }

    @Test("allocator fx_objective and gradient")
    func allocator() throws {
        let item = try Fixtures.transformCase("allocator_fx_objective")
        let params = item["params"]
        let carry = params["x_hist_carryover"].doubles
        let curve = ResponseCurve(
            coefficient: params["coeff"].double, alpha: params["alpha"].double, inflexion: params["inflexion"].double,
            carryoverMean: carry.reduce(0, +) / Double(carry.count))
        let x = item["input"]["x"].doubles
        #expect(Tolerance.firstMismatch(x.map(curve.response(at:)), item["expected"]["response"].doubles) == nil)
        #expect(
            Tolerance.firstMismatch(x.map { -curve.gradient(at: $0) }, item["expected"]["neg_gradient"].doubles) == nil)
    }

    @Test("every vector case is exercised by a test")
    func coverage() throws {
        let handled: Set<String> = [
            "adstock_geometric", "adstock_weibull_cdf", "adstock_weibull_pdf", "saturation_hill",
            "run_transformations", "nrmse", "ts_split", "get_rsq", "decomp_rssd", "glmnet_ridge", "pareto_front",
            "errors_scores", "fx_objective", "round(quantile(1:windlen, scale))",
        ]
        let cases = try Fixtures.transformCases()
        #expect(cases.count == 46)
        for item in cases {
            #expect(handled.contains(item["fn"].string ?? ""), "unhandled case \(item["name"].string ?? "?")")
        }
        let parameterised =
            Fixtures.caseNames(fn: "adstock_geometric", "adstock_weibull_cdf", "adstock_weibull_pdf")
            + Fixtures.caseNames(fn: "saturation_hill", "run_transformations", "ts_split", "get_rsq", "decomp_rssd")
        #expect(parameterised.count == 40)
    }
}
