import Foundation
import MMMCore

/// A time-limited claim on a job. Whoever works on the job (the processor following it, and the worker doing it)
/// renews it every third of ``seconds``; a job whose lease has expired was abandoned (a crashed processor or worker)
/// and may be claimed again.
///
/// Expiry compares wall clocks of different machines: keep ``seconds`` far above any clock skew (the default, 300 s,
/// is; NTP keeps Cloud Run and most machines within a second).
public struct QueueLease: Codable, Sendable, Equatable {
    /// Who renewed it last (`processor host:pid:tag` or `worker host:pid:tag`).
    public var holder: String
    /// When it expires.
    public var expiresAt: Date
    /// Its length; renewals extend it by this much.
    public var seconds: Double

    /// Creates a lease from `now`.
    public init(holder: String, now: Date, seconds: Double) {
        self.holder = holder
        self.expiresAt = QueueTime.truncated(now.addingTimeInterval(seconds))
        self.seconds = seconds
    }

    /// Whether it has expired at `now`.
    public func isExpired(at now: Date) -> Bool { now >= expiresAt }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case holder
        case expiresAt = "expires_at"
        case seconds
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        holder = try c.decode(String.self, forKey: .holder)
        expiresAt = try c.decodeQueueTime(forKey: .expiresAt)
        seconds = try c.decode(Double.self, forKey: .seconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(holder, forKey: .holder)
        try c.encode(QueueTime.format(expiresAt), forKey: .expiresAt)
        try c.encode(seconds, forKey: .seconds)
    }
}

/// Where one attempt of a job runs.
public struct QueueExecution: Codable, Sendable, Equatable {
    /// What runs it.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A worker process on the processor's machine.
        case local
        /// A Cloud Run job execution.
        case cloudrun

        public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
    }

    /// What runs it.
    public var kind: Kind
    /// The Cloud Run execution's resource name, or `pid N on HOST` for a local process.
    public var name: String
    /// The attempt it runs.
    public var attempt: Int

    /// Creates an execution record.
    public init(kind: Kind, name: String, attempt: Int) {
        self.kind = kind
        self.name = name
        self.attempt = attempt
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case kind, name, attempt }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        name = try c.decode(String.self, forKey: .name)
        attempt = try c.decode(Int.self, forKey: .attempt)
    }
}

/// One state change of a job, kept in the job's history.
public struct QueueEvent: Codable, Sendable, Equatable {
    /// When.
    public var at: Date
    /// Who (a processor, a worker, a command).
    public var by: String
    /// The state before.
    public var from: QueueJobState?
    /// The state after.
    public var to: QueueJobState
    /// The attempt it concerns.
    public var attempt: Int
    /// Why, in words.
    public var note: String?

    /// Creates an event.
    public init(at: Date, by: String, from: QueueJobState?, to: QueueJobState, attempt: Int, note: String?) {
        self.at = QueueTime.truncated(at)
        self.by = by
        self.from = from
        self.to = to
        self.attempt = attempt
        self.note = note
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case at, by, from, to, attempt, note }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        at = try c.decodeQueueTime(forKey: .at)
        by = try c.decode(String.self, forKey: .by)
        from = try c.decodeUnlessNull(QueueJobState.self, forKey: .from)
        to = try c.decode(QueueJobState.self, forKey: .to)
        attempt = try c.decode(Int.self, forKey: .attempt)
        note = try c.decodeUnlessNull(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(QueueTime.format(at), forKey: .at)
        try c.encode(by, forKey: .by)
        try c.encodeIfPresent(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(attempt, forKey: .attempt)
        try c.encodeIfPresent(note, forKey: .note)
    }
}
