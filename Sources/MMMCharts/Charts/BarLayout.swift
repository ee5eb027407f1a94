/// Geometry and drawing of a ``BarChart`` in either orientation.
struct BarLayout {
    let chart: BarChart
    let values: [[Double?]]
    let fills: [String]
    let axis: AxisOptions

    private var seriesCount: Int { max(1, values.count) }
    private var format: ValueFormat { axis.format }

    private func valueLabel(_ v: Double) -> String { format.string(v) }

    private var widestValue: Double {
        values.flatMap { $0.compactMap { $0 } }.map { TextMetrics.width(valueLabel($0), fontSize: Theme.smallFont) }.max() ?? 0
    }

    private func barTitle(category: Int, series: Int, value: Double) -> String {
        chart.categories[category] + (chart.series.count > 1 ? " — \(chart.series[series].name)" : "") + ": " + valueLabel(value)
    }

    private func drawBar(
        into svg: inout SVGWriter, x: Double, y: Double, width: Double, height: Double, series: Int, title: String
    ) {
        let n = SVGWriter.n
        let left = min(x, x + width), top = min(y, y + height)
        svg.open("rect", [
            ("x", n(left)), ("y", n(top)), ("width", n(abs(width))), ("height", n(abs(height))), ("fill", fills[series]),
            ("stroke", Theme.outline), ("stroke-width", "0.6"), ("class", "bar series-\(series)"),
        ])
        svg.textElement("title", [], text: title)
        svg.close("rect")
    }

    /// Categories down the left edge, one row per bar.
    func drawHorizontal(into svg: inout SVGWriter, canvas: ChartCanvas, top: Double) {
        let fontSize = Theme.fontSize
        let widestCategory = chart.categories.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
        let labelRoom = min(widestCategory, canvas.width * 0.32)
        let show = chart.showValues ?? true
        let valueRoom = show ? widestValue + 8 : 0
        var plot = PlotArea(x: 10 + labelRoom + 8, y: top + 4, width: 0, height: 0)
        let bottomMargin = ValueAxis.bottomMargin(title: axis.title)
        plot.height = canvas.bottom - bottomMargin - plot.y
        plot.width = canvas.width - plot.x - max(16, valueRoom + 4)
        let fitted = ValueAxis(values: values.flatMap { $0.compactMap { $0 } }, options: axis, length: plot.width, horizontal: true)
        plot.width = canvas.width - plot.x - max(AxisPainter.rightMargin(lastLabel: fitted.labels.last), valueRoom + 4)
        let x = LinearScale(domain: (fitted.lower, fitted.upper), range: (plot.x, plot.right))
        let band = plot.height / Double(chart.categories.count)
        let barHeight = min(26, band * 0.8 / Double(seriesCount))
        plot.mark(into: &svg)
        AxisPainter.bottom(&svg, axis: fitted, scale: x, plot: plot, grid: true)
        let zero = x(fitted.clamp(0))
        for (c, name) in chart.categories.enumerated() {
            let groupTop = plot.y + Double(c) * band + (band - barHeight * Double(seriesCount)) / 2
            svg.fittedLabel(name, x: plot.x - 8, y: plot.y + (Double(c) + 0.5) * band + 4, maxWidth: labelRoom,
                anchor: .end, size: fontSize)
            for s in values.indices {
                guard let v = values[s][c] else { continue }
                let end = x(fitted.clamp(v))
                let y = groupTop + Double(s) * barHeight
                drawBar(into: &svg, x: zero, y: y, width: end - zero, height: barHeight, series: s,
                    title: barTitle(category: c, series: s, value: v))
                guard show, barHeight >= 9 else { continue }
                let text = valueLabel(v), w = TextMetrics.width(text, fontSize: Theme.smallFont)
                let fitsLeft = end - plot.x >= w + 6
                let labelX = v >= 0 ? end + 4 : (fitsLeft ? end - 4 : zero + 4)
                svg.label(text, x: labelX, y: y + barHeight / 2 + 4, anchor: v >= 0 || !fitsLeft ? .start : .end,
                    size: Theme.smallFont, cssClass: "value")
            }
        }
        svg.line(zero, plot.y, zero, plot.bottom, stroke: Theme.axis)
    }

    /// Height taken by category labels under a vertical chart: one line, or turned 45° when they do not fit.
    static func verticalLabelRoom(_ categories: [String], width: Double) -> Double {
        let widest = categories.map { TextMetrics.width($0, fontSize: Theme.smallFont) }.max() ?? 0
        let band = (width - 80) / Double(max(1, categories.count))
        return widest > band - 6 ? min(widest, 180) * 0.71 + 22 : 24
    }

    /// Categories along the bottom edge (labels turn 45° when they do not fit their band).
    func drawVertical(into svg: inout SVGWriter, canvas: ChartCanvas, top: Double) {
        let fontSize = Theme.smallFont
        let count = Double(chart.categories.count)
        let widestCategory = chart.categories.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
        // First guess of the band width to decide whether labels turn.
        let guessBand = (canvas.width - 80) / count
        let rotate = widestCategory > guessBand - 6
        let labelLength = min(widestCategory, 180)
        let show = chart.showValues ?? (guessBand / Double(seriesCount) >= widestValue + 2)
        // Labels under negative bars need a line between the plot and the category labels.
        let below = show && values.contains { $0.contains { ($0 ?? 0) < 0 } } ? 14.0 : 0
        let bottomMargin = (rotate ? labelLength * 0.71 + 22 : 24) + below
        var plot = PlotArea(x: 0, y: top + (show ? 16 : 6), width: 0, height: 0)
        plot.height = canvas.bottom - bottomMargin - plot.y
        let fitted = ValueAxis(values: values.flatMap { $0.compactMap { $0 } }, options: axis, length: plot.height, horizontal: false)
        plot.x = max(fitted.leftMargin, rotate ? labelLength * 0.71 + 6 : 0)
        plot.width = canvas.width - plot.x - 16
        let y = LinearScale(domain: (fitted.lower, fitted.upper), range: (plot.bottom, plot.y))
        let band = plot.width / count
        let barWidth = min(48, band * 0.8 / Double(seriesCount))
        plot.mark(into: &svg)
        AxisPainter.left(&svg, axis: fitted, scale: y, plot: plot)
        let zero = y(fitted.clamp(0))
        // Thin out labels when even turned text (one line high) cannot fit every band.
        let every = max(1, Int((14 / band).rounded(.up)))
        for (c, name) in chart.categories.enumerated() {
            let center = plot.x + (Double(c) + 0.5) * band
            if c % every == 0 {
                if rotate {
                    svg.fittedLabel(name, x: center + 4, y: plot.bottom + 12 + below, maxWidth: labelLength, anchor: .end,
                        size: fontSize, rotate: -45)
                } else {
                    svg.fittedLabel(name, x: center, y: plot.bottom + 16 + below, maxWidth: band - 4, anchor: .middle, size: fontSize)
                }
            }
            let groupLeft = center - barWidth * Double(seriesCount) / 2
            for s in values.indices {
                guard let v = values[s][c] else { continue }
                let end = y(fitted.clamp(v))
                let x = groupLeft + Double(s) * barWidth
                drawBar(into: &svg, x: x, y: zero, width: barWidth, height: end - zero, series: s,
                    title: barTitle(category: c, series: s, value: v))
                if show {
                    svg.label(valueLabel(v), x: x + barWidth / 2, y: v >= 0 ? end - 4 : end + 12, anchor: .middle,
                        size: Theme.smallFont, cssClass: "value")
                }
            }
        }
        svg.line(plot.x, zero, plot.right, zero, stroke: Theme.axis)
    }
}
