import Foundation
import MMMCharts
import MMMCore
import MMMEngine

/// The response curves of a model's paid channels (mean spend per period → mean response per period, Robyn's
/// §6.2 curve with the window's mean carryover), with today's spend and, when the run has an allocation, the
/// recommended spend marked on each curve.
struct ResponseCurvesChart: Sendable {
    let view: ModelView
    let width: Double

    /// Points per curve.
    static let samples = 60

    func chart() -> CurvesChart {
        var curves: [CurvesChart.Curve] = []
        var marks: [CurvesChart.Mark] = []
        for (i, channel) in view.channels.enumerated() {
            // Each curve runs to twice today's spend (or past the recommendation), so its bend is visible.
            let end = max(channel.currentSpend * 2, (channel.optimalSpend ?? 0) * 1.25, 1e-9)
            let points = (0...Self.samples).map { k -> CurvesChart.Point in
                let x = end * Double(k) / Double(Self.samples)
                return .init(x: x, y: channel.curve.response(at: x))
            }
            curves.append(.init(name: channel.name, points: points))
            marks.append(
                .init(curve: i, x: channel.currentSpend, y: channel.curve.response(at: channel.currentSpend), kind: .current))
            if let optimal = channel.optimalSpend {
                marks.append(.init(curve: i, x: optimal, y: channel.curve.response(at: optimal), kind: .optimal))
            }
        }
        let per = String(view.periodName.dropLast())
        return CurvesChart(
            title: "Response curves", curves: curves, marks: marks,
            xAxis: AxisOptions(title: "Mean spend per \(per)", includeZero: true),
            yAxis: AxisOptions(title: "Mean response per \(per)", includeZero: true),
            options: ChartOptions(width: width, height: 330))
    }

    static func caption(_ view: ModelView) -> String {
        let optimal = view.channels.contains { $0.optimalSpend != nil }
        let range = view.curveRange.map { "the allocation's dates (\($0))" } ?? "the modelling window"
        return "Mean response per period against mean spend per period for each paid channel, with the mean carryover over \(range). Hollow circles mark today's spend (its mean over the same dates)"
            + (optimal ? "; filled diamonds the allocator's recommendation." : ". This run has no allocation, so no recommended spend is marked.")
            + " Where a curve flattens, more spend buys little; at zero spend a curve still shows the effect carried over from earlier spend."
    }
}
