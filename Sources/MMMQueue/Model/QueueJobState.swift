import MMMCore

/// Where a queued job stands. Every job moves forward only:
///
/// ```
/// PENDING ─claim─▶ LAUNCHING ─launched─▶ RUNNING ─▶ SUCCEEDED | FAILED | SKIPPED
///    ▲                 │                    │
///    └── retry (crash, attempts left) ──────┘        any non-terminal ─cancel─▶ CANCELLED
/// ```
///
/// The terminal states are final: no processor, worker or command writes a terminal job again (``JobQueue/cleanup(olderThan:now:)``
/// only deletes them).
public enum QueueJobState: String, Codable, Sendable, CaseIterable {
    /// Waiting for a processor.
    case pending = "PENDING"
    /// Claimed by a processor, which is starting its worker (a local process or a Cloud Run execution).
    case launching = "LAUNCHING"
    /// The worker was started.
    case running = "RUNNING"
    /// The worker trained the model; the run folder at the job's result location says SUCCEEDED.
    case succeeded = "SUCCEEDED"
    /// The job failed (its run folder says why), or it ran out of attempts.
    case failed = "FAILED"
    /// Someone cancelled it (`queue cancel`).
    case cancelled = "CANCELLED"
    /// Nothing to train, for a stated reason (a benchmark variant that trains the same model as another, or a run
    /// folder that had already finished).
    case skipped = "SKIPPED"

    /// Whether the job has ended (and will never change again).
    public var isTerminal: Bool {
        switch self {
        case .pending, .launching, .running: false
        case .succeeded, .failed, .cancelled, .skipped: true
        }
    }

    /// Whether a processor or worker holds the job (and must keep its lease alive).
    public var isClaimed: Bool { self == .launching || self == .running }

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}
