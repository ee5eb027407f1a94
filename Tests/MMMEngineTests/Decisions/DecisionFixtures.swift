import Foundation
import MMMCore

@testable import MMMEngine

/// The allocator vectors (Tests/Fixtures/allocator, computed by make_vectors.py with numpy/scipy) and small
/// hand-built model files.
enum DecisionFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let vectorsResult: Result<JSONValue, any Error> = Result {
        let url = repoRoot.appendingPathComponent("Tests/Fixtures/allocator/response_vectors.json")
        return try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
    }

    static func vectors() throws -> JSONValue { try vectorsResult.get() }

    /// A curve from a vector case.
    static func curve(_ item: JSONValue) -> ResponseCurve {
        ResponseCurve(
            coefficient: item["coef"].double, alpha: item["alpha"].double, inflexion: item["inflexion"].double,
            carryoverMean: item["carryover"].double)
    }

    /// Weekly dates from 2020-01-06.
    static func weeks(_ count: Int) -> [CalendarDate] {
        let start = CalendarDate(year: 2020, month: 1, day: 6) ?? CalendarDate(daysSinceEpoch: 18267)
        return (0..<count).map { start.adding(days: 7 * $0) }
    }

    /// A geometric model file with paid channels given as (name, values, coef, alpha, theta, gamma); the inflexion is
    /// γ·max(adstocked window), as training stores it.
    static func modelFile(
        channels: [(name: String, values: [Double], coef: Double, alpha: Double, theta: Double, gamma: Double)],
        window: Range<Int>, depVarType: DepVarType = .revenue
    ) throws -> ModelFile {
        let rows = channels.first?.values.count ?? 0
        let dates = weeks(rows)
        let media = try channels.map { c -> ModelFileMedia in
            let adstocked = Adstock.geometric(c.values, theta: c.theta).decayed
            let inflexion = HillSaturation.inflexion(of: Array(adstocked[window]), gamma: c.gamma)
            var entry = ModelFileMedia(
                name: c.name, role: .paidMedia, spendColumn: c.name, costPerExposure: nil, coefficient: c.coef,
                alpha: c.alpha, gamma: c.gamma, theta: c.theta, shape: nil, scale: nil, inflexion: inflexion,
                values: c.values, windowMean: 0, windowMeanCarryover: 0, windowMeanResponse: 0)
            let model = try ChannelModel(entry, adstock: .geometric)
            entry.windowMean = model.meanValue(rows: window)
            entry.windowMeanCarryover = model.meanCarryover(rows: window)
            entry.windowMeanResponse = model.historicalResponse(rows: window)
            return entry
        }
        var metrics = ModelMetrics(modelId: "1_1_1")
        metrics.nrmse = 0.1
        return ModelFile(
            runId: "test", modelId: "1_1_1", engine: .native, depVar: "revenue", depVarType: depVarType,
            adstock: .geometric, dates: dates, windowStart: dates[window.lowerBound], windowEnd: dates[window.upperBound - 1],
            metrics: metrics, media: media)
    }

    /// Three channels with different shapes over 60 weeks (window rows 8..<60).
    static func threeChannels(depVarType: DepVarType = .revenue) throws -> ModelFile {
        func series(_ base: Double, _ wiggle: Double, _ phase: Double) -> [Double] {
            (0..<60).map { t in Swift.max(0, base + wiggle * sin(Double(t) / 4 + phase)) }
        }
        return try modelFile(
            channels: [
                ("tv_S", series(20_000, 9_000, 0), 300_000, 2.2, 0.5, 0.6),
                ("search_S", series(6_000, 2_000, 1), 90_000, 0.9, 0.1, 0.4),
                ("print_S", series(3_000, 2_500, 2), 40_000, 1.5, 0.3, 0.8),
            ], window: 8..<60, depVarType: depVarType)
    }
}
