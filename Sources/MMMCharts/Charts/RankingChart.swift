/// Ranked bar lists, one or several panels side by side (small multiples): e.g. variants by DECOMP.RSSD, or the
/// previous system's "best models" 2×2 (highest R² val, lowest NRMSE val, lowest DECOMP.RSSD, smallest gap).
/// Each row reads "rank. label ▮▮▮ value"; the first row is bold.
public struct RankingChart: Chart {
    /// One ranked entry.
    public struct Item: Sendable, Hashable {
        /// The text shown for this entry.
        public var label: String
        /// The value (non-finite values are dropped).
        public var value: Double

        /// Creates an item.
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// Sort direction: which end ranks first.
    public enum Order: Sendable, Hashable {
        /// Lowest value first (errors, DECOMP.RSSD).
        case ascending
        /// Highest value first (R²).
        case descending
    }

    /// One ranked list.
    public struct Panel: Sendable, Hashable {
        /// The title: visible at the top unless turned off, and the SVG `<title>`.
        public var title: String
        /// The entries, unsorted.
        public var items: [Item]
        /// Which end ranks first.
        public var order: Order
        /// Show only the first `limit` items (nil = all).
        public var limit: Int?
        /// How values are written.
        public var valueFormat: ValueFormat

        /// Creates a panel.
        /// - Parameters:
        ///   - title: panel heading.
        ///   - items: unsorted items (ties keep their given order).
        ///   - order: which end ranks first.
        ///   - limit: keep the first N after sorting.
        ///   - valueFormat: value label format.
        public init(title: String, items: [Item], order: Order, limit: Int? = nil, valueFormat: ValueFormat = .automatic) {
            self.title = title
            self.items = items
            self.order = order
            self.limit = limit
            self.valueFormat = valueFormat
        }

        /// The items shown, ranked; non-finite values are dropped.
        func ranked() -> [Item] {
            let finite = items.enumerated().filter { $0.element.value.isFinite }
            let sorted = finite.sorted { a, b in
                if a.element.value == b.element.value { return a.offset < b.offset }
                return order == .ascending ? a.element.value < b.element.value : a.element.value > b.element.value
            }.map(\.element)
            return Array(sorted.prefix(max(0, limit ?? sorted.count)))
        }
    }

    /// The title: visible at the top unless turned off, and the SVG `<title>`.
    public var title: String
    /// The ranked lists, laid out left to right, then top to bottom.
    public var panels: [Panel]
    /// Panels per grid row.
    public var columns: Int
    /// Frame options (size, visible title, id).
    public var options: ChartOptions

    /// Creates a ranking chart with several panels.
    /// - Parameters:
    ///   - title: chart title.
    ///   - panels: ranked lists.
    ///   - columns: panels per row (clamped to 1...panels).
    ///   - options: frame options (height follows the rows by default).
    public init(title: String, panels: [Panel], columns: Int = 1, options: ChartOptions = ChartOptions()) {
        self.title = title
        self.panels = panels
        self.columns = columns
        self.options = options
    }

    static let rowHeight = 19.0
    static let headerHeight = 24.0

    /// Renders the chart: the SVG and its text alternative (same input, same bytes).
    public func render() -> RenderedChart {
        let ranked = panels.map { $0.ranked() }
        var skip = SkipCounter()
        for panel in panels { for item in panel.items { _ = skip.keep(item.value) } }
        let notes = skip.note.map { [$0] } ?? []
        let cols = max(1, min(columns, max(1, panels.count)))
        let gridRows = stride(from: 0, to: ranked.count, by: cols).map { Array(ranked[$0..<min($0 + cols, ranked.count)]) }
        let rowHeights = gridRows.map { row in Self.headerHeight + Double(row.map(\.count).max() ?? 0) * Self.rowHeight + 12 }
        let top = options.showTitle ? 32.0 : 10
        var canvas = ChartCanvas(title: title, options: options,
            defaultHeight: top + rowHeights.reduce(0, +) + 6 + Double(notes.count) * 14,
            fingerprint: String(describing: self), notes: notes)
        guard ranked.contains(where: { !$0.isEmpty }) else {
            canvas.drawEmpty()
            return canvas.finish(summary: "Ranking with no data.")
        }
        var svg = SVGWriter()
        let panelWidth = (canvas.width - 20 - Double(cols - 1) * 20) / Double(cols)
        var y = canvas.top
        for (g, row) in gridRows.enumerated() {
            for (k, items) in row.enumerated() {
                let index = g * cols + k
                let x = 10 + Double(k) * (panelWidth + 20)
                drawPanel(&svg, panel: panels[index], items: items, index: index, x: x, y: y, width: panelWidth,
                    maxHeight: canvas.bottom - y)
            }
            y += rowHeights[g]
        }
        canvas.body.append(svg)
        return canvas.finish(summary: summary(ranked))
    }

    private func drawPanel(
        _ svg: inout SVGWriter, panel: Panel, items: [Item], index: Int, x: Double, y: Double, width: Double,
        maxHeight: Double
    ) {
        svg.open("g", [("class", "panel panel-\(index)")])
        svg.fittedLabel(panel.title, x: x, y: y + 15, maxWidth: width, weight: "bold")
        let values = items.map(\.value)
        let texts = values.map { panel.valueFormat.string($0) }
        let rankRoom = TextMetrics.width("\(items.count).", fontSize: Theme.smallFont) + 6
        let labelRoom = min(items.map { TextMetrics.width($0.label, fontSize: Theme.smallFont, bold: true) }.max() ?? 0, width * 0.5)
        let valueRoom = (texts.map { TextMetrics.width($0, fontSize: Theme.smallFont, bold: true) }.max() ?? 0) + 8
        let barLeft = x + rankRoom + labelRoom + 8
        let barRight = x + width - valueRoom
        let lo = min(0, values.min() ?? 0), hi = max(0, values.max() ?? 0)
        let scale = LinearScale(domain: (lo, hi == lo ? lo + 1 : hi), range: (barLeft, max(barLeft + 1, barRight)))
        let zero = scale(0)
        let rowHeight = min(Self.rowHeight, (maxHeight - Self.headerHeight) / Double(max(1, items.count)))
        let fill = Palette.color(index % 2 == 0 ? 0 : 5)
        for (i, item) in items.enumerated() {
            let rowTop = y + Self.headerHeight + Double(i) * rowHeight
            let baseline = rowTop + rowHeight / 2 + 4
            let bold = i == 0 ? "bold" : nil
            svg.label("\(i + 1).", x: x + rankRoom - 4, y: baseline, anchor: .end, size: Theme.smallFont, weight: bold)
            svg.fittedLabel(item.label, x: x + rankRoom, y: baseline, maxWidth: labelRoom, size: Theme.smallFont, weight: bold)
            let end = scale(item.value)
            svg.open("rect", [("x", SVGWriter.n(min(zero, end))), ("y", SVGWriter.n(rowTop + rowHeight * 0.15)),
                ("width", SVGWriter.n(abs(end - zero))), ("height", SVGWriter.n(rowHeight * 0.7)), ("fill", fill),
                ("stroke", Theme.outline), ("stroke-width", "0.5"), ("class", "bar")])
            svg.textElement("title", [], text: "\(i + 1). \(item.label): \(texts[i])")
            svg.close("rect")
            svg.label(texts[i], x: max(zero, end) + 4, y: baseline, size: Theme.smallFont, weight: bold, cssClass: "value")
        }
        if lo < 0 { svg.line(zero, y + Self.headerHeight, zero, y + Self.headerHeight + rowHeight * Double(items.count), stroke: Theme.axis) }
        svg.close("g")
    }

    private func summary(_ ranked: [[Item]]) -> String {
        zip(panels, ranked).map { panel, items in
            let top = items.prefix(3).enumerated().map { "\($0.offset + 1). \($0.element.label) (\(panel.valueFormat.string($0.element.value)))" }
            let order = panel.order == .ascending ? "lowest first" : "highest first"
            return "\(panel.title) (\(items.count) shown, \(order)): " + (top.isEmpty ? "no data" : top.joined(separator: ", ")) + "."
        }.joined(separator: " ")
    }
}
