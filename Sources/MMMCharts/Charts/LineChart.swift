/// Several series over dates (e.g. actual vs predicted), with optional split markers (train/validation/test) and
/// shaded date ranges. Series differ by colour and dash pattern; NaN or infinite values leave gaps.
public struct LineChart: Chart {
    /// One line: a value per date of the chart (NaN = no value).
    public struct Series: Sendable, Hashable {
        /// Legend name.
        public var name: String
        /// One value per entry of ``LineChart/dates``.
        public var values: [Double]
        /// Markers on every point; nil shows them when there are at most 60 points.
        public var showMarkers: Bool?

        /// Creates a series.
        /// - Parameters:
        ///   - name: legend name.
        ///   - values: one value per chart date.
        ///   - showMarkers: markers on points (nil = automatic).
        public init(name: String, values: [Double], showMarkers: Bool? = nil) {
            self.name = name
            self.values = values
            self.showMarkers = showMarkers
        }
    }

    /// A labelled vertical rule, e.g. where validation starts.
    public struct Split: Sendable, Hashable {
        /// Where the rule is drawn.
        public var date: ChartDate
        /// Its label (drawn above the plot).
        public var label: String

        /// Creates a split marker.
        public init(date: ChartDate, label: String) {
            self.date = date
            self.label = label
        }
    }

    /// A shaded, labelled date range.
    public struct Region: Sendable, Hashable {
        /// First day shaded.
        public var from: ChartDate
        /// Last day shaded.
        public var to: ChartDate
        /// Label drawn at the top of the range.
        public var label: String

        /// Creates a region.
        public init(from: ChartDate, to: ChartDate, label: String) {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    /// The title: visible at the top unless turned off, and the SVG `<title>`.
    public var title: String
    /// The x positions, shared by every series (sorted when drawn).
    public var dates: [ChartDate]
    /// The series, drawn in order (colour, pattern and dash follow the index).
    public var series: [Series]
    /// Vertical split markers, labelled above the plot.
    public var splits: [Split]
    /// Shaded date ranges, labelled inside the plot.
    public var regions: [Region]
    /// The value axis.
    public var yAxis: AxisOptions
    /// Title under the date axis.
    public var xTitle: String?
    /// Frame options (size, visible title, id).
    public var options: ChartOptions

    /// Creates a line chart.
    /// - Parameters:
    ///   - title: chart title.
    ///   - dates: one date per value.
    ///   - series: the lines.
    ///   - splits: vertical split markers.
    ///   - regions: shaded ranges.
    ///   - yAxis: value axis options.
    ///   - xTitle: date axis title.
    ///   - options: frame options (default height 360).
    public init(
        title: String, dates: [ChartDate], series: [Series], splits: [Split] = [], regions: [Region] = [],
        yAxis: AxisOptions = AxisOptions(), xTitle: String? = nil, options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.dates = dates
        self.series = series
        self.splits = splits
        self.regions = regions
        self.yAxis = yAxis
        self.xTitle = xTitle
        self.options = options
    }

    /// Renders the chart: the SVG and its text alternative (same input, same bytes).
    public func render() -> RenderedChart {
        let order = dates.indices.sorted { dates[$0] == dates[$1] ? $0 < $1 : dates[$0] < dates[$1] }
        var skip = SkipCounter()
        var notes: [String] = []
        // Per series, (date, value) in date order; nil = gap.
        let cleaned: [[(date: ChartDate, value: Double?)]] = series.map { s in
            if s.values.count != dates.count {
                notes.append("Note: \(s.name) has \(s.values.count) values for \(dates.count) dates; "
                    + (s.values.count > dates.count ? "extra values ignored." : "missing values left blank."))
            }
            return order.map { i in
                guard i < s.values.count else { return (dates[i], nil) }
                return (dates[i], skip.keep(s.values[i]) ? s.values[i] : nil)
            }
        }
        if let note = skip.note { notes.insert(note, at: 0) }
        var canvas = ChartCanvas(
            title: title, options: options, defaultHeight: 360, fingerprint: String(describing: self), notes: notes)
        let finite = cleaned.flatMap { $0.compactMap(\.value) }
        guard let first = order.first.map({ dates[$0] }), let last = order.last.map({ dates[$0] }), !finite.isEmpty
        else {
            canvas.drawEmpty()
            return canvas.finish(summary: "Line chart with no data.")
        }
        draw(on: &canvas, cleaned: cleaned, first: first, last: last, finite: finite)
        return canvas.finish(summary: summary(cleaned, first: first, last: last))
    }

    private func draw(
        on canvas: inout ChartCanvas, cleaned: [[(date: ChartDate, value: Double?)]], first: ChartDate,
        last: ChartDate, finite: [Double]
    ) {
        let markers = series.map { s in s.showMarkers ?? (dates.count <= 60) }
        let legend = Legend(items: series.indices.map { i in
            let style = SeriesStyle(index: i)
            return .init(swatch: .line(color: style.color, dash: style.dash, marker: markers[i] ? style.marker : nil),
                label: series[i].name)
        })
        let legendHeight = series.count > 1 ? legend.height(width: canvas.width - 20) : 0
        let bottomMargin = ValueAxis.bottomMargin(title: xTitle)
        let (lo, hi) = first == last
            ? (Double(first.daysSinceEpoch) - 1, Double(first.daysSinceEpoch) + 1)
            : (Double(first.daysSinceEpoch), Double(last.daysSinceEpoch))
        // Split labels sit in rows above the plot; their x positions need the left margin, which needs the
        // plot height, which needs the row count: estimate with one row, pack, then fit the final axis.
        func axis(band: Double) -> (ValueAxis, Double) {
            let top = canvas.top + legendHeight + band + 4
            let fit = ValueAxis(values: finite, options: yAxis, length: canvas.bottom - bottomMargin - top, horizontal: false)
            return (fit, top)
        }
        let estimate = axis(band: splits.isEmpty ? 0 : 18).0.leftMargin
        let estimateScale = LinearScale(domain: (lo, hi), range: (estimate, canvas.width - 40))
        let splitRows = RowPacker.pack(spans: splits.map { split in
            let label = TextMetrics.truncate(split.label, maxWidth: 200, fontSize: Theme.smallFont).text
            let w = TextMetrics.width(label, fontSize: Theme.smallFont)
            return (Self.labelCenter(estimateScale.clamped(Double(split.date.daysSinceEpoch)), width: w,
                right: canvas.width - 4), w)
        }, gap: 12)
        let band = splits.isEmpty ? 0 : Double(splitRows.rowCount) * 14 + 4
        let (yAxisFit, top) = axis(band: band)
        var plot = PlotArea(x: max(estimate, yAxisFit.leftMargin), y: top, width: 0, height: canvas.bottom - bottomMargin - top)
        plot.width = canvas.width - plot.x - 40
        let x = LinearScale(domain: (lo, hi), range: (plot.x, plot.right))
        let y = LinearScale(domain: (yAxisFit.lower, yAxisFit.upper), range: (plot.bottom, plot.y))
        var svg = SVGWriter()
        if series.count > 1 { legend.draw(into: &svg, x: 10, y: canvas.top, width: canvas.width - 20) }
        plot.mark(into: &svg)
        AxisPainter.left(&svg, axis: yAxisFit, scale: y, plot: plot)
        let ticks = DateTicks(from: first, to: last, width: plot.width, fontSize: Theme.smallFont)
        AxisPainter.bottomDates(&svg, ticks: ticks, scale: x, plot: plot, title: xTitle)
        drawRegions(&svg, x: x, plot: plot)
        drawSplits(&svg, x: x, plot: plot, rows: splitRows, bandTop: plot.y - band)
        for (i, points) in cleaned.enumerated() {
            let style = SeriesStyle(index: i)
            svg.open("g", [("class", "series series-\(i)")])
            for segment in Self.segments(points) {
                let xy = segment.map { (x: x(Double($0.date.daysSinceEpoch)), y: y(yAxisFit.clamp($0.value))) }
                if xy.count > 1 {
                    svg.polyline(xy, stroke: style.color, width: 2, dash: style.dash, cssClass: "line")
                }
                if markers[i] || xy.count == 1 {
                    for p in xy {
                        style.marker.draw(into: &svg, x: p.x, y: p.y, size: 7, fill: style.color, stroke: Theme.background,
                            strokeWidth: 0.8, extra: [("class", "point")])
                    }
                }
            }
            svg.close("g")
        }
        canvas.body.append(svg)
    }

    private func drawRegions(_ svg: inout SVGWriter, x: LinearScale, plot: PlotArea) {
        for (i, region) in regions.enumerated() {
            let left = x.clamped(Double(min(region.from, region.to).daysSinceEpoch))
            let right = x.clamped(Double(max(region.from, region.to).daysSinceEpoch))
            svg.rect(x: left, y: plot.y, width: right - left, height: plot.height, fill: "#000000", cssClass: "region",
                extra: [("fill-opacity", i % 2 == 0 ? "0.06" : "0.12")])
            if right - left > 24 {
                svg.fittedLabel(region.label, x: (left + right) / 2, y: plot.y + 14, maxWidth: right - left - 6,
                    anchor: .middle, size: Theme.smallFont, halo: true)
            }
        }
    }

    private func drawSplits(_ svg: inout SVGWriter, x: LinearScale, plot: PlotArea, rows: RowPacker, bandTop: Double) {
        for (i, split) in splits.enumerated() {
            let px = x.clamped(Double(split.date.daysSinceEpoch))
            svg.line(px, plot.y, px, plot.bottom, stroke: Theme.axis, width: 1.5, dash: "5 3", cssClass: "split")
            let labelY = bandTop + 11 + Double(rows.rows[i]) * 14
            let label = TextMetrics.truncate(split.label, maxWidth: 200, fontSize: Theme.smallFont).text
            let w = TextMetrics.width(label, fontSize: Theme.smallFont)
            svg.label(label, x: Self.labelCenter(px, width: w, right: plot.right + 36), y: labelY, anchor: .middle,
                size: Theme.smallFont, fullText: split.label)
        }
    }

    /// A label centred on `x` but kept inside 4...right.
    static func labelCenter(_ x: Double, width: Double, right: Double) -> Double {
        min(max(x, width / 2 + 4), right - width / 2)
    }

    static func segments(_ points: [(date: ChartDate, value: Double?)]) -> [[(date: ChartDate, value: Double)]] {
        var out: [[(date: ChartDate, value: Double)]] = []
        var current: [(date: ChartDate, value: Double)] = []
        for p in points {
            if let v = p.value {
                current.append((p.date, v))
            } else if !current.isEmpty {
                out.append(current)
                current = []
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    private func summary(_ cleaned: [[(date: ChartDate, value: Double?)]], first: ChartDate, last: ChartDate) -> String {
        let f = yAxis.format
        var parts = ["Line chart of \(series.count) series over \(dates.count) dates from \(first) to \(last)."]
        for (i, points) in cleaned.enumerated() {
            let present = points.compactMap { p in p.value.map { (date: p.date, value: $0) } }
            guard let lo = present.min(by: { $0.value < $1.value }), let hi = present.max(by: { $0.value < $1.value })
            else {
                parts.append("\(series[i].name): no values.")
                continue
            }
            parts.append("\(series[i].name): lowest \(f.string(lo.value)) on \(lo.date), highest \(f.string(hi.value)) on \(hi.date).")
        }
        if !splits.isEmpty {
            parts.append("Split markers: " + splits.map { "\($0.label) at \($0.date)" }.joined(separator: "; ") + ".")
        }
        if !regions.isEmpty {
            parts.append("Shaded: " + regions.map { "\($0.label) from \($0.from) to \($0.to)" }.joined(separator: "; ") + ".")
        }
        return parts.joined(separator: " ")
    }
}
