import Foundation
import MMMCore
import Testing

@testable import MMMEngine

/// Response curves against vectors computed independently from robyn-semantics §6.2 (make_vectors.py).
@Suite struct ResponseVectorTests {
    @Test func curveValuesMarginalsAndShapePointsMatchTheFormulas() throws {
        let cases = try DecisionFixtures.vectors()["curves"].array
        #expect(cases.count == 4)
        for item in cases {
            let curve = DecisionFixtures.curve(item)
            let xs = item["x"].doubles
            #expect(Tolerance.firstMismatch(xs.map(curve.response(at:)), item["response"].doubles, rel: 1e-13) == nil)
            #expect(Tolerance.firstMismatch(xs.map(curve.gradient(at:)), item["marginal"].doubles, rel: 1e-12) == nil)
            #expect(Tolerance.close(curve.saturationSpend(share: 0.9), item["saturation_spend_90"].double, rel: 1e-13))
            #expect(Tolerance.close(curve.inflectionSpend, item["inflection_spend"].double, rel: 1e-13))
            let breakEven = item["break_even_spend"]
            if breakEven.isNull {
                #expect(curve.breakEvenSpend == nil)
            } else {
                let found = try #require(curve.breakEvenSpend)
                #expect(Tolerance.close(found, breakEven.double, rel: 1e-10), "\(found) vs \(breakEven.double)")
                #expect(Tolerance.close(curve.gradient(at: found), 1, rel: 1e-10))
            }
        }
    }

    /// The inverse of the marginal response (used by water-filling) on the concave branch.
    @Test func inverseMarginalRecoversTheSpend() throws {
        for item in try DecisionFixtures.vectors()["curves"].array {
            let curve = DecisionFixtures.curve(item)
            let start = Swift.max(0, curve.inflectionSpend)
            for x in [start + 1, start * 2 + 10, start + 5_000] {
                let back = curve.spend(atMarginal: curve.gradient(at: x), low: start, high: start + 1e6)
                #expect(Tolerance.close(back, x, rel: 1e-9), "\(back) vs \(x)")
            }
        }
    }

    @Test(arguments: ["geometric", "weibull_cdf", "weibull_pdf"])
    func historyCarryoverResponseAndSimulationMatch(adstock: String) throws {
        let item = try #require(try DecisionFixtures.vectors()["histories"].array.first { $0["adstock"].string == adstock })
        let type = try #require(AdstockType(rawValue: adstock))
        let params = item["params"]
        let values = item["values"].doubles
        let dates = item["dates"].array.compactMap { $0.string.flatMap(DateFormat.isoDate.parse) }
        let window = Int(item["window_rows"][0].double)..<Int(item["window_rows"][1].double)
        let rows = Int(item["rows"][0].double)..<Int(item["rows"][1].double)
        let entry = ModelFileMedia(
            name: "m", role: .paidMedia, spendColumn: "m", costPerExposure: nil, coefficient: item["coef"].double,
            alpha: item["alpha"].double, gamma: item["gamma"].double, theta: params["theta"].isNull ? nil : params["theta"].double,
            shape: params["shape"].isNull ? nil : params["shape"].double, scale: params["scale"].isNull ? nil : params["scale"].double,
            inflexion: item["inflexion"].double, values: values, windowMean: 0, windowMeanCarryover: 0, windowMeanResponse: 0)
        let file = ModelFile(
            runId: "r", modelId: "m", engine: .native, depVar: "y", depVarType: .revenue, adstock: type, dates: dates,
            windowStart: dates[window.lowerBound], windowEnd: dates[window.upperBound - 1], metrics: ModelMetrics(modelId: "m"),
            media: [entry])
        let model = try ResponseModel(file)
        let channel = try #require(model.channel(named: "m"))
        // The inflexion training would store for this history.
        let inflexion = HillSaturation.inflexion(of: Array(channel.adstocked[window]), gamma: item["gamma"].double)
        #expect(Tolerance.close(inflexion, item["inflexion"].double, rel: 1e-12))
        #expect(Tolerance.close(channel.meanValue(rows: rows), item["mean_value"].double, rel: 1e-13))
        #expect(Tolerance.close(channel.meanCarryover(rows: rows), item["mean_carryover"].double, rel: 1e-11))
        #expect(Tolerance.close(channel.historicalResponse(rows: rows), item["historical_response"].double, rel: 1e-11))
        let curve = channel.curve(rows: rows)
        #expect(Tolerance.close(curve.response(at: channel.meanValue(rows: rows)), item["curve_at_mean"].double, rel: 1e-11))
        for simulation in item["simulations"].array {
            let result = channel.simulate(spend: simulation["spend"].double, rows: rows)
            #expect(Tolerance.close(result.immediate, simulation["mean_immediate"].double, rel: 1e-11))
            #expect(Tolerance.close(result.carryover, simulation["mean_carryover"].double, rel: 1e-11))
            #expect(Tolerance.close(result.response, simulation["response"].double, rel: 1e-11))
        }
    }

    @Test func twoChannelOptimaMatchScipy() throws {
        for item in try DecisionFixtures.vectors()["allocations"].array {
            let channels = item["channels"].array.map {
                BoundedCurve(curve: DecisionFixtures.curve($0), lower: $0["lower"].double, upper: $0["upper"].double)
            }
            let solution = BudgetSolver.maximize(channels, budget: item["budget"].double)
            let expected = item["total_response"].double
            // Never worse than scipy's grid + bounded search, and the same optimum.
            #expect(solution.total >= expected - 1e-9 * expected, "\(solution.total) vs \(expected)")
            #expect(Tolerance.close(solution.total, expected, rel: 1e-9))
            #expect(Tolerance.firstMismatch(solution.spend, item["spend"].doubles, rel: 1e-5, abs: 1e-5) == nil, "\(solution.spend)")
        }
    }
}
