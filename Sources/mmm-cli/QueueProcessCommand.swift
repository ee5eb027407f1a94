import ArgumentParser
import Foundation
import MMMCloud
import MMMCore
import MMMQueue

/// `mmm-cli queue process`: claims jobs, runs their workers (local processes or Cloud Run executions), follows them
/// to the end and records the outcomes.
struct QueueProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Work through a queue: claim jobs, run their workers locally or on Cloud Run, record the outcomes.",
        discussion: """
            Without --loop it returns once nothing is left that it can claim and its own jobs have ended; with --loop \
            only when every job of the queue is terminal (waiting for other processors and for expired leases). Any \
            number of processors may work on one queue at once. Ctrl-C stops local workers and puts their jobs back \
            (PENDING); Cloud Run executions keep running and record their own outcomes. Exit code 1 when a job \
            ended FAILED.
            """)

    enum Backend: String, ExpressibleByArgument, CaseIterable {
        case local, cloudrun
    }

    @OptionGroup var location: QueueLocationOptions
    @Flag(help: "Return only when every job of the queue is terminal.")
    var loop = false
    @Option(parsing: .unconditional, help: "Jobs run at once by this processor (default 1).", transform: FlagValues.positive)
    var maxParallel = 1
    @Option(help: "Where workers run: local (processes on this machine, default) or cloudrun (executions of --cloud-run-job).")
    var backend: Backend = .local
    @Option(help: "Lease length in seconds (renewed every third of it; default 300).", transform: QueueCLI.positiveSeconds)
    var leaseSeconds: Double = 300
    @Option(help: "Seconds between looks at the queue when nothing happens (default 10).", transform: QueueCLI.positiveSeconds)
    var pollSeconds: Double = 10
    @Option(help: "Stop a job's worker after this many seconds; on Cloud Run also the task timeout (default 21600 = 6 h).",
            transform: QueueCLI.positiveSeconds)
    var jobTimeout: Double = 21600
    @Option(help: "The Cloud Run job running `mmm-cli worker`: projects/P/locations/L/jobs/J (default: $MMM_CLOUD_RUN_JOB).")
    var cloudRunJob: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let cloud = QueueCLI.cloud(console)
        let (queue, root) = try await location.open(cloud)
        let log: @Sendable (String) -> Void = { console.info($0) }
        let launcher: any WorkerLauncher
        switch backend {
        case .local:
            launcher = LocalWorkerLauncher(
                executable: try Self.workerExecutable(), arguments: ["worker", console.verbose ? "--verbose" : "--quiet"],
                environment: ProcessInfo.processInfo.environment, log: log)
        case .cloudrun:
            guard root.isGCS else {
                throw UsageError("--backend cloudrun needs a gs:// --queue-root (Cloud Run workers cannot see \(root))")
            }
            guard let name = cloudRunJob ?? ProcessInfo.processInfo.environment["MMM_CLOUD_RUN_JOB"] else {
                throw UsageError("--backend cloudrun needs --cloud-run-job projects/P/locations/L/jobs/J (or MMM_CLOUD_RUN_JOB)")
            }
            launcher = CloudRunWorkerLauncher(client: try await cloud.cloudRun(), job: try CloudRunJobName(resourceName: name), log: log)
        }
        var processor = QueueProcessor(
            queue: queue, launcher: launcher, identity: QueueIdentity.make("processor"), root: root.description,
            files: QueueCLI.files(cloud), maxParallel: maxParallel, leaseSeconds: leaseSeconds, pollSeconds: pollSeconds,
            jobTimeout: jobTimeout)
        processor.log = log
        console.info("processing \(queue.store.location) (\(backend.rawValue), \(maxParallel) at a time\(loop ? ", until every job is terminal" : ""))")
        let task = Task { try await processor.run(loop: loop) }
        let interrupt = InterruptHandler { task.cancel() }
        defer { interrupt.stop() }
        let report = try await task.value
        let counts = report.counts.sorted { $0.key.rawValue < $1.key.rawValue }
        if console.json {
            try console.resultJSON(ProcessJSON(
                queue: queue.store.location, launched: report.launched, adopted: report.adopted,
                recorded: report.recorded.mapValues(\.rawValue), counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })))
        } else {
            var lines = ["launched \(report.launched.count), followed \(report.adopted.count) started elsewhere"]
            lines += report.recorded.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value.rawValue)" }
            lines.append("queue: " + counts.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", "))
            console.result(lines.joined(separator: "\n"))
        }
        let failed = loop ? report.counts[.failed, default: 0] : report.recorded.values.filter { $0 == .failed }.count
        if failed > 0 { throw QueueJobsFailed(count: failed) }
    }

    /// The program local workers run: `MMM_WORKER_EXECUTABLE`, else this executable.
    static func workerExecutable() throws -> String {
        if let path = ProcessInfo.processInfo.environment["MMM_WORKER_EXECUTABLE"], !path.isEmpty { return path }
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return QueueCLI.absolute(CommandLine.arguments[0])
    }
}

/// Jobs ended FAILED: exit code 1.
struct QueueJobsFailed: CategorizedError {
    var count: Int
    var category: ErrorCategory { .runtime }
    var description: String { "\(count) job\(count == 1 ? "" : "s") FAILED; `mmm-cli queue status --id ID` shows why" }
}

/// `queue process --json`.
struct ProcessJSON: Encodable {
    var queue: String
    var launched: [String]
    var adopted: [String]
    var recorded: [String: String]
    var counts: [String: Int]
}
