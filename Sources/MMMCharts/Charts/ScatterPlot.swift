/// Points in groups (e.g. Pareto-front models by cluster), each group with its own colour AND marker shape so the
/// plot reads without colour; highlighted points are enlarged, ringed and labelled; a group can be joined by a
/// line (a front); dashed reference lines mark e.g. zero.
public struct ScatterPlot: Chart {
    /// One point.
    public struct Point: Sendable, Hashable {
        /// Horizontal value.
        public var x: Double
        /// Vertical value.
        public var y: Double
        /// Text drawn beside the point when labels are on (always for highlighted points).
        public var label: String?
        /// Enlarged, ringed and labelled (e.g. the best model).
        public var highlighted: Bool

        /// Creates a point.
        public init(x: Double, y: Double, label: String? = nil, highlighted: Bool = false) {
            self.x = x
            self.y = y
            self.label = label
            self.highlighted = highlighted
        }
    }

    /// Points sharing a colour and marker.
    public struct Group: Sendable, Hashable {
        /// Legend name.
        public var name: String
        /// The points (non-finite ones are skipped with a note).
        public var points: [Point]
        /// Join the points by a line in x order (a Pareto front).
        public var connected: Bool
        /// Draw markers (turn off for a line-only group).
        public var showMarkers: Bool

        /// Creates a group.
        public init(name: String, points: [Point], connected: Bool = false, showMarkers: Bool = true) {
            self.name = name
            self.points = points
            self.connected = connected
            self.showMarkers = showMarkers
        }
    }

    /// A dashed line across the plot at a fixed x or y.
    public struct ReferenceLine: Sendable, Hashable {
        /// The axis the value belongs to: `.x` draws a vertical line.
        public enum Axis: Sendable, Hashable { case x, y }
        /// The axis the value is on.
        public var axis: Axis
        /// The value (non-finite values are dropped).
        public var value: Double
        /// Optional text drawn by the line or point.
        public var label: String?

        /// Creates a reference line.
        public init(axis: Axis, value: Double, label: String? = nil) {
            self.axis = axis
            self.value = value
            self.label = label
        }
    }

    /// Which points get text labels.
    public enum Labels: Sendable, Hashable {
        /// Only highlighted points.
        case highlighted
        /// Every point with a label, where space allows (up to ``ScatterPlot/maxLabels``; the summary lists the
        /// first 60).
        case all
    }

    /// With ``Labels/all``, at most this many ordinary points are labelled (highlighted ones always are).
    public static let maxLabels = 300

    /// The title: visible at the top unless turned off, and the SVG `<title>`.
    public var title: String
    /// The point groups (colour and marker shape follow the index).
    public var groups: [Group]
    /// Dashed lines at fixed values.
    public var referenceLines: [ReferenceLine]
    /// Which points get text labels.
    public var labels: Labels
    /// Horizontal axis options.
    public var xAxis: AxisOptions
    /// Vertical axis options.
    public var yAxis: AxisOptions
    /// Frame options (size, visible title, id).
    public var options: ChartOptions

    /// Creates a scatter plot.
    /// - Parameters:
    ///   - title: chart title.
    ///   - groups: point groups (colour + marker each).
    ///   - referenceLines: dashed lines at fixed values.
    ///   - labels: which points are labelled.
    ///   - xAxis: x axis options.
    ///   - yAxis: y axis options.
    ///   - options: frame options (default height 420).
    public init(
        title: String, groups: [Group], referenceLines: [ReferenceLine] = [], labels: Labels = .highlighted,
        xAxis: AxisOptions = AxisOptions(), yAxis: AxisOptions = AxisOptions(), options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.groups = groups
        self.referenceLines = referenceLines
        self.labels = labels
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.options = options
    }

    /// Renders the chart: the SVG and its text alternative (same input, same bytes).
    public func render() -> RenderedChart {
        var skip = SkipCounter()
        let kept = groups.map { g in g.points.filter { skip.keep($0.x) && skip.keep($0.y) } }
        var canvas = ChartCanvas(title: title, options: options, defaultHeight: 420,
            fingerprint: String(describing: self), notes: skip.note.map { [$0] } ?? [])
        let all = kept.flatMap { $0 }
        guard !all.isEmpty else {
            canvas.drawEmpty()
            return canvas.finish(summary: "Scatter plot with no data.")
        }
        let omitted = ScatterDrawing(plot: self, kept: kept).draw(on: &canvas)
        return canvas.finish(summary: summary(kept, omittedLabels: omitted))
    }

    private func summary(_ kept: [[Point]], omittedLabels: Int) -> String {
        let all = kept.flatMap { $0 }
        let fx = xAxis.format, fy = yAxis.format
        let xs = all.map(\.x), ys = all.map(\.y)
        var parts = ["Scatter plot of \(all.count) points" + (groups.count > 1 ? " in \(groups.count) groups." : ".")]
        parts.append("\(xAxis.title ?? "x") from \(fx.string(xs.min() ?? 0)) to \(fx.string(xs.max() ?? 0)); "
            + "\(yAxis.title ?? "y") from \(fy.string(ys.min() ?? 0)) to \(fy.string(ys.max() ?? 0)).")
        if groups.count > 1 {
            parts.append("Groups: " + zip(groups, kept).map { "\($0.name) (\($1.count))" }.joined(separator: ", ") + ".")
        }
        let named = all.filter { $0.highlighted }
        if !named.isEmpty {
            parts.append("Highlighted: " + named.map { "\($0.label ?? "point") (\(fx.string($0.x)), \(fy.string($0.y)))" }
                .joined(separator: "; ") + ".")
        }
        if labels == .all {
            let labelled = all.filter { $0.label != nil && !$0.highlighted }.prefix(60)
            if !labelled.isEmpty {
                parts.append("Points: " + labelled.map { "\($0.label ?? "") (\(fx.string($0.x)), \(fy.string($0.y)))" }
                    .joined(separator: "; ") + ".")
            }
        }
        if omittedLabels > 0 { parts.append("\(omittedLabels) labels did not fit and are not drawn.") }
        return parts.joined(separator: " ")
    }
}
