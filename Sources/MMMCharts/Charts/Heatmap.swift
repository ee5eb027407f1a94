import Foundation

/// A matrix of labelled cells on a diverging blue–white–vermillion scale centred at 0 (e.g. the correlation matrix
/// of benchmark metrics). Every cell also prints its value, so it reads without colour.
public struct Heatmap: Chart {
    /// The title: visible at the top unless turned off, and the SVG `<title>`.
    public var title: String
    /// One label per row (top to bottom).
    public var rowLabels: [String]
    /// One label per column (left to right).
    public var columnLabels: [String]
    /// `values[row][column]`; NaN cells are hatched and marked n/a.
    public var values: [[Double]]
    /// The colour range; nil uses ±(largest |value|). Correlations pass `-1...1`.
    public var domain: ClosedRange<Double>?
    /// Cell and legend number format.
    public var valueFormat: ValueFormat
    /// Frame options (size, visible title, id).
    public var options: ChartOptions

    /// Creates a heatmap.
    /// - Parameters:
    ///   - title: chart title.
    ///   - rowLabels: row names.
    ///   - columnLabels: column names.
    ///   - values: rows × columns (short rows are padded with n/a).
    ///   - domain: colour range (nil = symmetric around 0 from the data).
    ///   - valueFormat: how cells print their value (default two decimals).
    ///   - options: frame options (height follows the rows by default).
    public init(
        title: String, rowLabels: [String], columnLabels: [String], values: [[Double]], domain: ClosedRange<Double>? = nil,
        valueFormat: ValueFormat = .fixed(2), options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.domain = domain
        self.valueFormat = valueFormat
        self.options = options
    }

    func value(_ r: Int, _ c: Int) -> Double {
        r < values.count && c < values[r].count ? values[r][c] : .nan
    }

    /// Renders the chart: the SVG and its text alternative (same input, same bytes).
    public func render() -> RenderedChart {
        let rows = rowLabels.count, columns = columnLabels.count
        var skip = SkipCounter()
        for r in 0..<rows { for c in 0..<columns { _ = skip.keep(value(r, c)) } }
        let notes = skip.note.map { [$0.replacingOccurrences(of: "skipped", with: "shown as n/a")] } ?? []
        let width = max(240, options.width)
        let rowRoom = min(rowLabels.map { TextMetrics.width($0, fontSize: Theme.fontSize) }.max() ?? 0, width * 0.3)
        let cell = max(8, min(64, (width - rowRoom - 24 - 90) / Double(max(1, columns))))
        let widestColumn = columnLabels.map { TextMetrics.width($0, fontSize: Theme.smallFont) }.max() ?? 0
        let rotate = widestColumn > cell - 4
        let columnRoom = rotate ? min(widestColumn, 140) * 0.71 + 16 : 20
        let top = options.showTitle ? 32.0 : 10
        let defaultHeight = top + 8 + Double(rows) * cell + columnRoom + 8 + Double(notes.count) * 14
        var canvas = ChartCanvas(title: title, options: options, defaultHeight: max(defaultHeight, 160),
            fingerprint: String(describing: self), notes: notes)
        let finite = (0..<rows).flatMap { r in (0..<columns).map { value(r, $0) } }.filter(\.isFinite)
        guard rows > 0, columns > 0, !finite.isEmpty else {
            canvas.drawEmpty()
            return canvas.finish(summary: "Heatmap with no data.")
        }
        let bound = Swift.max(abs(domain?.lowerBound ?? 0), abs(domain?.upperBound ?? 0), finite.map(abs).max() ?? 1, 1e-12)
        let (lo, hi) = domain.map { ($0.lowerBound, $0.upperBound) } ?? (-bound, bound)
        // Fit cells to the height actually given.
        let cellHeight = min(cell, (canvas.bottom - canvas.top - 8 - columnRoom) / Double(rows))
        let area = PlotArea(x: 18 + rowRoom, y: canvas.top + 8, width: cell * Double(columns), height: cellHeight * Double(rows))
        var svg = SVGWriter()
        area.mark(into: &svg)
        let missing = FillPattern.crosshatch.fill(color: "#bbbbbb", defs: &canvas.defs)
        for r in 0..<rows {
            svg.fittedLabel(rowLabels[r], x: area.x - 8, y: area.y + (Double(r) + 0.5) * cellHeight + 4, maxWidth: rowRoom, anchor: .end)
            for c in 0..<columns {
                let v = value(r, c)
                let t = v.isFinite ? position(v, lo: lo, hi: hi) : 0
                let fill = v.isFinite ? Palette.diverging(t) : missing
                let (x, y) = (area.x + Double(c) * cell, area.y + Double(r) * cellHeight)
                svg.open("rect", [("x", SVGWriter.n(x)), ("y", SVGWriter.n(y)), ("width", SVGWriter.n(cell)),
                    ("height", SVGWriter.n(cellHeight)), ("fill", fill), ("stroke", Theme.background), ("stroke-width", "1"),
                    ("class", "cell")])
                svg.textElement("title", [], text: "\(rowLabels[r]) × \(columnLabels[c]): \(valueFormat.string(v))")
                svg.close("rect")
                let text = valueFormat.string(v)
                if TextMetrics.width(text, fontSize: Theme.smallFont) <= cell - 4, cellHeight >= 13 {
                    let ink = v.isFinite && !Palette.prefersDarkText(on: fill) ? "#ffffff" : Theme.text
                    svg.label(text, x: x + cell / 2, y: y + cellHeight / 2 + 4, anchor: .middle, size: Theme.smallFont,
                        fill: ink, cssClass: "cell-value")
                }
            }
        }
        for c in 0..<columns {
            let cx = area.x + (Double(c) + 0.5) * cell
            if rotate {
                svg.fittedLabel(columnLabels[c], x: cx + 4, y: area.bottom + 12, maxWidth: 140, anchor: .end,
                    size: Theme.smallFont, rotate: -45)
            } else {
                svg.fittedLabel(columnLabels[c], x: cx, y: area.bottom + 15, maxWidth: cell - 2, anchor: .middle,
                    size: Theme.smallFont)
            }
        }
        drawScale(&svg, x: min(area.right + 24, canvas.width - 70), top: area.y, height: min(area.height, 200), lo: lo, hi: hi)
        canvas.body.append(svg)
        return canvas.finish(summary: summary(lo: finite.min() ?? 0, hi: finite.max() ?? 0))
    }

    /// Position on the diverging scale: 0 maps to white; each side scales by its own extreme.
    private func position(_ v: Double, lo: Double, hi: Double) -> Double {
        if v >= 0 { return hi > 0 ? min(1, v / hi) : 0 }
        return lo < 0 ? -min(1, v / lo) : 0
    }

    /// A stepped colour key with its ends and middle labelled.
    private func drawScale(_ svg: inout SVGWriter, x: Double, top: Double, height: Double, lo: Double, hi: Double) {
        let steps = 11
        let h = max(height, 60) / Double(steps)
        svg.open("g", [("class", "color-scale")])
        for k in 0..<steps {
            let v = hi - (hi - lo) * Double(k) / Double(steps - 1)
            svg.rect(x: x, y: top + Double(k) * h, width: 14, height: h, fill: Palette.diverging(position(v, lo: lo, hi: hi)))
        }
        svg.rect(x: x, y: top, width: 14, height: h * Double(steps), fill: "none", stroke: Theme.outline, strokeWidth: 0.6)
        let mid = (lo + hi) / 2
        for (v, y) in [(hi, top + 4), (mid, top + h * Double(steps) / 2 + 4), (lo, top + h * Double(steps))] {
            svg.label(valueFormat.string(v), x: x + 18, y: y, size: Theme.smallFont)
        }
        svg.close("g")
    }

    private func summary(lo: Double, hi: Double) -> String {
        let f = valueFormat
        var parts = ["Heatmap of \(rowLabels.count) rows by \(columnLabels.count) columns, values from \(f.string(lo)) to \(f.string(hi))."]
        // A symmetric matrix (same labels both ways) lists each off-diagonal pair once.
        let symmetric = rowLabels == columnLabels
        var cells: [(r: Int, c: Int, v: Double)] = []
        for r in rowLabels.indices {
            for c in columnLabels.indices where !symmetric || c > r {
                let v = value(r, c)
                if v.isFinite { cells.append((r, c, v)) }
            }
        }
        let strongest = cells.sorted { abs($0.v) == abs($1.v) ? ($0.r, $0.c) < ($1.r, $1.c) : abs($0.v) > abs($1.v) }.prefix(3)
        if !strongest.isEmpty {
            parts.append("Strongest: " + strongest.map { "\(rowLabels[$0.r]) × \(columnLabels[$0.c]) (\(f.string($0.v)))" }
                .joined(separator: ", ") + ".")
        }
        return parts.joined(separator: " ")
    }
}
