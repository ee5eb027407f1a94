import ArgumentParser
import Foundation
import MMMCore
import MMMJobs
import MMMSnowflake

/// `--test-run`, `--test-run-all`, `--full-run` (reference-system §2.8).
struct BenchmarkModeOptions: ParsableArguments {
    @Flag(help: "Only the first variant, at 10 iterations × 1 trial (checks the plumbing).")
    var testRun = false
    @Flag(help: "Every variant at 10 × 1.")
    var testRunAll = false
    @Flag(help: "Every variant at 1,000 × 3.")
    var fullRun = false

    func validate() throws {
        if [testRun, testRunAll, fullRun].filter({ $0 }).count > 1 {
            throw ValidationError("give at most one of --test-run, --test-run-all, --full-run")
        }
    }

    var mode: BenchmarkMode { testRun ? .testRun : testRunAll ? .testRunAll : fullRun ? .fullRun : .configured }
}

/// Where a benchmark's data comes from: a CSV file or a Snowflake query (queried once for every variant).
struct BenchmarkDataOptions: ParsableArguments {
    @Option(help: "Input CSV file or gs://bucket/object.csv.")
    var data: String?
    @Option(help: "Read the input from this Snowflake table (DB.SCHEMA.TABLE) instead of --data (queried once; kept as input_snapshot.csv).")
    var snowflakeTable: String?
    @Option(help: "Read the input from this Snowflake query instead of --data.")
    var snowflakeSql: String?
    @OptionGroup(title: "Snowflake connection (with --snowflake-table / --snowflake-sql)")
    var snowflake: SnowflakeOptions

    var given: Bool { [data, snowflakeTable, snowflakeSql].contains { $0 != nil } }

    func validate() throws {
        if [data, snowflakeTable, snowflakeSql].compactMap({ $0 }).count > 1 {
            throw ValidationError("give one of --data, --snowflake-table, --snowflake-sql")
        }
    }

    /// Loads the table once (Ctrl-C cancels a Snowflake query).
    func load(_ console: Console) async throws -> LoadedTable {
        if let data { return try await CloudAccess.files(console).tableSource(try .flag("--data", data), csv: nil).load() }
        guard snowflakeTable != nil || snowflakeSql != nil else {
            throw UsageError("give the data: --data FILE, --snowflake-table or --snowflake-sql")
        }
        let statement = try SnowflakeSource.statement(sql: snowflakeSql, sqlFile: nil, table: snowflakeTable, limit: nil)
        let client = try await snowflake.makeClient(console)
        console.info("snowflake: querying once for every variant")
        let result = try await SnowflakeSource.run(client, statement.sql, limit: nil)
        return try await CSVSnapshotSource(bytes: Data(result.csvBytes()), label: statement.label).load()
    }
}

/// The steps shared by the benchmark commands.
enum BenchmarkWorkflow {
    /// Loads a benchmark config and its base and generates the plan.
    static func plan(configPath: String, base: String?, mode: BenchmarkMode, console: Console) throws -> BenchmarkPlan {
        let config = try BenchmarkConfigLoader.load(path: configPath)
        return try plan(config, configPath: configPath, base: base, mode: mode, console: console)
    }

    /// Generates the plan of a loaded config.
    static func plan(_ config: BenchmarkConfig, configPath: String, base: String?, mode: BenchmarkMode, console: Console)
        throws -> BenchmarkPlan
    {
        let (basePath, loaded) = try BenchmarkConfigLoader.loadBase(for: config, configPath: configPath, override: base)
        if loaded.source != .jobConfig { console.info("base: read \(basePath) as \(loaded.source.rawValue)") }
        for note in loaded.notes { console.detail("base note: " + note) }
        do {
            return try BenchmarkGenerator(config: config, base: loaded.config, baseLabel: basePath, mode: mode).plan(createdAt: Date())
        } catch var error as ConfigError {
            if error.file == nil { error.file = configPath }
            throw error
        }
    }

    /// Prints the plan's notes and warnings.
    static func report(_ plan: BenchmarkPlan, console: Console) {
        let sink = ConsoleDiagnostics(console)
        for note in plan.notes { sink.emit(note) }
    }

    /// One line per variant.
    static func listing(_ plan: BenchmarkPlan) -> String {
        var lines = ["Benchmark ID: \(plan.benchmarkId)", "\(plan.variants.count) variants at \(plan.iterations) × \(plan.trials) (\(plan.mode.rawValue), \(plan.combinationMode.rawValue))"]
        for (i, v) in plan.variants.enumerated() {
            lines.append("\(String(i + 1).leftPadded(to: 3)). \(v.id)  \(v.test): \(v.name)" + (v.sameAs.map { "  (same_as \($0))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// Trains a plan into `<output>/<benchmark id>/`, then writes results.csv.
    static func run(
        _ plan: BenchmarkPlan, table: LoadedTable, output: String, parallel: Int?, threads: Int?, outputs: OutputLevel,
        backend: any TrainingBackend = NativeBackend(), console: Console
    ) async throws -> (BenchmarkRunReport, LocalBenchmarkWorkspace) {
        let workspace = LocalBenchmarkWorkspace(output: output, benchmarkId: plan.benchmarkId)
        let schedule = BenchmarkSchedule(
            cores: ProcessInfo.processInfo.activeProcessorCount, parallel: parallel, threads: threads,
            variants: plan.variants.count)
        if let note = schedule.note { console.info("note: " + note) }
        console.info("benchmark \(plan.benchmarkId): \(plan.variants.count) variants, \(schedule.parallel) at a time × \(schedule.threads) thread\(schedule.threads == 1 ? "" : "s") → \(workspace.directory.path)")
        var runner = BenchmarkRunner(plan: plan, table: table, workspace: workspace, schedule: schedule)
        runner.outputs = outputs
        runner.backend = backend
        let reporter = BenchmarkProgressReporter(
            enabled: !console.quiet && !console.json, unit: backend.workUnitName)
        let diagnostics = BenchmarkDiagnostics(console)
        let task = Task { try await runner.run(diagnostics: diagnostics, progress: reporter.update) }
        let interrupt = InterruptHandler { task.cancel() }
        defer { interrupt.stop() }
        let report: BenchmarkRunReport
        do {
            report = try await task.value
        } catch is CancellationError {
            _ = try? await collect(workspace)
            throw BenchmarkCancelled(directory: workspace.directory.path)
        }
        _ = try await collect(workspace)
        return (report, workspace)
    }

    /// Writes results.csv.
    static func collect(_ workspace: LocalBenchmarkWorkspace) async throws -> ResultsTable {
        let table = try await BenchmarkCollector(workspace: workspace).collect()
        try workspace.write(table.csv(), to: "results.csv")
        return table
    }

    /// The summary printed after a run.
    static func summary(_ report: BenchmarkRunReport, workspace: LocalBenchmarkWorkspace) -> String {
        var lines = [
            "Benchmark ID: \(report.plan.benchmarkId)",
            "trained \(report.trained.count), already finished \(report.resumed.count), same_as \(report.linked.count), skipped \(report.skipped.count), failed \(report.failed.count)",
        ]
        for (id, reason) in report.skipped { lines.append("  skipped \(id): \(reason)") }
        for (id, message) in report.failed { lines.append("  failed \(id): \(message)") }
        lines.append("results: \(workspace.path("results.csv"))")
        return lines.joined(separator: "\n")
    }
}

/// Ctrl-C during a benchmark: finished variants are kept; the same command resumes.
struct BenchmarkCancelled: CategorizedError {
    var directory: String
    var category: ErrorCategory { .runtime }
    var description: String {
        "cancelled; finished variants are kept in \(directory) (results.csv lists them) — run the same command again to resume"
    }
}

/// A variant's diagnostics on the console: only warnings by default (notes of 54 variants would drown the
/// progress bar), everything with --verbose.
/// A warning shared by many variants is printed once.
final class BenchmarkDiagnostics: DiagnosticSink {
    private let console: Console
    private let shown = Locked<Set<String>>([])
    init(_ console: Console) { self.console = console }

    func emit(_ diagnostic: Diagnostic) {
        switch diagnostic.severity {
        case .warning:
            let first = shown.withLock { $0.insert(diagnostic.text).inserted }
            if first { console.warning(diagnostic.text + (diagnostic.step.map { " [variant \($0)]" } ?? "")) }
        default: console.detail(diagnostic.renderedLine)
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
