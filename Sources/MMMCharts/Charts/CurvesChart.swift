/// Several x → y curves (response curves: spend → response) with marked points on them, e.g. current and optimal
/// spend. Curves differ by colour and dash; mark kinds by marker shape and fill; marks carry direct labels.
public struct CurvesChart: Chart {
    /// An (x, y) pair.
    public struct Point: Sendable, Hashable {
        /// Horizontal value.
        public var x: Double
        /// Vertical value.
        public var y: Double

        /// Creates a point.
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// One curve (drawn in x order).
    public struct Curve: Sendable, Hashable {
        /// Legend name (e.g. the channel).
        public var name: String
        /// The points (non-finite ones are skipped with a note).
        public var points: [Point]

        /// Creates a curve.
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// What a mark means, shown by its shape and fill in the legend.
    public struct MarkKind: Sendable, Hashable {
        /// Legend name.
        public var name: String
        /// Marker shape.
        public var shape: MarkerShape
        /// Filled with the curve's colour, or hollow.
        public var filled: Bool

        /// Creates a mark kind.
        public init(name: String, shape: MarkerShape, filled: Bool) {
            self.name = name
            self.shape = shape
            self.filled = filled
        }

        /// Current spend: a hollow circle.
        public static let current = MarkKind(name: "Current", shape: .circle, filled: false)
        /// Optimal spend: a filled diamond.
        public static let optimal = MarkKind(name: "Optimal", shape: .diamond, filled: true)
    }

    /// A marked point on a curve.
    public struct Mark: Sendable, Hashable {
        /// Index into ``CurvesChart/curves`` (colours the mark).
        public var curve: Int
        /// Horizontal value.
        public var x: Double
        /// Vertical value.
        public var y: Double
        /// What the mark means.
        public var kind: MarkKind
        /// Direct label (drawn where space allows; always in the summary).
        public var label: String?

        /// Creates a mark.
        public init(curve: Int, x: Double, y: Double, kind: MarkKind, label: String? = nil) {
            self.curve = curve
            self.x = x
            self.y = y
            self.kind = kind
            self.label = label
        }
    }

    /// The title: visible at the top unless turned off, and the SVG `<title>`.
    public var title: String
    /// The curves, drawn in order.
    public var curves: [Curve]
    /// Marked points, drawn over the curves.
    public var marks: [Mark]
    /// Horizontal axis options.
    public var xAxis: AxisOptions
    /// Vertical axis options.
    public var yAxis: AxisOptions
    /// Frame options (size, visible title, id).
    public var options: ChartOptions

    /// Creates a curves chart.
    /// - Parameters:
    ///   - title: chart title.
    ///   - curves: the curves.
    ///   - marks: marked points (their `curve` indexes `curves`).
    ///   - xAxis: x axis options (fitted ranges include 0).
    ///   - yAxis: y axis options (fitted ranges include 0).
    ///   - options: frame options (default height 400).
    public init(
        title: String, curves: [Curve], marks: [Mark] = [], xAxis: AxisOptions = AxisOptions(includeZero: true),
        yAxis: AxisOptions = AxisOptions(includeZero: true), options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.curves = curves
        self.marks = marks
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.options = options
    }

    /// Renders the chart: the SVG and its text alternative (same input, same bytes).
    public func render() -> RenderedChart {
        var skip = SkipCounter()
        let kept = curves.map { c in c.points.filter { skip.keep($0.x) && skip.keep($0.y) }.sorted { $0.x < $1.x } }
        let marks = marks.filter { skip.keep($0.x) && skip.keep($0.y) }
        var canvas = ChartCanvas(title: title, options: options, defaultHeight: 400,
            fingerprint: String(describing: self), notes: skip.note.map { [$0] } ?? [])
        let allX = kept.flatMap { $0.map(\.x) } + marks.map(\.x)
        let allY = kept.flatMap { $0.map(\.y) } + marks.map(\.y)
        guard !allX.isEmpty else {
            canvas.drawEmpty()
            return canvas.finish(summary: "Curves chart with no data.")
        }
        var kinds: [MarkKind] = []
        for mark in marks where !kinds.contains(mark.kind) { kinds.append(mark.kind) }
        let legend = Legend(items: curves.indices.map { i in
            .init(swatch: .line(color: SeriesStyle(index: i).color, dash: SeriesStyle(index: i).dash, marker: nil), label: curves[i].name)
        } + kinds.map { .init(swatch: .marker($0.shape, color: Theme.muted, filled: $0.filled), label: $0.name) })
        var svg = SVGWriter()
        legend.draw(into: &svg, x: 10, y: canvas.top, width: canvas.width - 20)
        let top = canvas.top + legend.height(width: canvas.width - 20) + 8
        let xBottom = ValueAxis.bottomMargin(title: xAxis.title)
        let yFit = ValueAxis(values: allY, options: yAxis, length: canvas.bottom - xBottom - top, horizontal: false)
        var area = PlotArea(x: yFit.leftMargin, y: top, width: 0, height: canvas.bottom - xBottom - top)
        area.width = canvas.width - area.x - 20
        let xFit = ValueAxis(values: allX, options: xAxis, length: area.width, horizontal: true)
        area.width = canvas.width - area.x - AxisPainter.rightMargin(lastLabel: xFit.labels.last)
        let x = LinearScale(domain: (xFit.lower, xFit.upper), range: (area.x, area.right))
        let y = LinearScale(domain: (yFit.lower, yFit.upper), range: (area.bottom, area.y))
        area.mark(into: &svg)
        AxisPainter.left(&svg, axis: yFit, scale: y, plot: area)
        AxisPainter.bottom(&svg, axis: xFit, scale: x, plot: area, grid: true)
        for (i, points) in kept.enumerated() {
            let style = SeriesStyle(index: i)
            let xy = points.map { (x: x(xFit.clamp($0.x)), y: y(yFit.clamp($0.y))) }
            if xy.count > 1 {
                svg.polyline(xy, stroke: style.color, width: 2.2, dash: style.dash, cssClass: "curve curve-\(i)")
            } else if let p = xy.first {
                style.marker.draw(into: &svg, x: p.x, y: p.y, size: 7, fill: style.color, stroke: Theme.background)
            }
        }
        var placer = LabelPlacer(bounds: .init(left: area.x + 2, top: area.y + 2, right: area.right - 2, bottom: area.bottom - 2))
        let positions = marks.map { (x: x(xFit.clamp($0.x)), y: y(yFit.clamp($0.y))) }
        for (mark, p) in zip(marks, positions) {
            let color = curves.indices.contains(mark.curve) ? SeriesStyle(index: mark.curve).color : Theme.muted
            mark.kind.shape.draw(into: &svg, x: p.x, y: p.y, size: 11, fill: mark.kind.filled ? color : Theme.background,
                stroke: mark.kind.filled ? Theme.text : color, strokeWidth: mark.kind.filled ? 1 : 2.2,
                extra: [("class", "mark")])
            placer.reserve(.init(left: p.x - 6, top: p.y - 6, right: p.x + 6, bottom: p.y + 6))
        }
        var omitted = 0
        for (mark, p) in zip(marks, positions) {
            guard let label = mark.label, !label.isEmpty else { continue }
            let short = TextMetrics.truncate(label, maxWidth: 180, fontSize: Theme.smallFont).text
            if let spot = placer.place(short, x: p.x, y: p.y, r: 6, fontSize: Theme.smallFont) {
                svg.label(short, x: spot.x, y: spot.y, anchor: spot.anchor, size: Theme.smallFont, fullText: label,
                    cssClass: "mark-label", halo: true)
            } else {
                omitted += 1
            }
        }
        canvas.body.append(svg)
        return canvas.finish(summary: summary(kept, marks: marks, omitted: omitted))
    }

    private func summary(_ kept: [[Point]], marks: [Mark], omitted: Int) -> String {
        let fx = xAxis.format, fy = yAxis.format
        var parts = ["\(curves.count) curve\(curves.count == 1 ? "" : "s")."]
        for (i, points) in kept.enumerated() {
            guard let last = points.last, let first = points.first else { continue }
            parts.append("\(curves[i].name): from \(fy.string(first.y)) at \(fx.string(first.x)) to \(fy.string(last.y)) at \(fx.string(last.x)).")
        }
        if !marks.isEmpty {
            parts.append("Marked: " + marks.map { m in
                let curve = curves.indices.contains(m.curve) ? curves[m.curve].name + " " : ""
                return "\(curve)\(m.kind.name.lowercased()) \(m.label.map { "\($0) " } ?? "")at (\(fx.string(m.x)), \(fy.string(m.y)))"
            }.joined(separator: "; ") + ".")
        }
        if omitted > 0 { parts.append("\(omitted) labels did not fit and are not drawn.") }
        return parts.joined(separator: " ")
    }
}
