import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli benchmark analyze DIR`: the six plots and the HTML report.
struct BenchmarkAnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Write the six plots (SVG), report.html and recommendations.json from results.csv (collected first if missing).")

    @Argument(help: "The benchmark folder (<output>/<benchmark id>).")
    var directory: String
    @Option(help: "Where to write the analysis (default: <benchmark folder>/analysis).")
    var outputDir: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let workspace = LocalBenchmarkWorkspace(directory: directory)
        let (analysis, folder, files) = try await Self.analyze(workspace, outputDir: outputDir)
        if console.json {
            try console.resultJSON(AnalyzeJSON(directory: folder, files: files, recommendations: [analysis.fit, analysis.allocation]))
        } else {
            console.result(Self.text(analysis, folder: folder))
        }
    }

    /// Collects if needed, then writes the analysis.
    static func analyze(_ workspace: LocalBenchmarkWorkspace, outputDir: String?) async throws
        -> (BenchmarkAnalysis, String, [String])
    {
        let plan = try workspace.plan()
        let results: ResultsTable
        if let data = workspace.read("results.csv") {
            results = try ResultsTable.parse(data, file: workspace.path("results.csv"))
        } else {
            results = try await BenchmarkWorkflow.collect(workspace)
        }
        let analysis = BenchmarkAnalysis(plan: plan, results: results)
        let folder = outputDir ?? workspace.path("analysis")
        return (analysis, folder, try analysis.write(to: folder))
    }

    static func text(_ analysis: BenchmarkAnalysis, folder: String) -> String {
        [
            "fit: " + analysis.fit.reason, "allocation: " + analysis.allocation.reason,
            "report: \((folder as NSString).appendingPathComponent("report.html"))",
        ].joined(separator: "\n")
    }

    struct AnalyzeJSON: Encodable {
        var directory: String
        var files: [String]
        var recommendations: [BenchmarkRecommendation]
    }
}
