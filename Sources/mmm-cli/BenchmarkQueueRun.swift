import ArgumentParser
import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMQueue

/// `benchmark run --executor`: where the variants train. (`--backend` stays the training engine, native or robyn.)
enum BenchmarkExecutor: String, ExpressibleByArgument, CaseIterable {
    /// In this process (the default).
    case local
    /// Queued to `--queue` and run by worker processes on this machine (other machines can join with `queue process`).
    case queue
    /// Queued to `--queue` and run as executions of the Cloud Run job `--cloud-run-job`.
    case cloudrun
}

/// The queue flags of `benchmark run --executor queue|cloudrun`.
struct BenchmarkQueueOptions: ParsableArguments {
    @OptionGroup var location: QueueLocationOptions
    @Option(help: "With --executor cloudrun: projects/P/locations/L/jobs/J running `mmm-cli worker` (default: $MMM_CLOUD_RUN_JOB).")
    var cloudRunJob: String?
    @Flag(help: "Only queue the variants; run `mmm-cli queue process` and `mmm-cli benchmark collect` later.")
    var submitOnly = false
    @Option(help: "Lease length in seconds for the queued variants (default 300).", transform: QueueCLI.positiveSeconds)
    var leaseSeconds: Double = 300
    @Option(help: "Stop a variant's worker after this many seconds (default 21600).", transform: QueueCLI.positiveSeconds)
    var jobTimeout: Double = 21600
    @Option(help: "Seconds between looks at the queue (default 5).", transform: QueueCLI.positiveSeconds)
    var pollSeconds: Double = 5
}

/// `benchmark run` through the queue: every variant becomes a job whose run folder is
/// `<output>/<benchmark id>/variants/<variant id>/`; processed here (local workers or Cloud Run) until each is
/// terminal, then collected into results.csv (in the benchmark folder, local or gs://).
enum BenchmarkQueueWorkflow {
    /// Submits, processes and collects.
    /// - Returns: failed variants, the summary texts and the `--json` reports.
    static func run(
        _ plans: [BenchmarkPlan], table: LoadedTable, data: String, output: String, executor: BenchmarkExecutor,
        options: BenchmarkQueueOptions, parallel: Int?, backend: BackendChoice, bayes: BayesSettings?, console: Console
    ) async throws -> (failures: Int, texts: [String], reports: [BenchmarkQueueJSON]) {
        let cloud = QueueCLI.cloud(console)
        let files = QueueCLI.files(cloud)
        let (queue, root) = try await options.location.open(cloud)
        var submission = QueueSubmission(queue: queue, by: QueueIdentity.make("benchmark"))
        submission.backend = backend.rawValue
        submission.bayes = bayes
        var linked: [BenchmarkPlan] = []
        for plan in plans {
            let plan = BenchmarkRunner.linkingSameAs(plan, table: table, backend: backend.linkingReader)
            let folder = QueueFiles.join(output, plan.benchmarkId)
            try await files.write(try StrictJSON.encode(plan), to: QueueFiles.join(folder, "plan.json"))
            if let baseline = try? NaiveBaseline.fit(config: plan.baseConfig, table: table) {
                try await files.write(try StrictJSON.encode(baseline), to: QueueFiles.join(folder, "naive_baseline.json"))
            }
            let result = try await submission.submit(plan: plan, data: data, output: output)
            console.info("benchmark \(plan.benchmarkId): \(result.submitted.count) variants queued in \(queue.store.location)"
                + (result.existing.isEmpty ? "" : ", \(result.existing.count) already queued"))
            linked.append(plan)
        }
        let ids = Set(linked.map(\.benchmarkId))
        if options.submitOnly {
            let texts = linked.map { "Benchmark ID: \($0.benchmarkId)\nqueued; run `mmm-cli queue process` and then `mmm-cli benchmark collect \(QueueFiles.join(output, $0.benchmarkId))`" }
            return (0, texts, linked.map { BenchmarkQueueJSON(benchmarkId: $0.benchmarkId, directory: QueueFiles.join(output, $0.benchmarkId), counts: [:]) })
        }
        var processor = QueueProcessor(
            queue: queue, launcher: try await launcher(executor, options: options, root: root, cloud: cloud, console: console),
            identity: QueueIdentity.make("processor"), root: root.description, files: files,
            maxParallel: parallel ?? (executor == .cloudrun ? 10 : max(1, ProcessInfo.processInfo.activeProcessorCount)),
            leaseSeconds: options.leaseSeconds, pollSeconds: options.pollSeconds, jobTimeout: options.jobTimeout)
        processor.log = { console.info($0) }
        processor.accepts = { job in job.spec.benchmarkId.map(ids.contains) ?? false }
        let task = Task { try await processor.run(loop: true) }
        let interrupt = InterruptHandler { task.cancel() }
        defer { interrupt.stop() }
        _ = try await task.value
        var failures = 0
        var texts: [String] = []
        var reports: [BenchmarkQueueJSON] = []
        let jobs = try await queue.jobs()
        for plan in linked {
            let folder = QueueFiles.join(output, plan.benchmarkId)
            let (_, written) = try await BenchmarkRemoteCollect.collect(folder, cloud: cloud, truth: nil, parquet: false)
            var counts: [String: Int] = [:]
            var lines = ["Benchmark ID: \(plan.benchmarkId)"]
            for job in jobs where job.spec.benchmarkId == plan.benchmarkId {
                counts[job.state.rawValue, default: 0] += 1
                if job.state == .failed {
                    failures += 1
                    lines.append("  failed \(job.spec.variantId ?? job.id): \(job.message ?? "")")
                }
            }
            lines.insert(counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "), at: 1)
            lines.append("results: \(written)")
            texts.append(lines.joined(separator: "\n"))
            reports.append(BenchmarkQueueJSON(benchmarkId: plan.benchmarkId, directory: folder, counts: counts))
        }
        return (failures, texts, reports)
    }

    private static func launcher(
        _ executor: BenchmarkExecutor, options: BenchmarkQueueOptions, root: QueueRoot, cloud: GoogleCloudServices,
        console: Console
    ) async throws -> any WorkerLauncher {
        let log: @Sendable (String) -> Void = { console.info($0) }
        switch executor {
        case .cloudrun:
            guard root.isGCS else { throw UsageError("--executor cloudrun needs a gs:// --queue-root") }
            guard let name = options.cloudRunJob ?? ProcessInfo.processInfo.environment["MMM_CLOUD_RUN_JOB"] else {
                throw UsageError("--executor cloudrun needs --cloud-run-job projects/P/locations/L/jobs/J (or MMM_CLOUD_RUN_JOB)")
            }
            return CloudRunWorkerLauncher(client: try await cloud.cloudRun(), job: try CloudRunJobName(resourceName: name), log: log)
        case .queue, .local:
            return LocalWorkerLauncher(
                executable: try QueueProcessCommand.workerExecutable(), arguments: ["worker", console.verbose ? "--verbose" : "--quiet"],
                environment: ProcessInfo.processInfo.environment, log: log)
        }
    }
}

/// `benchmark collect` for a benchmark folder anywhere: a local folder directly; a `gs://` one through a local mirror
/// of its small files (not the per-candidate tables), with results.csv (and results.parquet) written back.
enum BenchmarkRemoteCollect {
    /// Collects.
    /// - Returns: The table and where results.csv (or .parquet) was written.
    static func collect(_ folder: String, cloud: GoogleCloudServices, truth: Truth?, parquet: Bool) async throws
        -> (ResultsTable, String)
    {
        guard QueueFiles.isGCS(folder) else {
            return try await collectLocal(LocalBenchmarkWorkspace(directory: folder), truth: truth, parquet: parquet)
        }
        let mirror = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-collect-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: mirror) }
        try await GCSFolderMirror.download(folder, to: mirror, skipping: ["all_aggregated.csv"], client: try await cloud.storage())
        let workspace = LocalBenchmarkWorkspace(directory: mirror.path)
        let (table, local) = try await collectLocal(workspace, truth: truth, parquet: parquet)
        let files = QueueFiles(cloud: cloud)
        try await files.write(try Data(contentsOf: URL(fileURLWithPath: workspace.path("results.csv"))),
                              to: QueueFiles.join(folder, "results.csv"), contentType: "text/csv")
        if parquet {
            try await files.write(try Data(contentsOf: URL(fileURLWithPath: local)), to: QueueFiles.join(folder, "results.parquet"),
                                  contentType: "application/vnd.apache.parquet")
        }
        return (table, QueueFiles.join(folder, parquet ? "results.parquet" : "results.csv"))
    }

    private static func collectLocal(_ workspace: LocalBenchmarkWorkspace, truth: Truth?, parquet: Bool) async throws
        -> (ResultsTable, String)
    {
        var collector = BenchmarkCollector(workspace: workspace)
        if let truth { collector.truthColumns = TruthColumns(truth: truth) }
        let table = try await collector.collect()
        try workspace.write(table.csv(), to: "results.csv")
        guard parquet else { return (table, workspace.path("results.csv")) }
        // results.csv stays the canonical table (resume and analyze read it); the Parquet copy is for pyarrow/duckdb.
        try workspace.write(try table.parquet(), to: "results.parquet")
        return (table, workspace.path("results.parquet"))
    }
}

/// `benchmark run --executor queue|cloudrun --json`, per benchmark.
struct BenchmarkQueueJSON: Encodable {
    var benchmarkId: String
    var directory: String
    var counts: [String: Int]

    enum CodingKeys: String, CodingKey {
        case benchmarkId = "benchmark_id"
        case directory, counts
    }
}
