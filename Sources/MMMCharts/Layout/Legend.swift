/// A legend drawn as rows of swatch + label under the title; swatches repeat the series' dash, marker or pattern
/// so the legend works without colour.
struct Legend {
    enum Swatch {
        /// A line sample with an optional marker on it.
        case line(color: String, dash: String?, marker: MarkerShape?)
        /// A filled box (`fill` may be a pattern reference).
        case area(fill: String)
        /// A point marker (hollow when `filled` is false).
        case marker(MarkerShape, color: String, filled: Bool)
        /// A dashed vertical rule (split markers).
        case rule(dash: String?)
    }

    struct Item {
        var swatch: Swatch
        var label: String
    }

    var items: [Item]

    private static let rowHeight = 18.0
    private static let maxLabel = 260.0

    private func itemWidth(_ item: Item) -> Double {
        30 + min(Self.maxLabel, TextMetrics.width(item.label, fontSize: Theme.smallFont)) + 16
    }

    /// The height the legend needs at `width` (0 when empty).
    func height(width: Double) -> Double {
        Double(rows(width: width).count) * Self.rowHeight + (items.isEmpty ? 0 : 4)
    }

    private func rows(width: Double) -> [[Item]] {
        var rows: [[Item]] = []
        var current: [Item] = []
        var used = 0.0
        for item in items {
            let w = itemWidth(item)
            if !current.isEmpty, used + w > width {
                rows.append(current)
                current = []
                used = 0
            }
            current.append(item)
            used += w
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    /// Draws the legend with its top-left corner at (x, y).
    func draw(into svg: inout SVGWriter, x: Double, y: Double, width: Double) {
        guard !items.isEmpty else { return }
        svg.open("g", [("class", "legend")])
        for (r, row) in rows(width: width).enumerated() {
            var cx = x
            let cy = y + Double(r) * Self.rowHeight + 9
            for item in row {
                drawSwatch(item.swatch, into: &svg, x: cx, y: cy)
                svg.fittedLabel(item.label, x: cx + 30, y: cy + 4, maxWidth: Self.maxLabel, size: Theme.smallFont)
                cx += itemWidth(item)
            }
        }
        svg.close("g")
    }

    private func drawSwatch(_ swatch: Swatch, into svg: inout SVGWriter, x: Double, y: Double) {
        switch swatch {
        case .line(let color, let dash, let marker):
            svg.line(x, y, x + 24, y, stroke: color, width: 2.5, dash: dash)
            marker?.draw(into: &svg, x: x + 12, y: y, size: 7, fill: color, stroke: Theme.background)
        case .area(let fill):
            svg.rect(x: x + 2, y: y - 6, width: 20, height: 12, fill: fill, stroke: Theme.outline, strokeWidth: 0.7)
        case .marker(let shape, let color, let filled):
            shape.draw(into: &svg, x: x + 12, y: y, size: 9, fill: filled ? color : "none", stroke: filled ? Theme.outline : color,
                strokeWidth: filled ? 0.7 : 1.8)
        case .rule(let dash):
            svg.line(x + 12, y - 7, x + 12, y + 7, stroke: Theme.axis, width: 1.5, dash: dash)
        }
    }
}
