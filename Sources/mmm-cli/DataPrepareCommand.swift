import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli data prepare --data FILE --config CONFIG --output FILE`.
struct DataPrepareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Clean a table for one job config: date column, country, duplicates, gaps, resampling, window.",
        discussion: """
            --config takes an mmm-trainer job config, a previous-system job_config.json, or a selected_columns.json.
            Writes the prepared CSV and a preparation manifest (default: <output>.manifest.json), each atomically; \
            on gs:// the CSV is uploaded first and the manifest last.
            Example: mmm-cli data prepare --data Examples/data/dt_simulated_weekly.csv \
            --config Examples/configs/demo_job_config.json --output prepared.csv
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Prepared table to write: CSV, or Parquet when the name ends in .parquet (a file or gs://bucket/object).")
    var output: String

    @Option(help: "Manifest to write (default: <output>.manifest.json).")
    var manifest: String?

    @Flag(help: "Drop rows outside the modelling window (default: keep them as adstock warm-up, as Robyn does).")
    var trimWindow = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        var flags = FlagAttribution(configFile: input.config)
        let config = try input.applyingInputFlags(to: try await input.loadConfig(console), flags: &flags)
        var job = PreparationJob(config: config, source: try await input.tableSource(console, config: config))
        job.options.trimToWindow = trimWindow
        let manifestPath = manifest ?? output + ".manifest.json"
        let (csvLocation, manifestLocation) = (try StorageLocation.flag("--output", output), try StorageLocation.flag("--manifest", manifestPath))
        let diagnostics = ConsoleDiagnostics(console)
        let state = try await flags.attributing {
            try await job.run(csv: csvLocation, manifest: manifestLocation, files: CloudAccess.files(console), diagnostics: diagnostics)
        }
        if console.json {
            try console.resultJSON(state.manifest)
        } else {
            let m = state.manifest
            var line = "prepared \(m.outputRows) rows × \(m.outputColumns.count) columns (\(m.cadence ?? "?")) → \(output); manifest → \(manifestPath)"
            if let window = m.window { line += "\nwindow \(window.start) … \(window.end) (\(window.rows) rows)" }
            if let skip = state.skipReason { line += "\nSKIP: \(skip)" }
            console.result(line)
        }
    }
}
