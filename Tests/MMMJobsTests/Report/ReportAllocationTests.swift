import Foundation
import MMMCore
import MMMEngine
import MMMTestSupport
import Testing

@testable import MMMJobs

/// The allocation in the report: drawn from `allocation.json`, curves from the allocation, `model.json` or the tables
/// alike, and a run without (or with a failed) allocation says so.
@Suite struct ReportAllocationTests {
    static func allocation() async throws -> AllocationResult {
        try StrictJSON.decode(AllocationResult.self, from: Data(try await ReportFixture.text("allocation.json").utf8))
    }

    @Test func theSectionShowsEveryChannelAndWhyItEndedThere() async throws {
        let a = try await Self.allocation()
        let html = try await ReportFixture.text("report.html")
        #expect(html.contains("<dt>Model</dt><dd>\(a.modelId)</dd>"))
        #expect(html.contains("\(a.dateStart) to \(a.dateEnd) (\(a.periods) periods)"))
        for c in a.channels {
            // Explanations are escaped as HTML text.
            let escaped = c.bounded.explanation.replacingOccurrences(of: "'", with: "&#39;")
            #expect(html.contains("<li><strong>\(c.channel): </strong>\(escaped)</li>"), "\(c.channel)")
            #expect(html.contains("<th scope=\"row\">\(c.channel)</th>"))
        }
        for name in ["allocation.svg", "allocation.json", "allocation.csv", "allocator_metrics.csv"] {
            #expect(html.contains("<a href=\"\(name)\">\(name)</a>"))
        }
    }

    @Test func theAllocatorPictureDrawsSpendInProportion() async throws {
        let a = try await Self.allocation()
        let sheet = try SVGNode.parse(try await ReportFixture.text("allocation.svg"))
        let panels = sheet.children.filter { $0.has(class: "panel") }.compactMap { $0.children.first }
        #expect(panels.map { $0.title ?? "" } == ["Spend per week: now vs recommended", "Response per week: now vs recommended", "Response curves"])
        let spend = panels[0]
        let now = spend.descendants(class: "series-0"), recommended = spend.descendants(class: "series-1")
        #expect(now.count == a.channels.count && recommended.count == a.channels.count)
        // Bars grow from the same zero, so widths are in the ratio of the spends.
        let unit = (now[0].number("width") ?? 0) / a.channels[0].initialSpend
        for (i, c) in a.channels.enumerated() {
            #expect(abs((now[i].number("width") ?? 0) - unit * c.initialSpend) <= 0.02 + 1e-9 * unit * c.initialSpend)
            #expect(abs((recommended[i].number("width") ?? 0) - unit * c.bounded.spend) <= 0.02 + 1e-9 * unit * c.bounded.spend)
        }
        // Every channel has a current and a recommended mark on the curves.
        #expect(panels[2].descendants(class: "mark").count == 2 * a.channels.count)
    }

    @Test func theBestModelsCurvesComeFromItsAllocation() async throws {
        let a = try await Self.allocation()
        let run = try await RunContents.read(try await ReportFixture.folder())
        let view = try #require(try ModelView.read(a.modelId, from: run))
        #expect(view.curveRange == "\(a.dateStart) to \(a.dateEnd)")
        #expect(view.channels.map(\.name) == a.channels.map(\.channel))
        for (channel, allocated) in zip(view.channels, a.channels) {
            #expect(channel.currentSpend == allocated.initialSpend && channel.optimalSpend == allocated.bounded.spend)
            // The engine's curve at the recommended spend is the response the allocator reports.
            #expect(abs(channel.curve.response(at: allocated.bounded.spend) - allocated.bounded.response) <= 1e-9 * allocated.bounded.response)
        }
        // Another Pareto model has no allocation: its curves come from model.json (derived for it), without marks.
        let other = try #require(run.summary?.paretoModels.first { $0.modelId != a.modelId }?.modelId)
        let otherView = try #require(try ModelView.read(other, from: run))
        #expect(otherView.curveRange == nil && otherView.channels.allSatisfy { $0.optimalSpend == nil })
    }

    @Test func modelFileAndTablesGiveTheSameCurves() async throws {
        let a = try await Self.allocation()
        let withModelFile = try await RunContents.read(try await ReportFixture.copy(dropping: ["allocation.json"]))
        let tablesOnly = try await RunContents.read(try await ReportFixture.copy(dropping: ["allocation.json", "model.json"]))
        #expect(withModelFile.modelFile != nil && tablesOnly.modelFile == nil)
        for id in [a.modelId] + (withModelFile.summary?.paretoModels.prefix(3).map(\.modelId) ?? []) {
            let fromFile = try #require(try ModelView.read(id, from: withModelFile)).channels
            let fromTables = try #require(try ModelView.read(id, from: tablesOnly)).channels
            #expect(fromFile.map(\.name) == fromTables.map(\.name))
            for (f, t) in zip(fromFile, fromTables) {
                #expect(f.curve.coefficient == t.curve.coefficient && f.curve.alpha == t.curve.alpha && f.curve.inflexion == t.curve.inflexion)
                #expect(abs(f.curve.carryoverMean - t.curve.carryoverMean) <= 1e-9 * max(1, t.curve.carryoverMean))
                #expect(abs(f.currentSpend - t.currentSpend) <= 1e-9 * t.currentSpend)
            }
        }
    }

    @Test func aRunWithoutAllocationOrWithAFailedOneSaysSo() async throws {
        let allocationFiles: Set<String> = ["allocation.json", "allocation.csv", "allocator_metrics.csv", "allocation.svg", "model.json"]
        let none = try await ReportFixture.copy(dropping: allocationFiles)
        let written = try await RunReport.write(in: none)
        #expect(!written.contains("allocation.svg"))
        let html = try await ReportFixture.text("report.html", in: none)
        #expect(html.contains("No allocation in this run.") && !html.contains("allocation.svg"))
        #expect(html.contains("This run has no allocation, so no recommended spend is marked."))

        let failed = try await ReportFixture.copy(
            dropping: allocationFiles, replacing: [:])
        try await failed.write(Data("the budget is negative\n".utf8), to: "allocator_error.txt")
        _ = try await RunReport.write(in: failed)
        let failedHTML = try await ReportFixture.text("report.html", in: failed)
        #expect(failedHTML.contains("<strong>Note:</strong> The allocation failed: the budget is negative</p>"))
        #expect(failedHTML.contains("<a href=\"allocator_error.txt\">allocator_error.txt</a>"))
    }
}
