import Foundation
import MMMCore
import MMMEngine
import MMMTestSupport
import Testing

@testable import MMMJobs

/// The pictures of a real small run: well-formed, and their marks where the run's numbers put them.
@Suite struct ReportGeometryTests {
    static func near(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance }

    /// The run's contents and its best model.
    static func bestModel() async throws -> (RunContents, ModelView) {
        let run = try await RunContents.read(try await ReportFixture.folder())
        let id = try #require(run.summary?.bestModel.modelId)
        return (run, try #require(try ModelView.read(id, from: run)))
    }

    /// One panel of the best model's one-pager sheet, found by its title.
    static func panel(_ title: String) async throws -> SVGNode {
        let (run, _) = try await Self.bestModel()
        let sheet = try SVGNode.parse(try await ReportFixture.text("onepager_\(run.summary?.bestModel.modelId ?? "").svg"))
        return try #require(sheet.descendants(named: "svg").first { $0.title?.hasPrefix(title) == true }, "no panel \(title)")
    }

    @Test func theParetoFrontHasOnePointPerModelAndMarksTheBest() async throws {
        let (run, _) = try await Self.bestModel()
        let hyper = try #require(run.hyperparameters)
        let nrmse = try hyper.numbers("nrmse"), rssd = try hyper.numbers("decomp.rssd")
        let finite = zip(nrmse, rssd).filter { $0.0 != nil && $0.1 != nil }.count
        let root = try SVGNode.parse(try await ReportFixture.text("pareto_front.svg"))
        #expect(root.attributes["role"] == "img" && root.title?.isEmpty == false)
        let points = root.descendants(class: "point")
        #expect(points.count == finite)
        let plot = try root.plotArea()
        for p in points {
            let c = try #require(Self.center(p))
            #expect(c.x >= plot.x - 1 && c.x <= plot.right + 1 && c.y >= plot.y - 1 && c.y <= plot.bottom + 1)
        }
        let best = try #require(run.summary?.bestModel.modelId)
        #expect(root.descendants(class: "point-label").filter { $0.text.hasSuffix("best: \(best)") }.count == 1)
        #expect(root.descendants(class: "highlighted").count == (try hyper.flags("top_sol")).filter { $0 }.count)
        // Every cluster has its own legend entry.
        let clusters = Set(try hyper.numbers("cluster").compactMap { $0 })
        for c in clusters { #expect(root.all.contains { $0.name == "text" && $0.text == "Cluster \(Int(c))" }) }
    }

    @Test func theOnePagerSheetHoldsSixPanelsSideBySideWithoutOverlap() async throws {
        let (_, view) = try await Self.bestModel()
        let sheet = try SVGNode.parse(try await ReportFixture.text("onepager_\(view.modelId).svg"))
        let width = try #require(sheet.number("width")), height = try #require(sheet.number("height"))
        let groups = sheet.children.filter { $0.has(class: "panel") }
        #expect(groups.count == 6)
        var boxes: [(x: Double, y: Double, right: Double, bottom: Double)] = []
        for g in groups {
            let numbers = (g.attributes["transform"] ?? "").dropFirst("translate(".count).dropLast().split(separator: " ")
                .compactMap { Double($0) }
            let svg = try #require(g.children.first { $0.name == "svg" })
            let x = numbers[0], y = numbers[1]
            let box = (x: x, y: y, right: x + (svg.number("width") ?? 0), bottom: y + (svg.number("height") ?? 0))
            #expect(box.x >= 0 && box.y > 20 && box.right <= width && box.bottom <= height)
            for other in boxes { #expect(box.x >= other.right || box.right <= other.x || box.y >= other.bottom || box.bottom <= other.y) }
            boxes.append(box)
        }
        // Two per row.
        #expect(Set(boxes.map(\.y)).count == 3)
        #expect(sheet.children.first { $0.name == "desc" }?.text.contains("Response curves") == true)
    }

    @Test func theFitChartDrawsEveryPeriodAndMarksTheSplit() async throws {
        let (_, view) = try await Self.bestModel()
        #expect(view.dates.count == 157)
        let chart = try await Self.panel("Actual vs predicted")
        let lines = chart.descendants(named: "polyline")
        #expect(lines.count == 2)
        for line in lines {
            let p = line.points
            #expect(p.count == view.dates.count)
            #expect(zip(p, p.dropFirst()).allSatisfy { $0.x < $1.x })
        }
        let splits = chart.descendants(class: "split")
        let trainSize = try #require(view.metrics.trainSize)
        #expect(trainSize < 1 && splits.count == 2)
        // The validation line sits at the first validation period's x (the periods are evenly spaced weeks).
        let plot = try chart.plotArea()
        let step = (plot.right - plot.x) / Double(view.dates.count - 1)
        #expect(Self.near(splits[0].number("x1") ?? 0, plot.x + Double(view.split.trainEnd) * step, 0.5))
        #expect(Self.near(splits[1].number("x1") ?? 0, plot.x + Double(view.split.validationEnd) * step, 0.5))
        // Robyn's split: the training rows end at floor(quantile(1:n, train_size)).
        let n = Double(view.dates.count)
        #expect(view.split.trainEnd == Int((1 + (n - 1) * trainSize).rounded(.down)))
    }

    @Test func theDecompositionAddsUpToThePrediction() async throws {
        let (_, view) = try await Self.bestModel()
        let total = view.contributions.reduce(0) { $0 + $1.totalEffect }
        let predicted = view.fitted.reduce(0, +)
        #expect(Self.near(total, predicted, 1e-6 * abs(predicted)))
        let chart = try await Self.panel("Decomposition")
        let totalBar = try #require(chart.descendants(class: "total").first)
        let increases = chart.descendants(class: "increase")
        let decreases = chart.descendants(class: "decrease")
        let nonZero = view.contributions.filter { $0.totalEffect != 0 }
        #expect(increases.count + decreases.count == nonZero.count)
        // The total bar ends where the last step ends.
        let ends: [Double] = increases.map { bar in (bar.number("x") ?? 0) + (bar.number("width") ?? 0) }
        let totalEnd = (totalBar.number("x") ?? 0) + (totalBar.number("width") ?? 0)
        #expect(Self.near(totalEnd, ends.max() ?? 0, 0.6))
    }

    @Test func withoutAnAllocationTodaysSpendIsTheWindowMean() async throws {
        let run = try await RunContents.read(try await ReportFixture.copy(dropping: ["allocation.json"]))
        let id = try #require(run.summary?.bestModel.modelId)
        let view = try #require(try ModelView.read(id, from: run))
        #expect(view.channels.map(\.name) == run.summary?.config.paidMedia.map(\.variable))
        #expect(view.curveRange == nil)
        // Today's spend is the window's mean spend of model_summary.json (the best model's decomposition).
        for channel in view.channels {
            let recorded = try #require(run.summary?.decomposition.first { $0.variable == channel.name }?.meanSpend)
            #expect(Self.near(channel.currentSpend, recorded, 1e-9 * recorded))
            #expect(channel.optimalSpend == nil)
            // The Hill curve restated: coef / (1 + (I / (x + c̄))^α).
            let c = channel.curve
            let x = channel.currentSpend
            let restated = c.coefficient / (1 + Foundation.pow(c.inflexion / (x + c.carryoverMean), c.alpha))
            #expect(Self.near(c.response(at: x), restated, 1e-9 * c.coefficient))
        }
    }

    @Test func responseMarksSitOnTheirCurves() async throws {
        let (_, view) = try await Self.bestModel()
        let chart = try await Self.panel("Response curves")
        let curves = chart.descendants(class: "curve")
        let marks = chart.descendants(class: "mark")
        // A current and a recommended mark per channel (the best model has an allocation), in channel order.
        #expect(curves.count == view.channels.count && marks.count == 2 * view.channels.count)
        for (k, mark) in marks.enumerated() {
            let points = curves[k / 2].points
            let (mx, my) = try #require(Self.center(mark))
            // Interpolate the drawn curve at the mark's x: the mark is on it.
            let right = try #require(points.firstIndex { $0.x >= mx - 0.01 })
            let left = max(right - 1, 0)
            let t = points[right].x == points[left].x ? 0 : (mx - points[left].x) / (points[right].x - points[left].x)
            #expect(Self.near(points[left].y + t * (points[right].y - points[left].y), my, 1.5), "mark \(k)")
        }
    }

    @Test func geometricCarryoverIsThetaToThePowerOfTheLag() async throws {
        let (run, view) = try await Self.bestModel()
        let hyper = try #require(run.hyperparameters)
        let row = try #require(try hyper.rows(ofModel: view.modelId).first)
        #expect(view.carryover.count == 6)
        for c in view.carryover {
            let theta = try #require(try hyper.numbers("\(c.name)_thetas")[row])
            for lag in 0..<8 { #expect(Self.near(c.weights[lag], Foundation.pow(theta, Double(lag)), 1e-12)) }
        }
    }

    @Test func residualsAreDrawnOncePerPeriodBySplit() async throws {
        let (_, view) = try await Self.bestModel()
        let chart = try await Self.panel("Fitted vs residual")
        let groups = chart.descendants(class: "group")
        let counts = groups.map { group in group.descendants(class: "point").count }
        #expect(counts == [view.split.train.count, view.split.validation.count, view.split.test.count])
        #expect(chart.descendants(class: "reference").count == 1)
    }

    /// The centre of a marker: a circle's centre, or the middle of a path's bounding box.
    static func center(_ node: SVGNode) -> (x: Double, y: Double)? {
        if let x = node.number("cx"), let y = node.number("cy") { return (x, y) }
        let numbers = (node.attributes["points"] ?? node.attributes["d"] ?? "")
            .split(whereSeparator: { " ,MLZmlz".contains($0) }).compactMap { Double($0) }
        guard numbers.count >= 4 else { return nil }
        let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        return ((xs.min()! + xs.max()!) / 2, (ys.min()! + ys.max()!) / 2)
    }
}
