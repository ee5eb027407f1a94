import ArgumentParser
import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// `mmm-cli train`: prepare, search, select and write a run folder.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a Marketing Mix Model with Robyn's semantics and write a run folder.",
        discussion: """
            --config takes an mmm-trainer job config, a previous-system job_config.json, or a selected_columns.json \
            (then the whole data range, dep_var_type revenue and the country's holidays are the defaults; the flags \
            below override them). The same inputs and seed give byte-identical model_summary.json and CSVs for any \
            --threads. Ctrl-C stops cleanly: status.json says FAILED with message "cancelled".
            Example: mmm-cli train --data Examples/data/dt_simulated_weekly.csv \
            --config Examples/configs/demo_job_config.json
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Candidate models per trial (default: the config's iterations).")
    var iterations: Int?

    @Option(help: "Independent optimiser runs (default: the config's trials).")
    var trials: Int?

    @Option(help: "Random seed (default: the config's seed).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: the config's threads, else all cores). Results do not depend on it.")
    var threads: Int?

    @Option(help: "Parent directory of run folders (default: the config's output_location, else ./runs).")
    var output: String?

    @Option(help: "Run id / folder name (default: the config's output_timestamp, else now, e.g. 20261122T031815Z).")
    var runId: String?

    @Option(help: "Override the modelling window start (YYYY-MM-DD).")
    var startDate: String?

    @Option(help: "Override the modelling window end (YYYY-MM-DD).")
    var endDate: String?

    @Option(help: "Override dep_var_type: revenue or conversion.")
    var depVarType: DepVarType?

    @Option(help: "Override adstock: geometric, weibull_cdf or weibull_pdf.")
    var adstock: AdstockType?

    @Option(help: "Holidays CSV (ds, holiday, country, year); default: the config's holidays_path, else built-in DE/FR/GB/US.")
    var holidays: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        for (flag, value) in [("--start-date", startDate), ("--end-date", endDate)] {
            if let value, DateFormat.isoDate.parse(value) == nil { throw ValidationError("\(flag) '\(value)' is not YYYY-MM-DD") }
        }
        if let runId, !PathSegment.isSafe(runId) {
            throw ValidationError("--run-id '\(runId)' must be one path segment of letters, digits, '-', '_' or '.'")
        }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        if let trials, trials < 1 { throw ValidationError("--trials must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() async throws {
        let console = global.console
        let jobConfig = try overridden(try input.loadConfig(console))
        let root = output ?? jobConfig.outputLocation ?? "runs"
        guard !root.hasPrefix("gs://") else {
            throw ConfigError(path: "$.output_location", "gs:// output needs the Google Cloud client (not available yet); pass --output DIR")
        }
        let options = TrainingOptions(
            iterations: jobConfig.iterations, trials: jobConfig.trials, seed: jobConfig.seed,
            threads: threads ?? jobConfig.threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let source = try await input.tableSource(console)
        let job = TrainingJob(config: jobConfig, source: source, options: options, store: LocalRunStore(root: root), runId: runId)
        let reporter = ProgressReporter(enabled: !console.quiet && !console.json)
        let diagnostics = ConsoleDiagnostics(console)
        let task = Task {
            try await job.run(
                diagnostics: diagnostics,
                progress: { p in reporter.update(done: p.done, total: p.total, bestNRMSE: p.bestNRMSE, bestRSSD: p.bestDecompRSSD) })
        }
        let interrupt = InterruptHandler { task.cancel() }
        defer { interrupt.stop() }
        let outcome = try await input.attributingConfigErrors { try await task.value }
        if console.json {
            try console.resultJSON(TrainResultJSON(outcome))
        } else {
            console.result(TrainSummaryText.render(outcome))
        }
    }

    private func overridden(_ base: JobConfig) throws -> JobConfig {
        var c = base
        if let iterations { c.iterations = iterations }
        if let trials { c.trials = trials }
        if let seed { c.seed = seed }
        if let d = startDate.flatMap(DateFormat.isoDate.parse) { c.startDate = d }
        if let d = endDate.flatMap(DateFormat.isoDate.parse) { c.endDate = d }
        if let holidays { c.holidaysPath = holidays }
        if let depVarType { c.depVarType = depVarType }
        if let adstock { c.adstock = adstock }
        try c.validate()
        return c
    }
}
