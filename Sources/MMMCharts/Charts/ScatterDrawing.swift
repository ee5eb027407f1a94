/// Lays out and draws a ``ScatterPlot``.
struct ScatterDrawing {
    let plot: ScatterPlot
    let kept: [[ScatterPlot.Point]]

    /// Draws into the canvas.
    /// - Returns: how many labels were left out for lack of space.
    func draw(on canvas: inout ChartCanvas) -> Int {
        let all = kept.flatMap { $0 }
        var svg = SVGWriter()
        let legend = Legend(items: plot.groups.indices.map { i in
            let style = SeriesStyle(index: i)
            let group = plot.groups[i]
            let swatch: Legend.Swatch = group.connected
                ? .line(color: style.color, dash: style.dash, marker: group.showMarkers ? style.marker : nil)
                : .marker(style.marker, color: style.color, filled: true)
            return .init(swatch: swatch, label: group.name)
        })
        let showLegend = plot.groups.count > 1 || plot.groups.contains { $0.connected }
        let legendHeight = showLegend ? legend.height(width: canvas.width - 20) : 0
        if showLegend { legend.draw(into: &svg, x: 10, y: canvas.top, width: canvas.width - 20) }
        let xRefs = plot.referenceLines.filter { $0.axis == .x }.map(\.value).filter(\.isFinite)
        let yRefs = plot.referenceLines.filter { $0.axis == .y }.map(\.value).filter(\.isFinite)
        let top = canvas.top + legendHeight + 8
        let xBottom = ValueAxis.bottomMargin(title: plot.xAxis.title)
        let yFit = ValueAxis(values: all.map(\.y) + yRefs, options: plot.yAxis, length: canvas.bottom - xBottom - top, horizontal: false)
        var area = PlotArea(x: yFit.leftMargin, y: top, width: 0, height: canvas.bottom - xBottom - top)
        area.width = canvas.width - area.x - 20
        let xFit = ValueAxis(values: all.map(\.x) + xRefs, options: plot.xAxis, length: area.width, horizontal: true)
        area.width = canvas.width - area.x - AxisPainter.rightMargin(lastLabel: xFit.labels.last)
        let x = LinearScale(domain: (xFit.lower, xFit.upper), range: (area.x, area.right))
        let y = LinearScale(domain: (yFit.lower, yFit.upper), range: (area.bottom, area.y))
        area.mark(into: &svg)
        AxisPainter.left(&svg, axis: yFit, scale: y, plot: area)
        AxisPainter.bottom(&svg, axis: xFit, scale: x, plot: area, grid: true)
        var placer = LabelPlacer(bounds: .init(left: area.x + 2, top: area.y + 2, right: area.right - 2, bottom: area.bottom - 2))
        for line in plot.referenceLines where line.value.isFinite {
            drawReference(line, into: &svg, x: x, y: y, xFit: xFit, yFit: yFit, area: area, placer: &placer)
        }
        for (g, points) in kept.enumerated() {
            let style = SeriesStyle(index: g)
            svg.open("g", [("class", "group group-\(g)")])
            if plot.groups[g].connected, points.count > 1 {
                let ordered = points.sorted { $0.x == $1.x ? $0.y < $1.y : $0.x < $1.x }
                svg.polyline(ordered.map { (x: x(xFit.clamp($0.x)), y: y(yFit.clamp($0.y))) }, stroke: style.color,
                    width: 1.8, dash: style.dash, cssClass: "front")
            }
            if plot.groups[g].showMarkers || points.count == 1 {
                for p in points where !p.highlighted {
                    style.marker.draw(into: &svg, x: x(xFit.clamp(p.x)), y: y(yFit.clamp(p.y)), size: 8, fill: style.color,
                        stroke: Theme.background, strokeWidth: 0.6, extra: [("class", "point")])
                }
            }
            svg.close("g")
        }
        // Highlighted points on top, ringed, labelled first so they win the space.
        var omitted = 0
        var labelled: [(ScatterPlot.Point, Int)] = []
        for (g, points) in kept.enumerated() {
            for p in points where p.highlighted {
                let style = SeriesStyle(index: g)
                let (px, py) = (x(xFit.clamp(p.x)), y(yFit.clamp(p.y)))
                svg.element("circle", [("cx", SVGWriter.n(px)), ("cy", SVGWriter.n(py)), ("r", "10"), ("fill", "none"),
                    ("stroke", Theme.text), ("stroke-width", "2"), ("class", "highlight")])
                style.marker.draw(into: &svg, x: px, y: py, size: 12, fill: style.color, stroke: Theme.text,
                    strokeWidth: 1, extra: [("class", "point highlighted")])
                placer.reserve(.init(left: px - 11, top: py - 11, right: px + 11, bottom: py + 11))
                labelled.append((p, g))
            }
        }
        if plot.labels == .all {
            // Placement is quadratic in the labels: beyond a few hundred the plot is unreadable anyway.
            labelled += kept.enumerated().flatMap { g, points in points.filter { !$0.highlighted }.map { ($0, g) } }
                .prefix(ScatterPlot.maxLabels)
        }
        for (p, _) in labelled {
            guard let text = p.label, !text.isEmpty else { continue }
            let short = TextMetrics.truncate(text, maxWidth: 160, fontSize: Theme.smallFont).text
            let r = p.highlighted ? 11.0 : 4.0
            if let spot = placer.place(short, x: x(xFit.clamp(p.x)), y: y(yFit.clamp(p.y)), r: r, fontSize: Theme.smallFont,
                bold: p.highlighted)
            {
                svg.label(short, x: spot.x, y: spot.y, anchor: spot.anchor, size: Theme.smallFont,
                    weight: p.highlighted ? "bold" : nil, fullText: text, cssClass: "point-label", halo: true)
            } else {
                omitted += 1
            }
        }
        canvas.body.append(svg)
        return omitted
    }

    private func drawReference(
        _ line: ScatterPlot.ReferenceLine, into svg: inout SVGWriter, x: LinearScale, y: LinearScale, xFit: ValueAxis,
        yFit: ValueAxis, area: PlotArea, placer: inout LabelPlacer
    ) {
        switch line.axis {
        case .x:
            let px = x(xFit.clamp(line.value))
            svg.line(px, area.y, px, area.bottom, stroke: Theme.axis, width: 1.2, dash: "5 3", cssClass: "reference")
            if let label = line.label, let spot = placer.place(label, x: px, y: area.y + 10, r: 0, fontSize: Theme.smallFont) {
                svg.label(label, x: spot.x, y: spot.y, anchor: spot.anchor, size: Theme.smallFont, fill: Theme.muted, halo: true)
            }
        case .y:
            let py = y(yFit.clamp(line.value))
            svg.line(area.x, py, area.right, py, stroke: Theme.axis, width: 1.2, dash: "5 3", cssClass: "reference")
            if let label = line.label {
                let w = TextMetrics.width(label, fontSize: Theme.smallFont)
                if let spot = placer.place(label, x: area.right - w / 2 - 4, y: py, r: 0, fontSize: Theme.smallFont) {
                    svg.label(label, x: spot.x, y: spot.y, anchor: spot.anchor, size: Theme.smallFont, fill: Theme.muted, halo: true)
                }
            }
        }
    }
}
