/// Several rendered charts on one sheet: one standalone SVG (a model's one-pager), laid out in a grid under a
/// title, each chart keeping its own `<title>` and `<desc>`.
///
/// The sheet's own `<desc>` lists every panel's title and text alternative, so the file stays readable by a screen
/// reader or a text search as a whole. Panels are placed with `translate` groups, so their markup is inlined unchanged
/// (their ids are already unique: they derive from their content).
public struct ChartSheet: Chart {
    /// The sheet's title, drawn across the top.
    public var title: String
    /// A line under the title (e.g. the model's key metrics).
    public var subtitle: String?
    /// The charts, row by row.
    public var panels: [RenderedChart]
    /// Charts per row (at least 1).
    public var columns: Int
    /// Frame options; the width and height follow from the panels, only ``ChartOptions/id`` is used.
    public var options: ChartOptions

    /// Creates a sheet.
    /// - Parameters:
    ///   - title: the sheet title.
    ///   - subtitle: a line under the title.
    ///   - panels: rendered charts (render them at one width, e.g. `ChartOptions(width: 460)`).
    ///   - columns: charts per row.
    ///   - options: only `id` is used.
    public init(
        title: String, subtitle: String? = nil, panels: [RenderedChart], columns: Int = 2,
        options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.subtitle = subtitle
        self.panels = panels
        self.columns = columns
        self.options = options
    }

    /// Renders the sheet: one `<svg>` holding every panel (same panels, same bytes).
    public func render() -> RenderedChart {
        let n = SVGWriter.n
        let perRow = max(1, columns)
        let gap = 12.0, margin = 10.0
        let header = subtitle == nil ? 40.0 : 62.0
        let cellWidth = panels.map(\.width).max() ?? 240
        let rows = stride(from: 0, to: panels.count, by: perRow).map { Array(panels[$0..<min($0 + perRow, panels.count)]) }
        let across = Double(min(perRow, max(panels.count, 1)))
        let width = max(240, margin * 2 + across * cellWidth + (across - 1) * gap)
        var y = header
        var body = SVGWriter()
        for row in rows {
            var x = margin
            for panel in row {
                body.open("g", [("class", "panel"), ("transform", "translate(\(n(x)) \(n(y)))")])
                body.append(SVGWriter.raw(panel.svg))
                body.close("g")
                x += cellWidth + gap
            }
            y += (row.map(\.height).max() ?? 0) + gap
        }
        if panels.isEmpty {
            body.label("No charts to show.", x: width / 2, y: y + 40, anchor: .middle, fill: Theme.muted)
            y += 80
        }
        let height = y - gap + margin
        let fingerprint = panels.map(\.id).joined(separator: ",")
        let id = options.id.map(Escaping.identifier) ?? "sheet-" + Fingerprint.hex(title + "\u{1F}" + fingerprint)
        let count = "\(panels.count) chart\(panels.count == 1 ? "" : "s")" + (subtitle.map { " (\($0))" } ?? "") + "."
        let summary = ([count] + panels.map { "\($0.title): \($0.summary)" }).joined(separator: " ")
        var svg = SVGWriter()
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", n(width)), ("height", n(height)),
            ("viewBox", "0 0 \(n(width)) \(n(height))"), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("id", id), ("class", "mmm-chart mmm-sheet"), ("font-family", Theme.fontFamily),
            ("font-size", n(Theme.fontSize)),
        ])
        svg.textElement("title", [("id", "\(id)-title")], text: title)
        svg.textElement("desc", [("id", "\(id)-desc")], text: summary)
        svg.rect(x: 0, y: 0, width: width, height: height, fill: Theme.background, cssClass: "background")
        svg.fittedLabel(title, x: margin, y: 24, maxWidth: width - 2 * margin, size: 18, weight: "bold")
        if let subtitle {
            svg.fittedLabel(subtitle, x: margin, y: 44, maxWidth: width - 2 * margin, size: Theme.fontSize)
        }
        svg.append(body)
        svg.close("svg")
        return RenderedChart(svg: svg.markup, summary: summary, title: title, id: id, width: width, height: height)
    }
}
