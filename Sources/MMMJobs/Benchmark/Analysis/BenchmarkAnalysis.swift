import Foundation
import MMMCharts
import MMMCore

/// The analysis of a collected benchmark: the six plots as SVG files and one self-contained HTML report (inline SVG
/// and CSS, no network) with the results table, the plots, a recommendation per goal in words, the lift over the
/// naive baseline, and — when the benchmark varies the seed — the stability of each channel's ROI across seeds.
public struct BenchmarkAnalysis: Sendable {
    /// The plan.
    public var plan: BenchmarkPlan
    /// The results table.
    public var results: ResultsTable

    /// Creates an analysis.
    public init(plan: BenchmarkPlan, results: ResultsTable) {
        self.plan = plan
        self.results = results
    }

    /// The recommendation for model fit.
    public var fit: BenchmarkRecommendation {
        let (rows, baseline) = AnalysisRow.rows(results)
        return .fit(rows, baseline: baseline)
    }

    /// The recommendation for budget allocation.
    public var allocation: BenchmarkRecommendation {
        let (rows, baseline) = AnalysisRow.rows(results)
        return .allocation(rows, baseline: baseline, columns: results.columns)
    }

    /// Seed-stability groups (empty when the seed is not varied).
    public var stability: [SeedStability] {
        let columns = results.columns.filter { $0.hasPrefix("roi_") || $0.hasPrefix("cpa_") }
        return SeedStability.groups(AnalysisRow.rows(results).variants, efficiencyColumns: columns)
    }

    /// Writes `<name>.svg` for each plot, `report.html` and `recommendations.json` into `directory`.
    /// - Returns: the file names written.
    public func write(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let rows = AnalysisRow.rows(results).variants
        var files: [String] = []
        var figures: [HTMLBlock] = []
        for (name, chart) in BenchmarkPlots.all(rows) {
            let rendered = chart.render()
            try AtomicFile.write(Data(rendered.svg.utf8), to: (directory as NSString).appendingPathComponent(name + ".svg"))
            files.append(name + ".svg")
            figures.append(.figure(rendered, caption: "\(rendered.title) (\(name).svg)"))
        }
        let html = BenchmarkReportPage(analysis: self, figures: figures).render()
        try AtomicFile.write(Data(html.utf8), to: (directory as NSString).appendingPathComponent("report.html"))
        files.append("report.html")
        try AtomicFile.write(try StrictJSON.encode([fit, allocation]), to: (directory as NSString).appendingPathComponent("recommendations.json"))
        files.append("recommendations.json")
        return files
    }
}
