import Foundation
import MMMCore
import MMMTestSupport
import Testing

@testable import MMMJobs

/// The report of a real small run: what `train` writes, what `RunReport.write` rebuilds from the folder alone, and
/// the folders that lack something.
@Suite struct ReportContentTests {
    @Test func trainWritesTheReportAfterTheTablesAndBeforeTheRunManifest() async throws {
        let store = try await ReportFixture.trained.value
        let order = store.writes.filter { $0.run == ReportFixture.runId }.map(\.name)
        let report = try #require(order.firstIndex(of: "report.html"))
        let manifest = try #require(order.firstIndex(of: "run_manifest.json"))
        #expect(try #require(order.firstIndex(of: "pareto_alldecomp_matrix.csv")) < report)
        #expect(try #require(order.firstIndex(of: "allocation.json")) < report)
        #expect(report < manifest && order.last == "status.json")
        let run = try StrictJSON.decode(RunManifest.self, from: try #require(store.file("run_manifest.json", run: ReportFixture.runId)))
        let summary = try StrictJSON.decode(ModelSummary.self, from: try #require(store.file("model_summary.json", run: ReportFixture.runId)))
        #expect(run.files.last == "report.html")
        #expect(run.files.contains("pareto_front.svg") && run.files.contains("onepager_\(summary.bestModel.modelId).svg"))
        #expect(run.timings.contains { $0.step == "report" })
        // Written by the step: the report says training finished and lists the manifest that comes after it.
        let html = try await ReportFixture.text("report.html")
        #expect(html.contains("training finished") && html.contains("href=\"run_manifest.json\""))
    }

    @Test func theReportHasEverySectionAndNothingThatLoadsOrRuns() async throws {
        let html = try await ReportFixture.text("report.html")
        let summary = try StrictJSON.decode(ModelSummary.self, from: Data(try await ReportFixture.text("model_summary.json").utf8))
        for id in ["summary", "preparation", "pareto", "best-model", "allocation", "files"] {
            #expect(html.contains("<section id=\"\(id)\""), "section \(id) missing")
        }
        #expect(html.contains("Best model \(summary.bestModel.modelId)"))
        #expect(html.contains("Why each channel ended where it did"))
        // The preparation steps, from preparation_manifest.json.
        for step in ["locate_date_column", "resolve_window", "select_columns"] { #expect(html.contains("<th scope=\"row\">\(step)</th>")) }
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src="))
        // The only URLs are the SVG namespace.
        let urls = html.components(separatedBy: "://").count - 1
        #expect(urls == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        // Ten charts (Pareto front, six of the one-pager, three of the allocation), each with a title and a text
        // alternative.
        let charts = html.components(separatedBy: "<svg ").count - 1
        #expect(charts == 10)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == 10)
    }

    @Test func everyFileOfTheFolderIsListedWithARelativeLink() async throws {
        let folder = try await ReportFixture.folder()
        let html = try await ReportFixture.text("report.html")
        for name in try await folder.fileNames() {
            #expect(html.contains("<a href=\"\(name)\">\(name)</a>"), "\(name) not listed")
        }
    }

    @Test func rebuildingFromTheFolderGivesTheSamePicturesAndAStableReport() async throws {
        let original = try await ReportFixture.folder()
        let copy = try await ReportFixture.copy()
        let written = try await RunReport.write(in: copy)
        #expect(written.last == "report.html")
        for name in written where name.hasSuffix(".svg") {
            #expect(try await copy.read(name) == (try await original.read(name)), "\(name) differs from the step's")
        }
        let first = try await ReportFixture.text("report.html", in: copy)
        #expect(first.contains("<dt>State</dt><dd>SUCCEEDED</dd>"))
        #expect(!first.contains("training finished"))
        _ = try await RunReport.write(in: copy)
        #expect(try await ReportFixture.text("report.html", in: copy) == first)
    }

    @Test func aModelAskedForGetsItsOnePagerAndAnUnknownOneIsAUsageError() async throws {
        let copy = try await ReportFixture.copy()
        let hyper = try RunTable(try #require(try await copy.read("pareto_hyperparameters.csv")), name: "h")
        let winners = try hyper.flags("top_sol")
        let ids = try hyper.texts("solID")
        let other = try #require(ids.indices.first { !winners[$0] }.flatMap { ids[$0] })
        let written = try await RunReport.write(in: copy, options: .init(models: [other], clusterWinners: false))
        #expect(written.filter { $0.hasPrefix("onepager_") }.count == 2)
        #expect(written.contains("onepager_\(other).svg"))
        await #expect(throws: ReportError.self) { try await RunReport.write(in: copy, options: .init(models: ["9_9_9"])) }
    }

    @Test func aFolderWithoutTheDecompositionTableStillGetsAReportThatSaysWhy() async throws {
        let copy = try await ReportFixture.copy(dropping: ["pareto_alldecomp_matrix.csv", "report.html"])
        _ = try await RunReport.write(in: copy)
        let html = try await ReportFixture.text("report.html", in: copy)
        #expect(html.contains("pareto_alldecomp_matrix.csv is missing: no fit over time and no residuals."))
        #expect(html.contains("<section id=\"best-model\""))
    }

    @Test func aSkippedRunGetsAReportOfItsPreparation() async throws {
        let folder = try await InMemoryRunStore().createRun(id: "skipped", allowSuffix: false)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        try await folder.writeJSON(
            RunStatus.running(runId: "skipped", at: start).finished(.skipped, at: start + 2, skipReason: "the dependent variable is constant"),
            to: "status.json")
        var manifest = PreparationManifest(source: "data.csv", inputRows: 10, inputColumns: 3)
        manifest.skipReason = "the dependent variable is constant"
        try await folder.writeJSON(manifest, to: "preparation_manifest.json")
        let written = try await RunReport.write(in: folder)
        #expect(written == ["report.html"])
        let html = try await ReportFixture.text("report.html", in: folder)
        #expect(html.contains("<strong>Skipped:</strong> the dependent variable is constant"))
        #expect(html.contains("No trained models in this run.") && html.contains("No allocation in this run."))
        #expect(!html.contains("<svg "))
    }

    @Test func aTableWithoutItsModelColumnIsAnErrorNamingTheFile() async throws {
        let broken = Data("rsq_train,nrmse\n0.9,0.1\n".utf8)
        let copy = try await ReportFixture.copy(replacing: ["pareto_hyperparameters.csv": broken])
        do {
            _ = try await RunReport.write(in: copy)
            Issue.record("expected an error")
        } catch let error as DataError {
            #expect(error.description.contains("pareto_hyperparameters.csv") && error.description.contains("'solID'"))
        }
    }
}
