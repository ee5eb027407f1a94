import Foundation
import MMMCore

/// How one attempt's worker ended, as the processor saw it.
public enum WorkerExit: Sendable, Equatable {
    /// A local worker process exited with this code (128 + signal when killed by a signal).
    case exited(code: Int32)
    /// A Cloud Run execution finished.
    case execution(state: String, message: String?)
    /// The processor stopped it (the job was cancelled, or the attempt was taken over).
    case stopped
    /// It ran past the job timeout and was stopped.
    case timedOut(seconds: Double)
    /// It could not be started at all.
    case launchFailed(String)

    /// In words, for job messages.
    public var text: String {
        switch self {
        case .exited(let code): code > 128 ? "the worker was killed by signal \(code - 128)" : "the worker exited with code \(code)"
        case .execution(let state, let message): "the Cloud Run execution ended \(state)" + (message.map { ": \($0)" } ?? "")
        case .stopped: "the worker was stopped"
        case .timedOut(let seconds): "timed out after \(NumberFormatting.shortest(seconds)) s"
        case .launchFailed(let why): "the worker could not be started: \(why)"
        }
    }
}

/// Starts and follows the worker of one attempt: a local process (``LocalWorkerLauncher``) or a Cloud Run execution
/// (``CloudRunWorkerLauncher``).
public protocol WorkerLauncher: Sendable {
    /// What this launcher runs (recorded in the job's ``QueueExecution``).
    var kind: QueueExecution.Kind { get }

    /// Whether a worker keeps running when the processor is interrupted (Ctrl-C): true for Cloud Run executions
    /// (their workers renew the lease and record the outcome themselves), false for local processes (stopped, and
    /// their jobs released to PENDING).
    var keepsRunningWhenInterrupted: Bool { get }

    /// Checks, before anything is claimed, that this launcher can run `job` (e.g. Cloud Run needs `gs://` paths).
    /// - Returns: Why it cannot, or nil.
    func problem(with job: QueueJob) -> String?

    /// Starts the worker of attempt `attempt`, calls `started` once it runs, and returns when it has ended.
    /// Cancelling the calling task stops the worker (and returns ``WorkerExit/stopped``).
    /// - Parameters:
    ///   - job: The job as claimed.
    ///   - attempt: The attempt number.
    ///   - reference: How the worker finds the job (queue root, queue name, id).
    ///   - timeout: Stop the worker after this many seconds (nil: no limit).
    ///   - started: Called with where it runs.
    func run(
        _ job: QueueJob, attempt: Int, reference: QueueJobReference, timeout: Double?,
        started: @escaping @Sendable (QueueExecution) async -> Void
    ) async -> WorkerExit

    /// Follows an execution another processor started (its lease expired while the execution may still run).
    /// - Returns: How it ended, or nil when this launcher cannot follow it (then the job is tried again).
    func adopt(_ execution: QueueExecution, timeout: Double?) async -> WorkerExit?
}

/// How a worker finds its job: `--queue-root`, `--queue`, `--job` (or `MMM_QUEUE_ROOT`, `MMM_QUEUE`, `MMM_QUEUE_JOB`
/// and `MMM_QUEUE_ATTEMPT` inside a Cloud Run task).
public struct QueueJobReference: Sendable, Equatable {
    /// The queue root as given (`gs://…` or a folder).
    public var root: String
    /// The queue's name.
    public var queue: String
    /// The job's id.
    public var id: String
    /// The attempt the worker runs.
    public var attempt: Int

    /// Creates a reference.
    public init(root: String, queue: String, id: String, attempt: Int) {
        self.root = root
        self.queue = queue
        self.id = id
        self.attempt = attempt
    }

    /// The environment variables that carry it into a Cloud Run task.
    public var environment: [String: String] {
        ["MMM_QUEUE_ROOT": root, "MMM_QUEUE": queue, "MMM_QUEUE_JOB": id, "MMM_QUEUE_ATTEMPT": String(attempt)]
    }

    /// The reference in an environment, if `MMM_QUEUE_JOB` is set.
    /// - Throws: ``QueueUsageError`` when it is incomplete or malformed.
    public static func from(environment: [String: String]) throws -> QueueJobReference? {
        guard let id = environment["MMM_QUEUE_JOB"], !id.isEmpty else { return nil }
        guard let root = environment["MMM_QUEUE_ROOT"], let queue = environment["MMM_QUEUE"],
            let attemptText = environment["MMM_QUEUE_ATTEMPT"], let attempt = Int(attemptText), attempt >= 1
        else {
            throw QueueUsageError("MMM_QUEUE_JOB is set, so MMM_QUEUE_ROOT, MMM_QUEUE and MMM_QUEUE_ATTEMPT (≥ 1) must be too")
        }
        return QueueJobReference(root: root, queue: queue, id: id, attempt: attempt)
    }
}
