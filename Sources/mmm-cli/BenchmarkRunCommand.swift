import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli benchmark run`: trains every variant of one (or every) benchmark config.
struct BenchmarkRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train every variant (native engine, or --backend robyn|bayes) into <output>/<benchmark id>/ and write results.csv.",
        discussion: """
            Resumable: a variant whose run folder finished on the same data is not trained again; Ctrl-C keeps every \
            finished variant, and the same command resumes. Variants run --parallel at a time with --threads each, \
            never more than the cores in total (results do not depend on either). Variant folders get the small \
            outputs (no all_aggregated.csv) unless --outputs full.
            """)

    @Option(help: "Benchmark config (JSON).")
    var config: String?
    @Flag(help: "Every config in --dir except those whose name contains 'comprehensive' (as the previous system).")
    var allBenchmarks = false
    @Option(help: "Folder of benchmark configs for --all-benchmarks.")
    var dir = "Examples/benchmarks"
    @Option(help: "Base configuration; default: the config's base.")
    var base: String?
    @OptionGroup var data: BenchmarkDataOptions
    @OptionGroup var mode: BenchmarkModeOptions
    @Option(help: "Parent folder of benchmark folders.")
    var output = "runs/benchmarks"
    @Option(parsing: .unconditional, help: "Variants trained at once (default: the cores).", transform: FlagValues.positive)
    var parallel: Int?
    @Option(parsing: .unconditional, help: "Threads per variant (default: cores ÷ --parallel).", transform: FlagValues.positive)
    var threads: Int?
    @Option(help: "Files per variant: small (default; no all_aggregated.csv) or full.")
    var outputs: OutputLevel = .small
    @Option(help: BackendChoice.help)
    var backend: BackendChoice = .native
    @OptionGroup(title: "Bayesian backend") var bayes: BayesOptions
    @Option(help: "Where variants train: local (this process, default), queue (queued to --queue, run by worker processes here), cloudrun (queued, run as Cloud Run executions of --cloud-run-job). See docs/queue.md.")
    var executor: BenchmarkExecutor = .local
    @OptionGroup(title: "Queue (--executor queue|cloudrun)") var queue: BenchmarkQueueOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if allBenchmarks == (config != nil) { throw ValidationError("give exactly one of --config FILE, --all-benchmarks") }
        try bayes.check(bayes: backend == .bayes)
        if StorageLocation.looksLikeGCS(output), executor == .local {
            throw ValidationError("--output: local benchmark folders only with --executor local; use --executor queue|cloudrun for gs://, or copy with mmm-cli gcs cp -r")
        }
        if executor != .local, data.data == nil {
            throw ValidationError("--executor \(executor.rawValue) needs --data gs://…|FILE (workers read the table themselves; save a Snowflake result first with `snowflake query --output`)")
        }
    }

    func run() async throws {
        let console = global.console
        let paths = try config.map { [$0] } ?? BenchmarkListCommand.entries(in: dir)
            .filter { !$0.name.lowercased().contains("comprehensive") }.map(\.file)
        let trainer = try await backend.make(bayes: bayes.settings)
        let table = try await data.load(console)
        var plans: [BenchmarkPlan] = []
        for path in paths {
            try BenchmarkConfigLoader.load(path: path).checkColumnsNamingFile(path, columns: Set(table.table.columnNames))
            let plan = try BenchmarkWorkflow.plan(configPath: path, base: base, mode: mode.mode, console: console)
            BenchmarkWorkflow.report(plan, console: console)
            plans.append(plan)
        }
        if executor != .local, let path = data.data {
            let (failed, texts, reports) = try await BenchmarkQueueWorkflow.run(
                plans, table: table, data: QueueCLI.absolute(path), output: QueueCLI.absolute(output), executor: executor,
                options: queue, parallel: parallel, backend: backend,
                bayes: backend == .bayes ? bayes.settings : nil, console: console)
            if console.json { try console.resultJSON(reports) } else { console.result(texts.joined(separator: "\n\n")) }
            if failed > 0 { throw BenchmarkVariantsFailed(count: failed) }
            return
        }
        var failures = 0
        var texts: [String] = []
        var reports: [BenchmarkRunJSON] = []
        for plan in plans {
            let (report, workspace) = try await BenchmarkWorkflow.run(
                plan, table: table, output: output, parallel: parallel, threads: threads, outputs: outputs, backend: trainer,
                console: console)
            failures += report.failed.count
            texts.append(BenchmarkWorkflow.summary(report, workspace: workspace))
            reports.append(BenchmarkRunJSON(report, workspace: workspace))
        }
        if console.json { try console.resultJSON(reports) } else { console.result(texts.joined(separator: "\n\n")) }
        if failures > 0 { throw BenchmarkVariantsFailed(count: failures) }
    }
}

/// Some variants failed (the others are trained and collected): exit code 1.
struct BenchmarkVariantsFailed: CategorizedError {
    var count: Int
    var category: ErrorCategory { .runtime }
    var description: String { "\(count) variant\(count == 1 ? "" : "s") failed; see results.csv (state FAILED) and each variant's status.json" }
}

/// `benchmark run --json` output.
struct BenchmarkRunJSON: Encodable {
    var benchmarkId: String
    var directory: String
    var trained: [String]
    var resumed: [String]
    var sameAs: [String]
    var skipped: [String: String]
    var failed: [String: String]
    var parallel: Int
    var threads: Int

    init(_ report: BenchmarkRunReport, workspace: LocalBenchmarkWorkspace) {
        benchmarkId = report.plan.benchmarkId
        directory = workspace.directory.path
        trained = report.trained
        resumed = report.resumed
        sameAs = report.linked
        skipped = Dictionary(report.skipped.map { ($0.id, $0.reason) }, uniquingKeysWith: { a, _ in a })
        failed = Dictionary(report.failed.map { ($0.id, $0.message) }, uniquingKeysWith: { a, _ in a })
        parallel = report.parallel
        threads = report.threads
    }

    enum CodingKeys: String, CodingKey {
        case benchmarkId = "benchmark_id"
        case directory, trained, resumed
        case sameAs = "same_as"
        case skipped, failed, parallel, threads
    }
}
