import Foundation
import MMMCore

/// One queued job: `<queue root>/<queue>/jobs/<id>.json` (one object per job, so writers of different jobs never
/// touch the same object, and every update is a compare-and-swap on that one object).
public struct QueueJob: Codable, Sendable, Equatable {
    /// Format version (1).
    public var schemaVersion = 1
    /// The job's id (one safe path segment).
    public var id: String
    /// The queue's name.
    public var queue: String
    /// Where it stands.
    public var state: QueueJobState
    /// What it runs (fixed at submission).
    public var spec: QueueJobSpec
    /// Attempts started so far (each claim starts one).
    public var attempts: Int
    /// At most this many attempts; a crash on the last one makes the job FAILED with the reason.
    public var maxAttempts: Int
    /// The claim on a LAUNCHING or RUNNING job; nil otherwise.
    public var lease: QueueLease?
    /// Where the current (or last) attempt runs.
    public var execution: QueueExecution?
    /// Why the job ended (FAILED, CANCELLED, SKIPPED) or a note on SUCCEEDED.
    public var message: String?
    /// What went wrong on the last attempt that crashed (kept when the job is retried).
    public var lastError: String?
    /// When it was submitted.
    public var submittedAt: Date
    /// When the current attempt's worker started.
    public var startedAt: Date?
    /// When it ended.
    public var finishedAt: Date?
    /// When it was last written.
    public var updatedAt: Date
    /// Who wrote it last.
    public var updatedBy: String
    /// How many times it was written (every compare-and-swap adds one).
    public var revision: Int
    /// State changes, oldest first (the first and the last ``QueueJob/historyLimit`` are kept).
    public var events: [QueueEvent]

    /// The number of events kept.
    public static let historyLimit = 40

    /// A new PENDING job.
    public init(id: String, queue: String, spec: QueueJobSpec, maxAttempts: Int, now: Date, by: String) {
        self.id = id
        self.queue = queue
        state = .pending
        self.spec = spec
        attempts = 0
        self.maxAttempts = maxAttempts
        submittedAt = QueueTime.truncated(now)
        updatedAt = submittedAt
        updatedBy = by
        revision = 1
        events = [QueueEvent(at: now, by: by, from: nil, to: .pending, attempt: 0, note: "submitted")]
    }

    /// Moves the job to `state`, recording the event (and the finish time for a terminal state).
    /// - Parameters:
    ///   - state: The new state.
    ///   - by: Who.
    ///   - now: When.
    ///   - note: Why, in words.
    public mutating func move(to state: QueueJobState, by: String, at now: Date, note: String?) {
        events.append(QueueEvent(at: now, by: by, from: self.state, to: state, attempt: attempts, note: note))
        if events.count > Self.historyLimit { events.remove(at: 1) }
        self.state = state
        if state.isTerminal {
            finishedAt = QueueTime.truncated(now)
            lease = nil
        }
    }

    /// Whether `attempt` is still the job's current, live attempt (not superseded, not ended).
    public func isCurrent(attempt: Int) -> Bool { !state.isTerminal && attempts == attempt }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case id, queue, state, spec, attempts
        case maxAttempts = "max_attempts"
        case lease, execution, message
        case lastError = "last_error"
        case submittedAt = "submitted_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case updatedAt = "updated_at"
        case updatedBy = "updated_by"
        case revision, events
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeSchemaVersion(forKey: .schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        queue = try c.decode(String.self, forKey: .queue)
        state = try c.decode(QueueJobState.self, forKey: .state)
        spec = try c.decode(QueueJobSpec.self, forKey: .spec)
        attempts = try c.decode(Int.self, forKey: .attempts)
        maxAttempts = try c.decode(Int.self, forKey: .maxAttempts)
        lease = try c.decodeUnlessNull(QueueLease.self, forKey: .lease)
        execution = try c.decodeUnlessNull(QueueExecution.self, forKey: .execution)
        message = try c.decodeUnlessNull(String.self, forKey: .message)
        lastError = try c.decodeUnlessNull(String.self, forKey: .lastError)
        submittedAt = try c.decodeQueueTime(forKey: .submittedAt)
        startedAt = try c.decodeQueueTimeIfPresent(forKey: .startedAt)
        finishedAt = try c.decodeQueueTimeIfPresent(forKey: .finishedAt)
        updatedAt = try c.decodeQueueTime(forKey: .updatedAt)
        updatedBy = try c.decode(String.self, forKey: .updatedBy)
        revision = try c.decode(Int.self, forKey: .revision)
        events = try c.decode([QueueEvent].self, forKey: .events)
        guard PathSegment.isSafe(id) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "'\(id)' is not one safe path segment")
        }
        guard maxAttempts >= 1, attempts >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .maxAttempts, in: c, debugDescription: "must be at least 1")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(id, forKey: .id)
        try c.encode(queue, forKey: .queue)
        try c.encode(state, forKey: .state)
        try c.encode(spec, forKey: .spec)
        try c.encode(attempts, forKey: .attempts)
        try c.encode(maxAttempts, forKey: .maxAttempts)
        try c.encodeIfPresent(lease, forKey: .lease)
        try c.encodeIfPresent(execution, forKey: .execution)
        try c.encodeIfPresent(message, forKey: .message)
        try c.encodeIfPresent(lastError, forKey: .lastError)
        try c.encode(QueueTime.format(submittedAt), forKey: .submittedAt)
        try c.encodeIfPresent(startedAt.map(QueueTime.format), forKey: .startedAt)
        try c.encodeIfPresent(finishedAt.map(QueueTime.format), forKey: .finishedAt)
        try c.encode(QueueTime.format(updatedAt), forKey: .updatedAt)
        try c.encode(updatedBy, forKey: .updatedBy)
        try c.encode(revision, forKey: .revision)
        try c.encode(events, forKey: .events)
    }
}
