import Foundation
import MMMTestSupport
import Testing

@testable import MMMCharts

/// What every chart promises: well-formed XML, title/desc wiring, inside its viewBox, deterministic, escaped.
@Suite struct ChartContractTests {
    static var everyChart: [any Chart] { DemoCharts.all + DemoCharts.edgeCases }

    @Test func everyChartIsWellFormedAccessibleAndInsideItsViewBox() throws {
        for chart in Self.everyChart {
            let rendered = chart.render()
            let root = try SVGChecks.parseAndCheckRoot(rendered.svg)
            #expect(SVGChecks.outOfBounds(root) == [], "\(chart.title)")
            #expect(root.attributes["viewBox"] == "0 0 \(FixedNumber.coordinate(rendered.width)) \(FixedNumber.coordinate(rendered.height))")
            // Everything drawn after the background; ids inside extend the root id.
            for node in root.all where node !== root {
                if let id = node.attributes["id"] { #expect(id.hasPrefix(rendered.id), "\(chart.title): \(id)") }
            }
            let numbers = root.all.flatMap { $0.attributes.values }.filter { $0.lowercased().contains("nan") || $0.contains("inf") }
            #expect(numbers == [], "\(chart.title)")
        }
    }

    @Test func renderingIsByteIdenticalAcrossRunsAndThreads() async throws {
        let first = Self.everyChart.map { $0.svg() }
        let again = await withTaskGroup(of: (Int, String).self) { group in
            for (i, chart) in Self.everyChart.enumerated() { group.addTask { (i, chart.svg()) } }
            var out = [String](repeating: "", count: first.count)
            for await (i, svg) in group { out[i] = svg }
            return out
        }
        #expect(first == again)
        #expect(DemoPage.render() == DemoPage.render())
    }

    @Test func idsDifferBetweenChartsSoTheyCanShareAPage() {
        let ids = Self.everyChart.map { $0.render().id }
        #expect(Set(ids).count == ids.count)
        var options = ChartOptions()
        options.id = "my chart"
        #expect(BarChart(title: "t", categories: ["a"], series: [.init(name: "s", values: [1])], options: options).render().id == "my-chart")
    }

    @Test func hostileLabelsAreEscapedAndKeptWhole() throws {
        let hostile = "<script>alert('x')</script> & \"quoted\" — a very long channel name that will not fit anywhere at all"
        let chart = BarChart(title: "T <&>", categories: [hostile, "b"], series: [.init(name: hostile, values: [1, 2])])
        let svg = chart.svg()
        #expect(!svg.contains("<script"))
        let root = try SVGChecks.parseAndCheckRoot(svg)
        #expect(root.children.first { $0.name == "title" }?.text == "T <&>")
        // The drawn label is shortened; its tooltip <title> keeps the full text.
        let texts = root.descendants(named: "text")
        let label = try #require(texts.first { $0.text.hasPrefix("<script>") && $0.text.hasSuffix("…") })
        #expect(label.children.first { $0.name == "title" }?.text == hostile)
    }

    @Test func edgeCasesSayWhatHappened() {
        let summaries = DemoCharts.edgeCases.map { $0.render().summary }
        #expect(summaries[0] == "Line chart with no data.")
        #expect(summaries[1].contains("Actual: lowest 42 on 2022-01-03, highest 42 on 2022-01-03."))
        #expect(summaries[2].contains("v: a 5, b 5, c 5."))
        #expect(summaries[3].contains("Note: 2 values skipped (not a finite number)."))
        #expect(summaries[5].contains("Note: 2 values shown as n/a"))
        let empty = LineChart(title: "e", dates: [], series: []).svg()
        #expect(empty.contains(">No data to show.</text>"))
    }

    @Test func mismatchedLengthsAreNotedNotFatal() {
        let line = LineChart(title: "t", dates: [ChartDate(daysSinceEpoch: 0), ChartDate(daysSinceEpoch: 1)],
            series: [.init(name: "short", values: [1])])
        #expect(line.render().summary.contains("short has 1 values for 2 dates; missing values left blank."))
        let bars = BarChart(title: "t", categories: ["a", "b"], series: [.init(name: "long", values: [1, 2, 3])])
        #expect(bars.render().summary.contains("long has 3 values for 2 categories."))
    }

    /// Every candidate of a run (10,000 points) still renders, parses and caps its labels.
    @Test func largeScatterCapsLabels() throws {
        var random = SeededRandom(seed: 3)
        let groups = (0..<5).map { g in
            ScatterPlot.Group(name: "trial \(g)", points: (0..<2_000).map { k in
                .init(x: random.uniform(0.05...0.3), y: random.uniform(0...0.5), label: "\(g)_\(k)", highlighted: g == 0 && k == 0)
            })
        }
        let chart = ScatterPlot(title: "All candidates", groups: groups, labels: .all)
        let root = try SVGChecks.parseAndCheckRoot(chart.svg())
        #expect(root.descendants(class: "point").count == 10_000)
        let labels = root.descendants(class: "point-label").count
        #expect(labels >= 1 && labels <= ScatterPlot.maxLabels + 1)
    }

    /// Python's xml.etree and html.parser as an independent check of every SVG and the demo page.
    @Test func pythonAgreesTheMarkupIsWellFormed() throws {
        let dir = try TemporaryDirectory.make("mmm-charts")
        var paths: [String] = []
        for (i, chart) in Self.everyChart.enumerated() {
            let url = dir.appendingPathComponent("chart-\(i).svg")
            try Data(chart.svg().utf8).write(to: url)
            paths.append(url.path)
        }
        let page = dir.appendingPathComponent("demo.html")
        try Data(DemoPage.render().utf8).write(to: page)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/charts/check_markup.py").path
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", script] + paths + [page.path])
        #expect(result.code == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok \(paths.count + 1) files"))
    }
}
