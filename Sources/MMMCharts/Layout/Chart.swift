/// A chart: a value holding data and options that renders a standalone, deterministic SVG.
public protocol Chart: Sendable {
    /// The chart's title (visible unless ``ChartOptions/showTitle`` is off; always the SVG `<title>`).
    var title: String { get }
    /// Renders the chart.
    /// - Returns: the SVG and its text alternative.
    func render() -> RenderedChart
}

extension Chart {
    /// The chart as an SVG document (no XML declaration, so it also inlines into HTML).
    /// - Returns: the same bytes for the same chart, on every run and machine.
    public func svg() -> String { render().svg }
}

/// A rendered chart.
public struct RenderedChart: Sendable, Hashable {
    /// The `<svg>` element (root `role="img"`, `aria-labelledby` its `<title>` and `<desc>`).
    public let svg: String
    /// The text alternative in the `<desc>`: what the chart shows in a sentence or three.
    public let summary: String
    /// The chart title.
    public let title: String
    /// The root element's id (ids inside the chart extend it).
    public let id: String
    /// The viewBox width.
    public let width: Double
    /// The viewBox height.
    public let height: Double
}

/// Frame options every chart shares.
public struct ChartOptions: Sendable, Hashable {
    /// Width of the viewBox in user units (pixels at 100%); HTML pages scale charts to the column width.
    public var width: Double
    /// Height of the viewBox; nil lets the chart choose (lists and heatmaps grow with their rows).
    public var height: Double?
    /// Draws the title inside the SVG (turn off when an HTML figure caption already shows it).
    public var showTitle: Bool
    /// The root element id; nil derives a stable one from the chart's content, so several charts inline in one
    /// page never share ids.
    public var id: String?

    /// Creates options.
    /// - Parameters:
    ///   - width: viewBox width (at least 240).
    ///   - height: viewBox height (nil = the chart's default).
    ///   - showTitle: draw the title inside the SVG.
    ///   - id: explicit root id (sanitised to letters, digits, `-`, `_`).
    public init(width: Double = 720, height: Double? = nil, showTitle: Bool = true, id: String? = nil) {
        self.width = width
        self.height = height
        self.showTitle = showTitle
        self.id = id
    }
}

/// Options for a numeric axis.
public struct AxisOptions: Sendable, Hashable {
    /// The axis title (e.g. "Spend", "NRMSE (validation)").
    public var title: String?
    /// How tick labels and values on this axis are written.
    public var format: ValueFormat
    /// A fixed range (e.g. `0...1` for R²); nil fits nice ticks around the data. Values outside are clipped to it.
    public var domain: ClosedRange<Double>?
    /// Stretches a fitted range to contain 0.
    public var includeZero: Bool

    /// Creates axis options.
    /// - Parameters:
    ///   - title: axis title.
    ///   - format: tick and value format.
    ///   - domain: fixed range, or nil to fit.
    ///   - includeZero: make a fitted range contain 0.
    public init(
        title: String? = nil, format: ValueFormat = .automatic, domain: ClosedRange<Double>? = nil,
        includeZero: Bool = false
    ) {
        self.title = title
        self.format = format
        self.domain = domain
        self.includeZero = includeZero
    }
}
