import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli benchmark collect DIR`: (re)writes results.csv from the variants' run folders.
struct BenchmarkCollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Write <benchmark folder>/results.csv: one row per variant, joined by variant id, read from each variant's own run folder.")

    @Argument(help: "The benchmark folder (<output>/<benchmark id>), local or gs://.")
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
        let truthFile = try truth.map { try StrictJSON.decode(Truth.self, path: $0) }
        // A gs:// folder (variants written by queue workers) is collected through a local mirror.
        let (table, written) = try await BenchmarkRemoteCollect.collect(
            directory, cloud: CloudAccess.services(console), truth: truthFile, parquet: format == "parquet")
        if console.json {
            try console.resultJSON(["results": written, "rows": String(table.rows.count)])
        } else {
            console.result("\(table.rows.count) rows (\(table.rows.count - 1) variants + naive baseline) → \(written)")
        }
    }
}
