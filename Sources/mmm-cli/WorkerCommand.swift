import ArgumentParser
import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMQueue

/// `mmm-cli worker`: the entry point of a worker — a queued job (what `queue process` starts, locally or as a Cloud
/// Run task), one job configuration, or a Cloud Run task's share of a benchmark plan.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run one queued job, one job config, or this Cloud Run task's share of a plan (the container's entry point).",
        discussion: """
            Which work, in order: --job (with --queue-root, --queue, --attempt) or MMM_QUEUE_JOB (with MMM_QUEUE_ROOT, \
            MMM_QUEUE, MMM_QUEUE_ATTEMPT), as `queue process` passes them; --plan or MMM_PLAN_PATH (the variants \
            CLOUD_RUN_TASK_INDEX deals to this task out of CLOUD_RUN_TASK_COUNT); --config or JOB_CONFIG_GCS_PATH. \
            Data: --data, MMM_DATA_PATH, else the config's data_path; run folders under --output, MMM_OUTPUT, else \
            the config's output_location. The run folder gets status.json RUNNING first and its final state last. \
            Exit code 0 for SUCCEEDED and SKIPPED. SIGTERM stops cleanly (status FAILED "cancelled"); a worker killed \
            outright leaves status RUNNING and, for a queued job, an expiring lease — never a false SUCCEEDED.
            """)

    @Option(help: "Queue root of --job (default: $MMM_QUEUE_ROOT).")
    var queueRoot: String?
    @Option(help: "Queue of --job (default: $MMM_QUEUE).")
    var queue: String?
    @Option(help: "Run this queued job (default: $MMM_QUEUE_JOB).")
    var job: String?
    @Option(parsing: .unconditional, help: "The attempt to run (default: $MMM_QUEUE_ATTEMPT).", transform: FlagValues.positive)
    var attempt: Int?
    @Option(help: "Run this job configuration, a file or gs:// URI (default: $JOB_CONFIG_GCS_PATH).")
    var config: String?
    @Option(help: "Run this task's share of a benchmark plan.json (default: $MMM_PLAN_PATH).")
    var plan: String?
    @Option(help: "Input table, gs://… or a file (default: $MMM_DATA_PATH, else the config's data_path).")
    var data: String?
    @Option(help: "Parent of the run folder(s), gs://… or a folder (default: $MMM_OUTPUT, else the config's output_location, else runs).")
    var output: String?
    @Option(help: "Run id for --config (default: the config's output_timestamp, else $RUN_ID, else now).")
    var runId: String?
    @Option(help: BackendChoice.help)
    var backend: BackendChoice = .native
    @OptionGroup(title: "Bayesian backend (--config and --plan; a queued job carries its own)") var bayes: BayesOptions
    @Flag(help: "Stop when stdin reaches end of file (the processor that started this worker died).")
    var exitWithParent = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try bayes.check(bayes: backend == .bayes)
    }

    func run() async throws {
        let console = global.console
        let environment = ProcessInfo.processInfo.environment
        let cloud = QueueCLI.cloud(console)
        let context = WorkerContext(
            console: console, cloud: cloud, backend: backend.rawValue, bayes: backend == .bayes ? bayes.settings : nil)
        let task = Task { () throws -> [WorkerResult] in
            if let reference = try reference(environment) {
                return [try await context.runQueued(reference)]
            }
            let table = data ?? environment["MMM_DATA_PATH"].flatMap { $0.isEmpty ? nil : $0 }
            let parent = output ?? environment["MMM_OUTPUT"].flatMap { $0.isEmpty ? nil : $0 }
            if let plan = plan ?? environment["MMM_PLAN_PATH"].flatMap({ $0.isEmpty ? nil : $0 }) {
                let task = try CloudRunTask.current(environment: environment) ?? CloudRunTask(index: 0, count: 1)
                return try await context.runPlan(plan, data: table, output: parent, task: task)
            }
            guard let config = config ?? environment["JOB_CONFIG_GCS_PATH"].flatMap({ $0.isEmpty ? nil : $0 }) else {
                throw UsageError("nothing to run: give --job, --plan or --config (or MMM_QUEUE_JOB, MMM_PLAN_PATH, JOB_CONFIG_GCS_PATH)")
            }
            let id = runId ?? environment["RUN_ID"].flatMap { $0.isEmpty ? nil : $0 }
            return [try await context.runConfig(config, data: table, output: parent, runId: id)]
        }
        let stop = TerminationHandler { task.cancel() }
        defer { stop.stop() }
        if exitWithParent { ParentWatch.start { task.cancel() } }
        let results = try await task.value
        if console.json { try console.resultJSON(results) } else { console.result(results.map(\.line).joined(separator: "\n")) }
        if let failed = results.first(where: { $0.state == "FAILED" }) { throw WorkerFailed(message: failed.message ?? "failed") }
    }

    /// The queued job this worker runs, from flags or the environment.
    private func reference(_ environment: [String: String]) throws -> QueueJobReference? {
        guard let job else { return try QueueJobReference.from(environment: environment) }
        guard let root = queueRoot ?? environment["MMM_QUEUE_ROOT"], let queue = queue ?? environment["MMM_QUEUE"],
            let attempt = attempt ?? environment["MMM_QUEUE_ATTEMPT"].flatMap(Int.init)
        else { throw UsageError("--job needs --queue-root, --queue and --attempt (or MMM_QUEUE_ROOT, MMM_QUEUE, MMM_QUEUE_ATTEMPT)") }
        return QueueJobReference(root: root, queue: queue, id: job, attempt: attempt)
    }
}

/// A worker's job ended FAILED (its run folder and the queue say why): exit code 1.
struct WorkerFailed: CategorizedError {
    var message: String
    var category: ErrorCategory { .runtime }
    var description: String { message }
}

/// Turns SIGTERM (Cloud Run stopping a task, a processor stopping its worker) and SIGINT into a call.
final class TerminationHandler {
    private let sources: [any DispatchSourceSignal]

    init(_ onSignal: @escaping @Sendable () -> Void) {
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Console.stderr("stopping (signal \(number))…")
                signal(number, SIG_DFL)
                onSignal()
            }
            source.resume()
            return source
        }
    }

    func stop() {
        for source in sources { source.cancel() }
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
    }
}

/// Calls back when stdin reaches end of file: a worker started by `queue process` gets a pipe there that closes when
/// the processor dies (even by SIGKILL).
enum ParentWatch {
    static func start(_ onEnd: @escaping @Sendable () -> Void) {
        Thread.detachNewThread {
            var byte: UInt8 = 0
            while true {
                let count = read(0, &byte, 1)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
            }
            Console.stderr("the processor that started this worker is gone; stopping")
            onEnd()
        }
    }
}
