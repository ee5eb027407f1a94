import Foundation
import MMMCharts
import MMMCore
import MMMEngine

/// A model's one-pager: six charts (fit over time with the split, decomposition, effect vs spend share, response
/// curves, carryover, residuals), as figures for the HTML report and as one standalone SVG sheet.
struct OnePager: Sendable {
    /// The model shown.
    let view: ModelView
    /// The charts' width (two fit side by side in the report's column and on the sheet).
    let width: Double

    init(_ view: ModelView, width: Double = 460) {
        self.view = view
        self.width = width
    }

    /// The charts with their captions, in reading order.
    func figures() -> [HTMLFigure] {
        [
            HTMLFigure(chart: fit().render(), caption: fitCaption),
            HTMLFigure(chart: decomposition().render(), caption: "Each bar adds one variable's total contribution over the window; hatched bars take away. The last bar is the predicted total."),
            HTMLFigure(chart: shares().render(), caption: "Paid channels: share of paid spend beside share of paid effect. A channel whose effect share exceeds its spend share returns more than the average channel (its \(view.efficiencyName) is in the table below)."),
            HTMLFigure(chart: ResponseCurvesChart(view: view, width: width).chart().render(), caption: ResponseCurvesChart.caption(view)),
            HTMLFigure(chart: carryover().render(), caption: carryoverCaption),
            HTMLFigure(chart: residuals().render(), caption: "Residual (actual − predicted) against the prediction, one point per period, by split. A good fit scatters evenly around the zero line with no pattern."),
        ]
    }

    /// The whole one-pager as one SVG document.
    func sheet() -> RenderedChart {
        ChartSheet(
            title: "Model \(view.modelId): one-pager", subtitle: Self.headline(view.metrics), panels: figures().map(\.chart),
            columns: 2
        ).render()
    }

    /// The model's fit in one line.
    static func headline(_ m: ModelMetrics) -> String {
        var parts = ["Adjusted R² training \(ReportFormat.number(m.rsqTrain, digits: 3))"]
        if m.rsqVal != nil || m.rsqTest != nil {
            parts[0] += ", validation \(ReportFormat.number(m.rsqVal, digits: 3)), test \(ReportFormat.number(m.rsqTest, digits: 3))"
        }
        parts.append("NRMSE \(ReportFormat.number(m.nrmse, digits: 4))")
        parts.append("DECOMP.RSSD \(ReportFormat.number(m.decompRssd, digits: 4))")
        parts.append("training share \(ReportFormat.percent(m.trainSize))")
        return parts.joined(separator: " · ")
    }

    private var options: ChartOptions { ChartOptions(width: width, height: 330) }

    private var fitCaption: String {
        let s = view.split
        guard s.hasValidation else { return "Actual and predicted \(view.depVar) per period; every period was used for training." }
        return "Actual and predicted \(view.depVar) per period. Vertical lines mark where validation (\(s.validation.count) periods) and test (\(s.test.count) periods) start; the first \(s.train.count) periods trained the model."
    }

    func fit() -> LineChart {
        let dates = view.dates.map { ChartDate(daysSinceEpoch: $0.daysSinceEpoch) }
        var splits: [LineChart.Split] = []
        let s = view.split
        if s.hasValidation {
            if s.trainEnd < dates.count, !s.validation.isEmpty { splits.append(.init(date: dates[s.trainEnd], label: "validation")) }
            if s.validationEnd < dates.count { splits.append(.init(date: dates[s.validationEnd], label: "test")) }
        }
        return LineChart(
            title: "Actual vs predicted \(view.depVar)", dates: dates,
            series: [.init(name: "Actual", values: view.actual), .init(name: "Predicted", values: view.fitted)],
            splits: splits, yAxis: AxisOptions(title: view.depVar), options: options)
    }

    func decomposition() -> WaterfallChart {
        let order: [VariableContribution.Role] = [.intercept, .baseline, .context, .organic, .paidMedia]
        let steps = order.flatMap { role in
            view.contributions.filter { $0.role == role && $0.totalEffect != 0 && $0.totalEffect.isFinite }
                .map { WaterfallChart.Step(label: $0.variable, value: $0.totalEffect) }
        }
        return WaterfallChart(
            title: "Decomposition of predicted \(view.depVar)", steps: steps, totalLabel: "Predicted total",
            valueAxis: AxisOptions(title: "Total over the window"), options: ChartOptions(width: width))
    }

    func shares() -> BarChart {
        let paid = view.contributions.filter { $0.role == .paidMedia }
        return BarChart(
            title: "Effect share vs spend share", categories: paid.map(\.variable),
            series: [
                .init(name: "Spend share", values: paid.map { $0.spendShare ?? .nan }),
                .init(name: "Effect share", values: paid.map { $0.effectShare ?? .nan }),
            ],
            orientation: .horizontal, valueAxis: AxisOptions(title: "Share of paid media", format: .percent(0), includeZero: true),
            options: ChartOptions(width: width))
    }

    private var carryoverCaption: String {
        switch view.adstock {
        case .geometric: return "Geometric adstock: the share of one period's spend still acting 0, 1, 2, … periods later (θ per channel in the legend)."
        case .weibullCDF: return "Weibull CDF adstock: the weight of one period's spend 0, 1, 2, … periods later (shape and scale per channel in the legend)."
        case .weibullPDF: return "Weibull PDF adstock: the weight of one period's spend 0, 1, 2, … periods later; the effect can peak after a delay (shape and scale in the legend)."
        }
    }

    func carryover() -> CurvesChart {
        // Show lags until every channel has faded below 1 % of its peak (at least 6, at most the table).
        let longest = view.carryover.map { c -> Int in
            let peak = c.weights.max() ?? 0
            return (c.weights.lastIndex { $0 >= 0.01 * peak && $0 > 0 } ?? 0) + 2
        }.max() ?? 6
        let horizon = min(max(longest, 6), 104)
        let curves = view.carryover.map { c in
            CurvesChart.Curve(
                name: "\(c.name) (\(c.parameters))",
                points: c.weights.prefix(horizon + 1).enumerated().map { .init(x: Double($0.offset), y: $0.element) })
        }
        let title = view.adstock == .geometric ? "Adstock decay" : "Adstock weights (\(view.adstock.rawValue))"
        return CurvesChart(
            title: title, curves: curves,
            xAxis: AxisOptions(title: "\(view.periodName.capitalized) after spending", format: .fixed(0), includeZero: true),
            yAxis: AxisOptions(title: "Weight", format: .percent(0), includeZero: true), options: options)
    }

    func residuals() -> ScatterPlot {
        let s = view.split
        let residuals = view.residuals
        func group(_ name: String, _ rows: Range<Int>) -> ScatterPlot.Group? {
            let rows = rows.clamped(to: 0..<min(view.fitted.count, residuals.count))
            guard !rows.isEmpty else { return nil }
            return .init(name: name, points: rows.map { .init(x: view.fitted[$0], y: residuals[$0]) })
        }
        let groups = s.hasValidation
            ? [group("Training", s.train), group("Validation", s.validation), group("Test", s.test)].compactMap { $0 }
            : [group("Training", s.train)].compactMap { $0 }
        return ScatterPlot(
            title: "Fitted vs residual", groups: groups, referenceLines: [.init(axis: .y, value: 0, label: "0")],
            xAxis: AxisOptions(title: "Predicted \(view.depVar)"), yAxis: AxisOptions(title: "Actual − predicted"),
            options: options)
    }
}
