import ArgumentParser
import Foundation
import MMMCore
import MMMJobs
import MMMQueue

/// `mmm-cli benchmark plan`: a dry run — prints the variants and writes plan.json, trains nothing.
struct BenchmarkPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Dry run: print the variants and write <output>/<benchmark id>/plan.json; trains nothing.",
        discussion: """
            With --data the data is prepared for each variant too, so variants that would train exactly the same \
            model (e.g. weekly aggregation of weekly data) show their same_as link; with --backend bayes also \
            variants that differ only in what the Bayesian backend does not use (train_size, iterations, trials, \
            Robyn's calibration selection).
            """)

    @Option(help: "Benchmark config (JSON).")
    var config: String
    @Option(help: "Base configuration (job config, previous-system job_config.json or selected_columns.json); default: the config's base.")
    var base: String?
    @OptionGroup var data: BenchmarkDataOptions
    @OptionGroup var mode: BenchmarkModeOptions
    @Option(help: "Parent folder of benchmark folders.")
    var output = "runs/benchmarks"
    @Option(help: "The backend the plan is for (native, robyn or bayes): which variants train the same model depends on what it reads.")
    var backend: BackendChoice = .native
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if StorageLocation.looksLikeGCS(output) {
            throw ValidationError("--output: benchmark folders are local; write them locally and copy them with mmm-cli gcs cp -r")
        }
    }

    func run() async throws {
        let console = global.console
        var plan = try BenchmarkWorkflow.plan(configPath: config, base: base, mode: mode.mode, console: console)
        var rows: Int?
        if data.given {
            let table = try await data.load(console)
            rows = table.table.rowCount
            try BenchmarkConfigLoader.load(path: config).checkColumnsNamingFile(config, columns: Set(table.table.columnNames))
            plan = BenchmarkRunner.linkingSameAs(plan, table: table, backend: backend.linkingReader)
        }
        BenchmarkWorkflow.report(plan, console: console)
        let workspace = LocalBenchmarkWorkspace(output: output, benchmarkId: plan.benchmarkId)
        try workspace.create()
        try workspace.write(try StrictJSON.encode(plan), to: "plan.json")
        if console.json {
            try console.resultJSON(plan)
        } else {
            // A Bayesian fit has no candidates to price (`cost estimate --engine bayes` says so too).
            let estimate = backend == .bayes ? "" : "\n" + Self.estimate(plan, rows: rows)
            console.result(BenchmarkWorkflow.listing(plan) + "\nplan: \(workspace.path("plan.json"))" + estimate)
        }
    }
}

extension BenchmarkPlanCommand {
    /// The Cloud Run cost estimate of a plan at the default job size (`mmm-cli cost estimate` for others).
    static func estimate(_ plan: BenchmarkPlan, rows: Int?) -> String {
        let throughput = EngineThroughput.nativeStored
        let inputs = CostEstimateCommand.inputs(
            backend: .cloudrun, engine: .native, cpu: nil, memory: nil, parallel: nil, overhead: nil,
            rows: rows ?? throughput.rows, variants: max(1, plan.trainedVariants.count), iterations: plan.iterations,
            trials: plan.trials)
        return CostEstimate(inputs, throughput: throughput).text
            + "\n  (other sizes: mmm-cli cost estimate --iterations \(plan.iterations) --trials \(plan.trials) --variants \(plan.trainedVariants.count) --cpu C --memory GiB)"
    }
}

extension BenchmarkConfig {
    /// ``checkColumns(in:)`` with the config file named in the error.
    func checkColumnsNamingFile(_ file: String, columns: Set<String>) throws {
        do {
            try checkColumns(in: columns)
        } catch var error as ConfigError {
            error.file = file
            throw error
        }
    }
}
