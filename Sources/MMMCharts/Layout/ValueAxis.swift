/// A numeric axis: nice ticks for the data (or a fixed domain) and their labels.
struct ValueAxis {
    let ticks: NiceTicks
    let labels: [String]
    let options: AxisOptions

    /// Fits an axis to `values` (finite ones) along `length` user units.
    /// - Parameters:
    ///   - values: the data on this axis.
    ///   - options: title, format, fixed domain, zero.
    ///   - length: axis length; decides the tick count.
    ///   - horizontal: horizontal axes need room for label widths, vertical ones for line heights.
    init(values: [Double], options: AxisOptions, length: Double, horizontal: Bool) {
        let finite = values.filter(\.isFinite)
        var target = horizontal ? Int(length / 90) : Int(length / 40)
        target = max(horizontal ? 2 : 4, min(horizontal ? 10 : 8, target))
        var ticks = Self.fit(finite, options: options, target: target)
        var labels = Self.labels(ticks, options.format)
        // Fewer ticks until the labels fit side by side.
        while horizontal, target > 2,
            labels.map({ TextMetrics.width($0, fontSize: Theme.smallFont) + 12 }).reduce(0, +) > length
        {
            target -= 1
            ticks = Self.fit(finite, options: options, target: target)
            labels = Self.labels(ticks, options.format)
        }
        self.ticks = ticks
        self.labels = labels
        self.options = options
    }

    private static func fit(_ finite: [Double], options: AxisOptions, target: Int) -> NiceTicks {
        if let domain = options.domain, domain.lowerBound.isFinite, domain.upperBound.isFinite,
            domain.lowerBound < domain.upperBound
        {
            return NiceTicks(fixed: domain, targetCount: target)
        }
        return NiceTicks(
            min: finite.min() ?? 0, max: finite.max() ?? 1, targetCount: target, includeZero: options.includeZero)
    }

    private static func labels(_ ticks: NiceTicks, _ format: ValueFormat) -> [String] {
        let largest = ticks.values.map(abs).max() ?? 0
        return ticks.values.map { format.tick($0, step: ticks.step, largest: largest) }
    }

    var lower: Double { ticks.lower }
    var upper: Double { ticks.upper }

    /// The widest tick label.
    var widestLabel: Double { labels.map { TextMetrics.width($0, fontSize: Theme.smallFont) }.max() ?? 0 }

    /// `value` kept inside the axis range (a fixed domain clips data outside it).
    func clamp(_ value: Double) -> Double { min(max(value, lower), upper) }

    /// Room a left axis needs: title, labels and a gap.
    var leftMargin: Double { 10 + (options.title == nil ? 0 : 20) + widestLabel + 8 }

    /// Room a bottom axis needs below the plot.
    var bottomMargin: Double { Self.bottomMargin(title: options.title) }

    /// Room under the plot for tick labels and an optional axis title.
    static func bottomMargin(title: String?) -> Double { 25 + (title == nil ? 0 : 18) }
}

/// Draws axes, grid lines and axis titles.
enum AxisPainter {
    /// A left y axis with horizontal grid lines.
    static func left(_ svg: inout SVGWriter, axis: ValueAxis, scale: LinearScale, plot: PlotArea) {
        svg.open("g", [("class", "axis axis-y")])
        for (value, label) in zip(axis.ticks.values, axis.labels) {
            let y = scale(value)
            svg.line(plot.x, y, plot.right, y, stroke: value == 0 ? Theme.axis : Theme.grid, width: value == 0 ? 1 : 0.8)
            svg.label(label, x: plot.x - 6, y: y + 4, anchor: .end, size: Theme.smallFont)
        }
        svg.line(plot.x, plot.y, plot.x, plot.bottom, stroke: Theme.axis)
        if let title = axis.options.title {
            // Next to the tick labels, not at the far edge (a vertical bar chart may push the plot right).
            svg.fittedLabel(title, x: max(16, plot.x - axis.widestLabel - 18), y: plot.y + plot.height / 2, maxWidth: plot.height, anchor: .middle,
                size: Theme.smallFont, weight: "bold", rotate: -90)
        }
        svg.close("g")
    }

    /// A bottom x axis with vertical grid lines (when `grid`).
    static func bottom(_ svg: inout SVGWriter, axis: ValueAxis, scale: LinearScale, plot: PlotArea, grid: Bool) {
        svg.open("g", [("class", "axis axis-x")])
        for (value, label) in zip(axis.ticks.values, axis.labels) {
            let x = scale(value)
            if grid {
                svg.line(x, plot.y, x, plot.bottom, stroke: value == 0 ? Theme.axis : Theme.grid, width: value == 0 ? 1 : 0.8)
            }
            svg.line(x, plot.bottom, x, plot.bottom + 4, stroke: Theme.axis)
            svg.label(label, x: x, y: plot.bottom + 19, anchor: .middle, size: Theme.smallFont)
        }
        svg.line(plot.x, plot.bottom, plot.right, plot.bottom, stroke: Theme.axis)
        if let title = axis.options.title { bottomTitle(&svg, title, plot: plot) }
        svg.close("g")
    }

    /// A bottom date axis with calendar-aligned ticks.
    static func bottomDates(_ svg: inout SVGWriter, ticks: DateTicks, scale: LinearScale, plot: PlotArea, title: String?) {
        svg.open("g", [("class", "axis axis-x")])
        for (date, label) in zip(ticks.dates, ticks.labels) {
            let x = scale(Double(date.daysSinceEpoch))
            svg.line(x, plot.y, x, plot.bottom, stroke: Theme.grid, width: 0.8)
            svg.line(x, plot.bottom, x, plot.bottom + 4, stroke: Theme.axis)
            svg.label(label, x: x, y: plot.bottom + 19, anchor: .middle, size: Theme.smallFont)
        }
        svg.line(plot.x, plot.bottom, plot.right, plot.bottom, stroke: Theme.axis)
        if let title { bottomTitle(&svg, title, plot: plot) }
        svg.close("g")
    }

    /// An axis title centred under the plot, below the tick labels.
    static func bottomTitle(_ svg: inout SVGWriter, _ title: String, plot: PlotArea) {
        svg.fittedLabel(title, x: plot.x + plot.width / 2, y: plot.bottom + 37, maxWidth: plot.width, anchor: .middle,
            size: Theme.smallFont, weight: "bold")
    }

    /// Right margin so the last bottom tick label is not cut: half its width, at least 16.
    static func rightMargin(lastLabel: String?) -> Double {
        max(16, (lastLabel.map { TextMetrics.width($0, fontSize: Theme.smallFont) } ?? 0) / 2 + 6)
    }
}
