/// Bars per category, horizontal or vertical, one bar per series in each category (grouped): e.g. spend share vs
/// effect share per channel, or current vs optimal spend. Series differ by colour and fill pattern; negative
/// values grow from zero the other way.
public struct BarChart: Chart {
    /// Which way bars grow.
    public enum Orientation: Sendable, Hashable {
        /// Categories down the left, values along the bottom (best for long names and many categories).
        case horizontal
        /// Categories along the bottom, values up the left.
        case vertical
    }

    /// One bar per category.
    public struct Series: Sendable, Hashable {
        /// Legend name.
        public var name: String
        /// One value per category (NaN = no bar).
        public var values: [Double]

        /// Creates a series.
        /// - Parameters:
        ///   - name: legend name.
        ///   - values: one value per category.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// The title: visible at the top unless turned off, and the SVG `<title>`.
    public var title: String
    /// Category names, one group of bars each, in drawing order.
    public var categories: [String]
    /// The series, drawn in order (colour, pattern and dash follow the index).
    public var series: [Series]
    /// Which way bars grow.
    public var orientation: Orientation
    /// The value axis (a fitted range always includes 0).
    public var valueAxis: AxisOptions
    /// Write each bar's value next to it; nil decides from the space available.
    public var showValues: Bool?
    /// Frame options (size, visible title, id).
    public var options: ChartOptions

    /// Creates a bar chart.
    /// - Parameters:
    ///   - title: chart title.
    ///   - categories: category names (one group of bars each).
    ///   - series: the bars of each group.
    ///   - orientation: horizontal (default) or vertical.
    ///   - valueAxis: value axis options.
    ///   - showValues: value labels on bars (nil = when they fit).
    ///   - options: frame options (height grows with categories when horizontal).
    public init(
        title: String, categories: [String], series: [Series], orientation: Orientation = .horizontal,
        valueAxis: AxisOptions = AxisOptions(), showValues: Bool? = nil, options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.categories = categories
        self.series = series
        self.orientation = orientation
        self.valueAxis = valueAxis
        self.showValues = showValues
        self.options = options
    }

    /// Values per series and category with non-finite values (and missing ones) as nil.
    func cleaned(_ skip: inout SkipCounter) -> [[Double?]] {
        series.map { s in
            categories.indices.map { c in
                guard c < s.values.count else { return nil }
                return skip.keep(s.values[c]) ? s.values[c] : nil
            }
        }
    }

    /// Renders the chart: the SVG and its text alternative (same input, same bytes).
    public func render() -> RenderedChart {
        var skip = SkipCounter()
        let values = cleaned(&skip)
        var notes = skip.note.map { [$0] } ?? []
        for s in series where s.values.count != categories.count {
            notes.append("Note: \(s.name) has \(s.values.count) values for \(categories.count) categories.")
        }
        let bars = max(1, series.count) * categories.count
        let defaultHeight: Double = orientation == .horizontal
            ? 90 + Double(bars) * (series.count > 1 ? 14 : 20) + Double(categories.count) * 8
                + (series.count > 1 ? 22 : 0) + Double(notes.count) * 14
            : 300 + BarLayout.verticalLabelRoom(categories, width: options.width)
        var canvas = ChartCanvas(title: title, options: options, defaultHeight: defaultHeight,
            fingerprint: String(describing: self), notes: notes)
        let finite = values.flatMap { $0.compactMap { $0 } }
        guard !categories.isEmpty, !finite.isEmpty else {
            canvas.drawEmpty()
            return canvas.finish(summary: "Bar chart with no data.")
        }
        let fills = series.indices.map { i in
            SeriesStyle(index: i).pattern.fill(color: SeriesStyle(index: i).color, defs: &canvas.defs)
        }
        let legend = Legend(items: series.indices.map { .init(swatch: .area(fill: fills[$0]), label: series[$0].name) })
        var svg = SVGWriter()
        var top = canvas.top
        if series.count > 1 {
            legend.draw(into: &svg, x: 10, y: canvas.top, width: canvas.width - 20)
            top += legend.height(width: canvas.width - 20)
        }
        var axis = valueAxis
        if axis.domain == nil { axis.includeZero = true }
        let layout = BarLayout(chart: self, values: values, fills: fills, axis: axis)
        switch orientation {
        case .horizontal: layout.drawHorizontal(into: &svg, canvas: canvas, top: top)
        case .vertical: layout.drawVertical(into: &svg, canvas: canvas, top: top)
        }
        canvas.body.append(svg)
        return canvas.finish(summary: summary(values))
    }

    private func summary(_ values: [[Double?]]) -> String {
        let f = valueAxis.format
        var parts = ["Bar chart of \(categories.count) categories" + (series.count > 1 ? " and \(series.count) series." : ".")]
        let listAll = categories.count * series.count <= 24
        for (i, s) in series.enumerated() {
            let present = values[i].enumerated().compactMap { c, v in v.map { (name: categories[c], value: $0) } }
            if listAll {
                parts.append("\(s.name): " + present.map { "\($0.name) \(f.string($0.value))" }.joined(separator: ", ") + ".")
            } else if let hi = present.max(by: { $0.value < $1.value }), let lo = present.min(by: { $0.value < $1.value }) {
                parts.append("\(s.name): highest \(hi.name) (\(f.string(hi.value))), lowest \(lo.name) (\(f.string(lo.value))).")
            }
        }
        return parts.joined(separator: " ")
    }
}
