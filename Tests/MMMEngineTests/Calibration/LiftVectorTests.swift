import Foundation
import MMMCore
import Testing

@testable import MMMEngine

/// MAPE.LIFT against Tests/Fixtures/calibration/lift_vectors.json, computed by an independent numpy implementation of
/// Robyn's `lift_calibration` (robyn_lift_oracle.py): geometric, Weibull CDF/PDF and the identity branch; single and
/// multi-channel studies; both scopes; a study starting between data dates; Robyn's formula and the corrected one.
@Suite struct LiftVectorTests {
    static let fixture: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/calibration/lift_vectors.json")

    static func cases() throws -> [JSONValue] {
        try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: fixture))["cases"].array
    }

    static let caseNames = ((try? cases()) ?? []).compactMap { $0["name"].string }

    @Test func theFixtureHasEveryCase() {
        #expect(Self.caseNames == ["geometric", "weibull_cdf", "weibull_pdf", "weibull_identity"])
    }

    @Test(arguments: caseNames, CalibrationFormula.allCases)
    func outcomesMatchTheOracle(name: String, formula: CalibrationFormula) throws {
        let item = try #require(try Self.cases().first { $0["name"].string == name })
        let adstock = try #require(item["adstock"].string.flatMap(AdstockType.init(rawValue:)))
        let dates = item["dates"].array.compactMap { $0.string.flatMap(DateFormat.isoDate.parse) }
        let lower = try #require(item["window"][0].int)
        let upper = try #require(item["window"][1].int)
        let window = lower..<upper
        let names = ["a", "b"]
        let studies = try item["studies"].array.map { s in
            let channel = try #require(s["channel"].string)
            let start = try #require(s["liftStartDate"].string.flatMap(DateFormat.isoDate.parse))
            let end = try #require(s["liftEndDate"].string.flatMap(DateFormat.isoDate.parse))
            let scope = try #require(s["calibration_scope"].string.flatMap(CalibrationScope.init(rawValue:)))
            return CalibrationStudy(channel: channel, liftStartDate: start, liftEndDate: end, liftAbs: s["liftAbs"].double, scope: scope)
        }
        let plans = try CalibrationPlan.resolve(
            studies, dates: dates, window: window, mediaNames: names, formula: formula, modelledName: { $0 })
        let plan = CalibrationPlan(studies: plans, formula: formula, constraint: 0.1, selection: .robyn)
        // The model side with the engine's own transforms: adstock over all rows, Hill on the window.
        let series = try names.map { name -> LiftChannelSeries in
            let channel = item["channels"][name]
            let p = channel["params"]
            let parameters: AdstockParameters =
                adstock == .geometric ? .geometric(theta: p["theta"].double) : .weibull(shape: p["shape"].double, scale: p["scale"].double)
            let raw = channel["x"].doubles
            let total = try Adstock.transform(raw, type: adstock, parameters: parameters).decayed
            let (saturated, inflexion) = HillSaturation.saturate(
                Array(total[window]), alpha: channel["alpha"].double, gamma: channel["gamma"].double)
            return LiftChannelSeries(
                raw: raw, adstocked: total, saturatedTotal: saturated, coefficient: channel["coef"].double,
                alpha: channel["alpha"].double, inflexion: inflexion, adstock: parameters, adstockType: adstock)
        }
        let outcomes = LiftCalibration.outcomes(plan, rowCount: dates.count) { series[$0] }
        let expected = item["expected"][formula.rawValue]
        #expect(outcomes.count == expected["studies"].array.count)
        for (k, outcome) in outcomes.enumerated() {
            let e = expected["studies"][k]
            #expect(outcome.plan.decompStart.description == e["decompStart"].string, "study \(k + 1)")
            #expect(outcome.plan.decompEnd.description == e["decompEnd"].string, "study \(k + 1)")
            #expect(Tolerance.close(outcome.predicted, e["decompAbsScaled"].double, rel: 1e-9, abs: 1e-6), "study \(k + 1)")
            #expect(Tolerance.close(outcome.predictedTotal, e["decompAbsTotalScaled"].double, rel: 1e-9, abs: 1e-6), "study \(k + 1)")
            #expect(Tolerance.close(outcome.mapeLift, e["mape_lift"].double, rel: 1e-9), "study \(k + 1)")
        }
        #expect(Tolerance.close(LiftCalibration.mape(outcomes), expected["mape"].double, rel: 1e-9))
    }

    @Test func robynsWeibullQuirkChangesTheImmediatePrediction() throws {
        // The two formulas share the rows; for Weibull the study-only kernel differs, so the predictions differ.
        let item = try #require(try Self.cases().first { $0["name"].string == "weibull_cdf" })
        let robyn = item["expected"]["robyn"]["studies"][0]["decompAbsScaled"].double
        let corrected = item["expected"]["corrected"]["studies"][0]["decompAbsScaled"].double
        #expect(abs(robyn - corrected) > 1e-6 * abs(robyn))
    }
}
