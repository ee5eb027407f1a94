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

    @Option(parsing: .unconditional, help: "Candidate models per trial (default: the config's iterations).", transform: FlagValues.positive)
    var iterations: Int?

    @Option(parsing: .unconditional, help: "Independent optimiser runs (default: the config's trials).", transform: FlagValues.positive)
    var trials: Int?

    @Option(parsing: .unconditional, help: "Random seed, 0 to 2^64-1 (default: the config's seed).", transform: FlagValues.seed)
    var seed: UInt64?

    @Option(
        parsing: .unconditional,
        help: "Worker threads (default: the config's threads, else all cores). Results do not depend on it.",
        transform: FlagValues.positive)
    var threads: Int?

    @Option(help: "Parent folder of run folders, a directory or gs://bucket/prefix (default: the config's output_location, else ./runs).")
    var output: String?

    @Option(help: "Run id / folder name (default: the config's output_timestamp, else now, e.g. 20261122T031815Z).")
    var runId: String?

    @Option(help: "Override the modelling window start (YYYY-MM-DD).")
    var startDate: String?

    @Option(help: "Override the modelling window end (YYYY-MM-DD).")
    var endDate: String?

    @Option(help: "Override dep_var_type: revenue or conversion.")
    var depVarType: DepVarType?

    @Option(help: "Override adstock: geometric, weibull_cdf or weibull_pdf (bounds the new adstock does not use are dropped, with a note).")
    var adstock: AdstockType?

    @Option(
        help: "Override train_size: the training share of the window (0.7), or a search range (0.5,0.8); validation and test each take half of the rest.",
        transform: FlagValues.trainSize)
    var trainSize: TrainSize?

    @Option(help: "Holidays CSV, a file or gs:// (ds, holiday, country, year); default: the config's holidays_path, else built-in DE/FR/GB/US.")
    var holidays: String?

    @Flag(help: "Skip the budget allocation of the best model (and its model.json).")
    var noAllocate = false

    @Flag(help: "Do not write report.html and the SVG pictures (mmm-cli report RUN_DIR writes them later).")
    var noReport = false

    @Option(help: "Lift studies CSV (channel, liftStartDate, liftEndDate, liftAbs[, spend, confidence, metric, calibration_scope]) for calibration; default: the config's calibration_input.")
    var calibration: String?

    @Option(help: BackendChoice.help)
    var backend: BackendChoice = .native

    @OptionGroup(title: "Bayesian backend") var bayes: BayesOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        for (flag, value) in [("--start-date", startDate), ("--end-date", endDate)] {
            if let value, DateFormat.isoDate.parse(value) == nil { throw ValidationError("\(flag) '\(value)' is not YYYY-MM-DD") }
        }
        if let runId, !PathSegment.isSafe(runId) {
            throw ValidationError("--run-id '\(runId)' must be one path segment of letters, digits, '-', '_' or '.'")
        }
        try bayes.check(bayes: backend == .bayes)
    }

    func run() async throws {
        let console = global.console
        let (jobConfig, notes, flags) = try overridden(try await input.loadConfig(console))
        let root = try StorageLocation.flag(
            output != nil ? "--output" : "output_location", output ?? jobConfig.outputLocation ?? "runs")
        let options = TrainingOptions(
            iterations: jobConfig.iterations, trials: jobConfig.trials, seed: jobConfig.seed,
            threads: threads ?? jobConfig.threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let trainer = try await backend.make(bayes: bayes.settings)
        let source = try await input.tableSource(console, config: jobConfig)
        let cloud = CloudAccess.services(console)
        var job = TrainingJob(
            config: jobConfig, source: source, options: options,
            store: try await RunLocator.store(at: root, cloud: cloud), runId: runId)
        job.notes = notes
        job.backend = trainer
        if let path = jobConfig.holidaysPath, StorageLocation.looksLikeGCS(path) {
            // The job reads local holiday files itself; a gs:// one is fetched here (the config keeps the URI).
            job.holidays = try await LocationFiles(cloud: cloud).holidays(
                try StorageLocation.flag(holidays != nil ? "--holidays" : "holidays_path", path))
        }
        if noAllocate {
            if jobConfig.expectedSpend != nil || !jobConfig.channelBudgets.isEmpty || jobConfig.budgetScenario != .maxHistoricalResponse {
                job.notes.append(
                    .note(
                        "allocation_skipped", "--no-allocate: budget_scenario, expected_spend and channel_budgets are not used",
                        path: "$.budget_scenario"))
            }
        } else {
            job.afterTraining = [AllocateStep()]
        }
        // Last, so the report shows the allocation.
        if !noReport { job.afterTraining.append(ReportStep()) }
        let reporter = ProgressReporter(enabled: !console.quiet && !console.json)
        let diagnostics = ConsoleDiagnostics(console)
        let task = Task {
            try await job.run(
                diagnostics: diagnostics,
                progress: { p in reporter.update(done: p.done, total: p.total, bestNRMSE: p.bestNRMSE, bestRSSD: p.bestDecompRSSD) })
        }
        let interrupt = InterruptHandler { task.cancel() }
        defer { interrupt.stop() }
        let outcome = try await flags.attributing { try await task.value }
        if console.json {
            try console.resultJSON(TrainResultJSON(outcome))
        } else {
            console.result(TrainSummaryText.render(outcome))
        }
    }

    /// The configuration with the flags applied, and which fields the flags set (so later errors name the flag).
    private func overridden(_ base: JobConfig) throws -> (JobConfig, [Diagnostic], FlagAttribution) {
        var flags = FlagAttribution(configFile: input.config)
        var c = try input.applyingInputFlags(to: base, flags: &flags)
        func set(_ path: String, _ flag: String, _ value: String?) {
            if let value { flags.byPath[path] = "\(flag) \(value)" }
        }
        if let iterations { c.iterations = iterations }
        if let trials { c.trials = trials }
        if let seed { c.seed = seed }
        if let d = startDate.flatMap(DateFormat.isoDate.parse) { c.startDate = d }
        if let d = endDate.flatMap(DateFormat.isoDate.parse) { c.endDate = d }
        if let holidays { c.holidaysPath = holidays }
        if let depVarType { c.depVarType = depVarType }
        if let trainSize { c.trainSize = trainSize }
        if let calibration { c.calibrationInput = .file(calibration) }
        set("$.start_date", "--start-date", startDate)
        set("$.end_date", "--end-date", endDate)
        set("$.holidays_path", "--holidays", holidays)
        set("$.calibration_input", "--calibration", calibration)
        set("$.train_size", "--train-size", trainSize.map { size in
            let (low, high) = size.bounds
            return low == high ? NumberFormatting.shortest(low) : "\(NumberFormatting.shortest(low)),\(NumberFormatting.shortest(high))"
        })
        set("$.output_location", "--output", output)
        if let runId { flags.byPath["run_id"] = "--run-id \(runId)" } else if base.outputTimestamp != nil { flags.renamed["run_id"] = "$.output_timestamp" }
        var notes: [Diagnostic] = []
        if let adstock {
            (c, notes) = c.overridingAdstock(adstock, origin: "--adstock \(adstock.rawValue)")
            set("$.adstock", "--adstock", adstock.rawValue)
        }
        try flags.attributing { try c.validate() }
        return (c, notes, flags)
    }
}
