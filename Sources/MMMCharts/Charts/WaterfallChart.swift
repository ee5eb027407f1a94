/// Contributions adding up to a total (a model's decomposition), one row each, then the total row. Increases are
/// solid, decreases hatched, the total dark grey; each row carries its signed value and share of the total.
public struct WaterfallChart: Chart {
    /// One contribution.
    public struct Step: Sendable, Hashable {
        /// Row label (e.g. a channel or "intercept").
        public var label: String
        /// Signed contribution.
        public var value: Double

        /// Creates a step.
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// The title: visible at the top unless turned off, and the SVG `<title>`.
    public var title: String
    /// Contributions in drawing order (top first).
    public var steps: [Step]
    /// Label of the total row.
    public var totalLabel: String
    /// The value axis (fitted ranges include 0).
    public var valueAxis: AxisOptions
    /// Add each step's share of the total to its label (e.g. `+1.2M (23.4%)`).
    public var showShares: Bool
    /// Frame options (size, visible title, id).
    public var options: ChartOptions

    /// Creates a waterfall.
    /// - Parameters:
    ///   - title: chart title.
    ///   - steps: contributions, top to bottom.
    ///   - totalLabel: label of the final row.
    ///   - valueAxis: axis options.
    ///   - showShares: append shares of the total to value labels.
    ///   - options: frame options (height grows with the steps).
    public init(
        title: String, steps: [Step], totalLabel: String = "Total", valueAxis: AxisOptions = AxisOptions(),
        showShares: Bool = true, options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.steps = steps
        self.totalLabel = totalLabel
        self.valueAxis = valueAxis
        self.showShares = showShares
        self.options = options
    }

    static let increase = Palette.color(0)
    static let decrease = Palette.color(3)
    static let totalColor = "#555555"

    private func valueText(_ value: Double, total: Double, isTotal: Bool) -> String {
        let number = (value > 0 && !isTotal ? "+" : "") + valueAxis.format.string(value)
        guard showShares, !isTotal, total != 0 else { return number }
        return number + " (" + ValueFormat.percent(1).string(value / total) + ")"
    }

    /// Renders the chart: the SVG and its text alternative (same input, same bytes).
    public func render() -> RenderedChart {
        var skip = SkipCounter()
        let kept = steps.filter { skip.keep($0.value) }
        let rows = kept.count + 1
        let notes = skip.note.map { [$0] } ?? []
        var canvas = ChartCanvas(title: title, options: options,
            defaultHeight: 100 + Double(rows) * 26 + Double(notes.count) * 14, fingerprint: String(describing: self),
            notes: notes)
        guard !kept.isEmpty else {
            canvas.drawEmpty()
            return canvas.finish(summary: "Waterfall chart with no data.")
        }
        var ends: [Double] = []
        var running = 0.0
        for step in kept {
            running += step.value
            ends.append(running)
        }
        let total = running
        let fills = [Self.increase, FillPattern.diagonal.fill(color: Self.decrease, defs: &canvas.defs), Self.totalColor]
        var svg = SVGWriter()
        let legend = Legend(items: zip(fills, ["Increase", "Decrease", "Total"]).map { .init(swatch: .area(fill: $0), label: $1) })
        legend.draw(into: &svg, x: 10, y: canvas.top, width: canvas.width - 20)
        let labels = kept.map(\.label) + [totalLabel]
        let labelRoom = min(labels.map { TextMetrics.width($0, fontSize: Theme.fontSize, bold: true) }.max() ?? 0, canvas.width * 0.3)
        let valueTexts = kept.map { valueText($0.value, total: total, isTotal: false) } + [valueText(total, total: total, isTotal: true)]
        let valueRoom = (valueTexts.map { TextMetrics.width($0, fontSize: Theme.smallFont, bold: true) }.max() ?? 0) + 10
        var axis = valueAxis
        if axis.domain == nil { axis.includeZero = true }
        let bottomMargin = ValueAxis.bottomMargin(title: axis.title)
        var plot = PlotArea(x: 18 + labelRoom, y: canvas.top + legend.height(width: canvas.width - 20) + 4, width: 0, height: 0)
        plot.height = canvas.bottom - bottomMargin - plot.y
        plot.width = canvas.width - plot.x - valueRoom
        let fitted = ValueAxis(values: ends + [0], options: axis, length: plot.width, horizontal: true)
        plot.width = canvas.width - plot.x - max(valueRoom, AxisPainter.rightMargin(lastLabel: fitted.labels.last))
        let x = LinearScale(domain: (fitted.lower, fitted.upper), range: (plot.x, plot.right))
        let band = plot.height / Double(rows)
        let barHeight = min(24, band * 0.7)
        plot.mark(into: &svg)
        AxisPainter.bottom(&svg, axis: fitted, scale: x, plot: plot, grid: true)
        for row in 0..<rows {
            let isTotal = row == kept.count
            let start = isTotal ? 0 : (row == 0 ? 0 : ends[row - 1])
            let end = isTotal ? total : ends[row]
            let top = plot.y + Double(row) * band + (band - barHeight) / 2
            let (x0, x1) = (x(fitted.clamp(start)), x(fitted.clamp(end)))
            let kind = isTotal ? 2 : (end >= start ? 0 : 1)
            svg.fittedLabel(labels[row], x: plot.x - 8, y: top + barHeight / 2 + 4, maxWidth: labelRoom, anchor: .end,
                weight: isTotal ? "bold" : nil)
            svg.open("rect", [
                ("x", SVGWriter.n(min(x0, x1))), ("y", SVGWriter.n(top)), ("width", SVGWriter.n(abs(x1 - x0))),
                ("height", SVGWriter.n(barHeight)), ("fill", fills[kind]), ("stroke", Theme.outline),
                ("stroke-width", "0.6"), ("class", ["bar increase", "bar decrease", "bar total"][kind]),
            ])
            svg.textElement("title", [], text: "\(labels[row]): \(valueTexts[row])")
            svg.close("rect")
            svg.label(valueTexts[row], x: max(x0, x1) + 4, y: top + barHeight / 2 + 4, size: Theme.smallFont,
                weight: isTotal ? "bold" : nil, cssClass: "value")
            if row + 1 < rows {
                // Connector from this bar's end down to the next bar's start.
                svg.line(x1, top + barHeight, x1, top + band, stroke: Theme.muted, width: 0.8, dash: "2 2")
            }
        }
        svg.line(x(fitted.clamp(0)), plot.y, x(fitted.clamp(0)), plot.bottom, stroke: Theme.axis)
        canvas.body.append(svg)
        return canvas.finish(summary: summary(kept, total: total))
    }

    private func summary(_ kept: [Step], total: Double) -> String {
        let f = valueAxis.format
        var parts = ["Waterfall of \(kept.count) contributions adding up to \(f.string(total))."]
        let up = kept.filter { $0.value > 0 }.sorted { $0.value > $1.value }.prefix(3)
        let down = kept.filter { $0.value < 0 }.sorted { $0.value < $1.value }.prefix(3)
        if !up.isEmpty { parts.append("Largest increases: " + up.map { "\($0.label) (+\(f.string($0.value)))" }.joined(separator: ", ") + ".") }
        if !down.isEmpty { parts.append("Largest decreases: " + down.map { "\($0.label) (\(f.string($0.value)))" }.joined(separator: ", ") + ".") }
        return parts.joined(separator: " ")
    }
}
