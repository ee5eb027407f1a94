import MMMCore
import MMMEngine
import Testing

/// Adstock, Hill and `run_transformations` against Robyn's own outputs (robyn_transforms.json).
@Suite("Robyn transformation vectors")
struct TransformVectorTests {
    @Test("adstock_geometric", arguments: Fixtures.caseNames(fn: "adstock_geometric"))
    func geometric(name: String) throws {
        let item = try Fixtures.transformCase(name)
        let expected = item["expected"]
        let output = Adstock.geometric(item["input"]["x"].doubles, theta: item["params"]["theta"].double)
        #expect(Tolerance.firstMismatch(output.decayed, expected["x_decayed"].doubles) == nil)
        #expect(Tolerance.firstMismatch(output.weights, expected["thetaVecCum"].doubles) == nil)
        #expect(Tolerance.firstMismatch(output.immediate, expected["immediate"].doubles) == nil)
        #expect(Tolerance.firstMismatch(output.carryover, expected["carryover"].doubles, abs: 1e-9) == nil)
        #expect(Tolerance.close(output.inflationTotal, expected["inflation_total"].double))
    }

    @Test("adstock_weibull cdf/pdf", arguments: Fixtures.caseNames(fn: "adstock_weibull_cdf", "adstock_weibull_pdf"))
    func weibull(name: String) throws {
        let item = try Fixtures.transformCase(name)
        let params = item["params"]
        let expected = item["expected"]
        let pdf = item["fn"].string == "adstock_weibull_pdf"
        let output = Adstock.weibull(
            item["input"]["x"].doubles, shape: params["shape"].double, scale: params["scale"].double, pdf: pdf,
            windowLength: params["windlen"].int)
        #expect(output.scaleTrans == expected["scaleTrans"].double)
        #expect(Tolerance.firstMismatch(output.weights, expected["thetaVecCum"].doubles) == nil)
        #expect(Tolerance.firstMismatch(output.decayed, expected["x_decayed"].doubles) == nil)
        #expect(Tolerance.firstMismatch(output.directImmediate, expected["x_imme"].doubles) == nil)
        #expect(
            Tolerance.firstMismatch(output.immediate, expected["immediate_used_by_run_transformations"].doubles) == nil)
        #expect(Tolerance.firstMismatch(output.carryover, expected["carryover"].doubles, abs: 1e-9) == nil)
        #expect(Tolerance.close(output.inflationTotal, expected["inflation_total"].double))
    }

    @Test("saturation_hill", arguments: Fixtures.caseNames(fn: "saturation_hill"))
    func hill(name: String) throws {
        let item = try Fixtures.transformCase(name)
        let params = item["params"]
        let expected = item["expected"]
        let x = item["input"]["x"].doubles
        let alpha = params["alpha"].double
        let inflexion = HillSaturation.inflexion(of: x, gamma: params["gamma"].double)
        #expect(Tolerance.close(inflexion, expected["inflexion"].double))
        let marginal = item["input"]["x_marginal"]
        let values =
            marginal.isNull
            ? HillSaturation.saturate(x, alpha: alpha, gamma: params["gamma"].double).values
            : HillSaturation.saturate(marginal.doubles, alpha: alpha, inflexion: inflexion)
        #expect(Tolerance.firstMismatch(values, expected["x_saturated"].doubles) == nil)
    }

    @Test("run_transformations", arguments: Fixtures.caseNames(fn: "run_transformations"))
    func runTransformations(name: String) throws {
        let item = try Fixtures.transformCase(name)
        let params = item["params"]
        let expected = item["expected"]
        let adstock = try #require(AdstockType(rawValue: params["adstock"].string ?? ""))
        let hyper = params["hyperparameters"]
        // 1-based inclusive window locations → 0-based half-open.
        let window = (try #require(params["window_start_loc"].int) - 1)..<(try #require(params["window_end_loc"].int))
        for media in params["all_media"].array.compactMap(\.string) {
            let parameters: AdstockParameters =
                adstock == .geometric
                ? .geometric(theta: hyper["\(media)_thetas"].double)
                : .weibull(shape: hyper["\(media)_shapes"].double, scale: hyper["\(media)_scales"].double)
            let output = try MediaTransformation.run(
                item["input"][media].doubles, adstock: adstock, parameters: parameters,
                alpha: hyper["\(media)_alphas"].double, gamma: hyper["\(media)_gammas"].double, window: window)
            #expect(Tolerance.firstMismatch(output.adstocked, expected["adstocked_full"][media].doubles) == nil)
            #expect(Tolerance.firstMismatch(output.saturatedTotal, expected["saturated_total"][media].doubles) == nil)
            #expect(
                Tolerance.firstMismatch(
                    output.saturatedImmediate, expected["saturated_immediate"][media].doubles, abs: 1e-10) == nil)
            #expect(
                Tolerance.firstMismatch(
                    output.saturatedCarryover, expected["saturated_carryover"][media].doubles, abs: 1e-12) == nil)
            #expect(Tolerance.close(output.inflexion, expected["inflexions"]["\(media)_inflexion"].double))
            #expect(Tolerance.close(output.inflation, expected["inflations"]["\(media)_inflation"].double))
        }
    }

    @Test("scaleTrans helper: round(quantile(1:windlen, scale)) with half-to-even")
    func scaleTrans() throws {
        let item = try Fixtures.transformCase("scaleTrans_helper_windlen_20")
        let windlen = try #require(item["params"]["windlen"].int)
        let scales = item["input"]["scale"].doubles
        let quantiles = scales.map { RCompat.quantileOfSequence(count: windlen, probability: $0) }
        let rounded = scales.map { Adstock.weibullScaleTrans(windowLength: windlen, scale: $0) }
        #expect(Tolerance.firstMismatch(quantiles, item["expected"]["quantile"].doubles) == nil)
        #expect(rounded == item["expected"]["rounded"].doubles)
    }
}
