import MMMCharts
import MMMCore
import MMMEngine

/// The allocator view of a run's allocation: current vs recommended spend and response per channel, and the
/// response curves with both marked.
struct AllocationView: Sendable {
    let allocation: AllocationResult
    /// The allocated model (for the curves), when its tables are in the run.
    let model: ModelView?
    let width: Double

    init(_ allocation: AllocationResult, model: ModelView?, width: Double = 460) {
        self.allocation = allocation
        self.model = model
        self.width = width
    }

    private var per: String { model.map { String($0.periodName.dropLast()) } ?? "period" }

    func spend() -> BarChart {
        let channels = allocation.channels
        return BarChart(
            title: "Spend per \(per): now vs recommended", categories: channels.map(\.channel),
            series: [
                .init(name: "Now", values: channels.map(\.initialSpend)),
                .init(name: "Recommended", values: channels.map(\.bounded.spend)),
            ],
            orientation: .horizontal, valueAxis: AxisOptions(title: "Mean spend per \(per)", includeZero: true),
            options: ChartOptions(width: width))
    }

    func response() -> BarChart {
        let channels = allocation.channels
        return BarChart(
            title: "Response per \(per): now vs recommended", categories: channels.map(\.channel),
            series: [
                .init(name: "Now", values: channels.map(\.initialResponse)),
                .init(name: "Recommended", values: channels.map(\.bounded.response)),
            ],
            orientation: .horizontal, valueAxis: AxisOptions(title: "Mean response per \(per)", includeZero: true),
            options: ChartOptions(width: width))
    }

    func figures() -> [HTMLFigure] {
        var figures = [
            HTMLFigure(chart: spend().render(), caption: "Mean spend per period over \(range): solid bars now, hatched bars as the allocator recommends."),
            HTMLFigure(chart: response().render(), caption: "The response each channel's curve gives at those spends."),
        ]
        if let model {
            figures.append(HTMLFigure(chart: ResponseCurvesChart(view: model, width: width).chart().render(), caption: ResponseCurvesChart.caption(model)))
        }
        return figures
    }

    var range: String { "\(allocation.dateStart) to \(allocation.dateEnd) (\(allocation.periods) periods)" }

    /// The allocator view as one picture.
    func sheet() -> RenderedChart {
        let b = allocation.bounded
        let lift = b.responseLift.map { " (\(ReportFormat.percent($0, digits: 1)))" } ?? ""
        return ChartSheet(
            title: "Budget allocation of model \(allocation.modelId)",
            subtitle: "\(range): response \(ReportFormat.amount(b.initialResponseTotal)) → \(ReportFormat.amount(b.optimalResponseTotal))\(lift) for spend \(ReportFormat.amount(b.initialSpendTotal)) → \(ReportFormat.amount(b.optimalSpendTotal))",
            panels: figures().map(\.chart), columns: 2
        ).render()
    }
}
