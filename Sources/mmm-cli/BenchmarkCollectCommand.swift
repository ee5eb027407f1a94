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
    @Option(help: "True ROI per channel (the simulation's truth file) for roi_mae and roi_err_<spend>.")
    var truth: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard ["csv", "parquet"].contains(format) else { throw ValidationError("--format must be csv or parquet") }
    }

    func run() async throws {
        let console = global.console
        if format == "parquet" {
            throw UsageError("--format parquet needs the Parquet writer, which this build does not have yet; use --format csv")
        }
        if truth != nil {
            throw UsageError("--truth needs the recovery evaluation, which this build does not have yet; collect without it")
        }
        let workspace = LocalBenchmarkWorkspace(directory: directory)
        let table = try await BenchmarkWorkflow.collect(workspace)
        if console.json {
            try console.resultJSON(["results": workspace.path("results.csv"), "rows": String(table.rows.count)])
        } else {
            console.result("\(table.rows.count) rows (\(table.rows.count - 1) variants + naive baseline) → \(workspace.path("results.csv"))")
        }
    }
}
