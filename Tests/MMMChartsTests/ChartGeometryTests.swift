import Foundation
import Testing

@testable import MMMCharts

/// Numbers land where they should: positions are checked against the plot area the chart reports.
@Suite struct ChartGeometryTests {
    static let day0 = ChartDate(year: 2024, month: 1, day: 1)!

    static func points(_ polyline: XMLNode) -> [(x: Double, y: Double)] {
        (polyline.attributes["points"] ?? "").split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return (xy[0], xy[1])
        }
    }

    static func near(_ a: Double, _ b: Double, _ tolerance: Double = 0.02) -> Bool { abs(a - b) <= tolerance }

    @Test func lineChartPutsFirstAndLastDatesAtThePlotEdges() throws {
        let chart = LineChart(
            title: "t", dates: [Self.day0, Self.day0.adding(days: 7), Self.day0.adding(days: 14)],
            series: [.init(name: "a", values: [0, 5, 10]), .init(name: "b", values: [10, .nan, 0])],
            splits: [.init(date: Self.day0.adding(days: 7), label: "val")], yAxis: AxisOptions(domain: 0...10))
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        let plot = try SVGChecks.plotArea(root)
        let line = try #require(root.descendants(class: "series-0").first?.descendants(named: "polyline").first)
        let p = Self.points(line)
        #expect(p.count == 3)
        #expect(Self.near(p[0].x, plot.x) && Self.near(p[0].y, plot.bottom))
        #expect(Self.near(p[1].x, (plot.x + plot.right) / 2) && Self.near(p[1].y, (plot.y + plot.bottom) / 2))
        #expect(Self.near(p[2].x, plot.right) && Self.near(p[2].y, plot.y))
        // The NaN splits series b into two one-point segments: no polyline, two markers.
        let b = try #require(root.descendants(class: "series-1").first)
        #expect(b.descendants(named: "polyline").isEmpty)
        #expect(b.descendants(class: "point").count == 2)
        let split = try #require(root.descendants(class: "split").first)
        #expect(Self.near(split.number("x1") ?? 0, (plot.x + plot.right) / 2))
        #expect(chart.render().summary.contains("a: lowest 0 on 2024-01-01, highest 10 on 2024-01-15."))
        #expect(chart.render().summary.contains("Note: 1 value skipped"))
    }

    @Test func linesAreSortedByDate() throws {
        let chart = LineChart(title: "t", dates: [Self.day0.adding(days: 14), Self.day0],
            series: [.init(name: "a", values: [10, 0])], yAxis: AxisOptions(domain: 0...10))
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        let p = Self.points(try #require(root.descendants(named: "polyline").first))
        #expect(p[0].x < p[1].x && p[0].y > p[1].y)
    }

    @Test func horizontalBarsGrowFromZeroInProportion() throws {
        let chart = BarChart(title: "t", categories: ["a", "b", "c"],
            series: [.init(name: "v", values: [25, 100, -50])], valueAxis: AxisOptions(domain: -100...100))
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        let plot = try SVGChecks.plotArea(root)
        let bars = root.descendants(class: "bar")
        #expect(bars.count == 3)
        let zero = (plot.x + plot.right) / 2, half = (plot.right - plot.x) / 2
        #expect(Self.near(bars[0].number("x") ?? 0, zero) && Self.near(bars[0].number("width") ?? 0, half / 4))
        #expect(Self.near((bars[1].number("x") ?? 0) + (bars[1].number("width") ?? 0), plot.right))
        #expect(Self.near(bars[2].number("x") ?? 0, zero - half / 2) && Self.near(bars[2].number("width") ?? 0, half / 2))
        // Categories top to bottom, each bar centred in its band.
        #expect((bars[0].number("y") ?? 0) < (bars[1].number("y") ?? 0))
        #expect(root.descendants(class: "value").map(\.text) == ["25", "100", "-50"])
    }

    @Test func verticalGroupedBarsUseOnePatternPerSeries() throws {
        let chart = BarChart(title: "t", categories: ["a", "b"],
            series: [.init(name: "train", values: [0.5, 1]), .init(name: "val", values: [0.25, 0.75])],
            orientation: .vertical, valueAxis: AxisOptions(domain: 0...1))
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        let plot = try SVGChecks.plotArea(root)
        let bars = root.descendants(class: "bar")
        #expect(bars.count == 4)
        let height = plot.bottom - plot.y
        #expect(Self.near(bars[0].number("height") ?? 0, height / 2) && Self.near((bars[0].number("y") ?? 0) + height / 2, plot.bottom))
        #expect(Self.near(bars[2].number("y") ?? 0, plot.y))
        // Series 0 solid, series 1 a pattern defined in <defs> — told apart without colour.
        #expect(bars[0].attributes["fill"] == Palette.color(0))
        let fill = try #require(bars[1].attributes["fill"])
        #expect(fill.hasPrefix("url(#"))
        let patternID = String(fill.dropFirst(5).dropLast())
        #expect(root.descendants(named: "pattern").contains { $0.attributes["id"] == patternID })
    }

    @Test func waterfallStepsStartWhereThePreviousEnded() throws {
        let chart = WaterfallChart(title: "t", steps: [.init(label: "a", value: 3), .init(label: "b", value: -1)],
            valueAxis: AxisOptions(domain: 0...4))
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        let plot = try SVGChecks.plotArea(root)
        let unit = (plot.right - plot.x) / 4
        let bars = root.descendants(class: "bar")
        let spans = bars.map { ((($0.number("x") ?? 0) - plot.x) / unit, (($0.number("x") ?? 0) + ($0.number("width") ?? 0) - plot.x) / unit) }
        #expect(spans.count == 3)
        #expect(Self.near(spans[0].0, 0, 1e-3) && Self.near(spans[0].1, 3, 1e-3))
        #expect(Self.near(spans[1].0, 2, 1e-3) && Self.near(spans[1].1, 3, 1e-3))
        #expect(Self.near(spans[2].0, 0, 1e-3) && Self.near(spans[2].1, 2, 1e-3))
        #expect(bars.map(\.classes) == [["bar", "increase"], ["bar", "decrease"], ["bar", "total"]])
        #expect(root.descendants(class: "value").map(\.text) == ["+3 (150.0%)", "-1 (-50.0%)", "2"])
    }

    @Test func scatterPointsAtTheDomainEndsSitOnThePlotCorners() throws {
        let chart = ScatterPlot(title: "t", groups: [
            .init(name: "g1", points: [.init(x: 0, y: 0), .init(x: 1, y: 1, label: "best", highlighted: true)]),
            .init(name: "g2", points: [.init(x: 0.5, y: 0.5)]),
        ], xAxis: AxisOptions(domain: 0...1), yAxis: AxisOptions(domain: 0...1))
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        let plot = try SVGChecks.plotArea(root)
        let first = try #require(root.descendants(class: "group-0").first?.descendants(class: "point").first)
        #expect(first.name == "circle" && Self.near(first.number("cx") ?? -1, plot.x) && Self.near(first.number("cy") ?? -1, plot.bottom))
        let best = try #require(root.descendants(class: "highlighted").first)
        #expect(Self.near(best.number("cx") ?? -1, plot.right) && Self.near(best.number("cy") ?? -1, plot.y))
        #expect(root.descendants(class: "highlight").count == 1)
        #expect(root.descendants(class: "point-label").map(\.text) == ["best"])
        // The second group uses another marker shape (a square path), not only another colour.
        let second = try #require(root.descendants(class: "group-1").first?.descendants(class: "point").first)
        #expect(second.name == "path")
        #expect(chart.render().summary.contains("Highlighted: best (1, 1)."))
    }

    @Test func frontGroupIsJoinedInXOrder() throws {
        let chart = ScatterPlot(title: "t", groups: [.init(name: "front", points: [
            .init(x: 3, y: 1), .init(x: 1, y: 3), .init(x: 2, y: 2),
        ], connected: true)])
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        let xs = Self.points(try #require(root.descendants(class: "front").first)).map(\.x)
        #expect(xs == xs.sorted() && xs.count == 3)
    }

    @Test func curveMarksLandOnTheirCoordinates() throws {
        let chart = CurvesChart(title: "t", curves: [.init(name: "tv", points: [.init(x: 0, y: 0), .init(x: 10, y: 8)])],
            marks: [.init(curve: 0, x: 10, y: 8, kind: .optimal, label: "opt"), .init(curve: 0, x: 5, y: 4, kind: .current)],
            xAxis: AxisOptions(domain: 0...10), yAxis: AxisOptions(domain: 0...8))
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        let plot = try SVGChecks.plotArea(root)
        let curve = Self.points(try #require(root.descendants(class: "curve-0").first))
        #expect(Self.near(curve[0].x, plot.x) && Self.near(curve[0].y, plot.bottom))
        #expect(Self.near(curve[1].x, plot.right) && Self.near(curve[1].y, plot.y))
        let marks = root.descendants(class: "mark")
        #expect(marks.count == 2)
        // The optimal diamond's path starts at its top vertex: (x, y - r).
        let d = (marks[0].attributes["d"] ?? "").split(whereSeparator: { "ML ,".contains($0) }).compactMap { Double($0) }
        #expect(Self.near(d[0], plot.right) && Self.near(d[1] + 5.5, plot.y))
        #expect(marks[1].name == "circle" && marks[1].attributes["fill"] == "#ffffff")
        #expect(root.descendants(class: "mark-label").map(\.text) == ["opt"])
    }

    @Test func heatmapColoursFollowTheDivergingScaleAndPrintValues() throws {
        let chart = Heatmap(title: "t", rowLabels: ["a", "b"], columnLabels: ["a", "b"], values: [[1, -1], [0, .nan]], domain: -1...1)
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        let cells = root.descendants(class: "cell")
        #expect(cells.map { $0.attributes["fill"] ?? "" }.prefix(3) == ["#D55E00", "#0072B2", "#F7F7F7"])
        #expect(cells[3].attributes["fill"]?.hasPrefix("url(#") == true)
        #expect(root.descendants(class: "cell-value").map(\.text) == ["1.00", "-1.00", "0.00", "n/a"])
        // Each cell is the same size and the grid is rows × columns.
        #expect(Set(cells.map { $0.number("width") ?? 0 }).count == 1)
        #expect(chart.render().summary.contains("Strongest: a × b (-1.00)."))
    }

    @Test func rankingSortsAndScalesBars() throws {
        let chart = RankingChart(title: "t", panels: [
            .init(title: "low first", items: [.init(label: "x", value: 2), .init(label: "y", value: 1), .init(label: "z", value: .nan)],
                order: .ascending),
            .init(title: "top 1", items: [.init(label: "p", value: 1), .init(label: "q", value: 3)], order: .descending, limit: 1),
        ], columns: 2)
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        let panel0 = try #require(root.descendants(class: "panel-0").first)
        let texts = panel0.descendants(named: "text").map(\.text)
        #expect(texts.starts(with: ["low first", "1.", "y"]))
        let bars = panel0.descendants(class: "bar").map { $0.number("width") ?? 0 }
        #expect(bars.count == 2 && Self.near(bars[1], 2 * bars[0]))
        let panel1 = try #require(root.descendants(class: "panel-1").first)
        #expect(panel1.descendants(class: "bar").count == 1)
        #expect(panel1.descendants(named: "text").map(\.text).contains("q"))
        // Panels side by side.
        let x0 = panel0.descendants(named: "text").first?.number("x") ?? 0
        let x1 = panel1.descendants(named: "text").first?.number("x") ?? 0
        #expect(x1 > x0 + 200)
    }
}
