import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli benchmark collect DIR`: (re)writes results.csv from the variants' run folders.
struct BenchmarkCollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Write <benchmark folder>/results.csv: one row per variant, joined by variant id, read from each variant's own run folder.")

    @Argument(help: "The benchmark folder (<output>/<benchmark id>).")
    var directory: String
    @Option(help: "csv (default) or parquet.")
    var format = "csv"
    @Option(help: "A simulation's truth.json (mmm-cli simulate): adds roi_mae, roi_mae_all, placebo_share and roi_err_<spend>.")
    var truth: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard ["csv", "parquet"].contains(format) else { throw ValidationError("--format must be csv or parquet") }
    }

    func run() async throws {
        let console = global.console
        let workspace = LocalBenchmarkWorkspace(directory: directory)
        var collector = BenchmarkCollector(workspace: workspace)
        if let truth { collector.truthColumns = TruthColumns(truth: try StrictJSON.decode(Truth.self, path: truth)) }
        let table = try await collector.collect()
        try workspace.write(table.csv(), to: "results.csv")
        var written = workspace.path("results.csv")
        if format == "parquet" {
            // results.csv stays the canonical table (resume and analyze read it); the Parquet copy is for pyarrow/duckdb.
            try workspace.write(try table.parquet(), to: "results.parquet")
            written = workspace.path("results.parquet")
        }
        if console.json {
            try console.resultJSON(["results": written, "rows": String(table.rows.count)])
        } else {
            console.result("\(table.rows.count) rows (\(table.rows.count - 1) variants + naive baseline) → \(written)")
        }
    }
}
