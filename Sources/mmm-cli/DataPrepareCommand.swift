import ArgumentParser
import Foundation
import MMMCore
import MMMTransport

/// `mmm-cli data prepare --data FILE --config CONFIG --output FILE`.
struct DataPrepareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Clean a table for one job config: date column, country, duplicates, gaps, resampling, window.",
        discussion: """
            --config takes an mmm-trainer job config, a previous-system job_config.json, or a selected_columns.json.
            Writes the prepared CSV and a preparation manifest (default: <output>.manifest.json), each atomically.
            Example: mmm-cli data prepare --data Examples/data/dt_simulated_weekly.csv \
            --config Examples/configs/demo_job_config.json --output prepared.csv
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Prepared CSV to write.")
    var output: String

    @Option(help: "Manifest to write (default: <output>.manifest.json).")
    var manifest: String?

    @Flag(help: "Drop rows outside the modelling window (default: keep them as adstock warm-up, as Robyn does).")
    var trimWindow = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let config = try input.loadConfig(console)
        var options = DataPreparer.Options()
        options.trimToWindow = trimWindow
        let state = try await input.attributingConfigErrors { try await prepare(config, options, console) }
        let manifestPath = manifest ?? output + ".manifest.json"
        try DataPreparer.write(state, csvPath: output, manifestPath: manifestPath)
        for step in state.manifest.steps {
            for note in step.notes where !note.hasPrefix("warning: ") { console.detail("\(step.name): \(note)") }
        }
        for warning in state.manifest.warnings { console.warning(warning) }
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

    /// Reads the input (a file, or a Snowflake query kept as a snapshot next to the output) and prepares it.
    private func prepare(_ config: JobConfig, _ options: DataPreparer.Options, _ console: Console) async throws
        -> PreparationState
    {
        switch try await input.load(console) {
        case .file(let path):
            return try DataPreparer(options: options).prepare(csvPath: path, config: config, digest: { SHA256Digest.hex($0) })
        case .snapshot(let bytes, let label):
            // Keep the query result next to the prepared file, so the run can be reproduced without Snowflake.
            let snapshotPath = output + ".input_snapshot.csv"
            try AtomicFile.write(bytes, to: snapshotPath)
            let table: DataTable
            do { table = try CSVReader().parse(bytes) } catch let error as DataError { throw error.inFile(label) }
            console.info("snapshot of the query → \(snapshotPath)")
            return try DataPreparer(options: options).prepare(
                table, config: config, source: label, sourceSHA256: SHA256Digest.hex(bytes))
        }
    }
}
