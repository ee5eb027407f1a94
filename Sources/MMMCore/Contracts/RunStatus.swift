import Foundation

/// `status.json`: the lifecycle of one run, written first as RUNNING and last as its final state.
///
/// Readers decide "done" from this file alone. Times are ISO 8601 UTC (`2026-11-22T03:18:15Z`).
public struct RunStatus: Codable, Sendable, Equatable {
    /// Lifecycle states (the previous system also wrote COMPLETED, LAUNCHING, ERROR…; we write only these four).
    public enum State: String, Codable, Sendable, CaseIterable {
        case running = "RUNNING"
        case skipped = "SKIPPED"
        case failed = "FAILED"
        case succeeded = "SUCCEEDED"

        /// Whether the run has ended.
        public var isTerminal: Bool { self != .running }

        public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
    }

    /// Format version (1).
    public var schemaVersion = 1
    /// Current state.
    public var state: State
    /// The run's id (its folder name).
    public var runId: String
    /// When the run started.
    public var startedAt: Date
    /// Last update.
    public var updatedAt: Date
    /// When the run ended (terminal states only).
    public var finishedAt: Date?
    /// Wall-clock duration in seconds (terminal states only).
    public var durationSeconds: Double?
    /// The step that failed (FAILED only), e.g. `prepare_data`, `train`, `write_outputs`.
    public var failedStep: String?
    /// A one-line message: the error for FAILED, free text otherwise. Never contains secrets.
    public var message: String?
    /// Why the run was skipped (SKIPPED only).
    public var skipReason: String?
    /// The engine.
    public var engine: EngineInfo?

    /// A RUNNING status.
    public static func running(runId: String, at time: Date, engine: EngineInfo? = .native) -> RunStatus {
        RunStatus(state: .running, runId: runId, startedAt: time, updatedAt: time, engine: engine)
    }

    /// Creates a status.
    public init(
        state: State, runId: String, startedAt: Date, updatedAt: Date, finishedAt: Date? = nil,
        durationSeconds: Double? = nil, failedStep: String? = nil, message: String? = nil, skipReason: String? = nil,
        engine: EngineInfo? = nil
    ) {
        self.state = state
        self.runId = runId
        self.startedAt = Self.wholeSeconds(startedAt)
        self.updatedAt = Self.wholeSeconds(updatedAt)
        self.finishedAt = finishedAt.map(Self.wholeSeconds)
        self.durationSeconds = durationSeconds
        self.failedStep = failedStep
        self.message = message
        self.skipReason = skipReason
        self.engine = engine
    }

    /// This status moved to a terminal state at `time`.
    public func finished(
        _ state: State, at time: Date, failedStep: String? = nil, message: String? = nil, skipReason: String? = nil
    ) -> RunStatus {
        var copy = self
        copy.state = state
        copy.updatedAt = Self.wholeSeconds(time)
        copy.finishedAt = Self.wholeSeconds(time)
        copy.durationSeconds = (time.timeIntervalSince(startedAt) * 1000).rounded() / 1000
        copy.failedStep = failedStep
        copy.message = message ?? self.message
        copy.skipReason = skipReason
        return copy
    }

    /// Times are kept at the second precision they are written with, so a status reads back equal.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case state
        case runId = "run_id"
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case finishedAt = "finished_at"
        case durationSeconds = "duration_seconds"
        case failedStep = "failed_step"
        case message
        case skipReason = "skip_reason"
        case engine
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeSchemaVersion(forKey: .schemaVersion)
        state = try c.decode(State.self, forKey: .state)
        runId = try c.decode(String.self, forKey: .runId)
        startedAt = try c.decodeISOTime(forKey: .startedAt)
        updatedAt = try c.decodeISOTime(forKey: .updatedAt)
        finishedAt = try c.decodeISOTimeIfPresent(forKey: .finishedAt)
        durationSeconds = try c.decodeIfPresent(Double.self, forKey: .durationSeconds)
        failedStep = try c.decodeIfPresent(String.self, forKey: .failedStep)
        message = try c.decodeIfPresent(String.self, forKey: .message)
        skipReason = try c.decodeIfPresent(String.self, forKey: .skipReason)
        engine = try c.decodeIfPresent(EngineInfo.self, forKey: .engine)
        func require(_ ok: Bool, _ key: CodingKeys, _ why: String) throws {
            if !ok { throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: why) }
        }
        try require(!state.isTerminal || finishedAt != nil, .finishedAt, "required when state is \(state.rawValue)")
        try require(state != .failed || failedStep != nil, .failedStep, "required when state is FAILED")
        try require(state != .failed || message != nil, .message, "required when state is FAILED")
        try require(state != .skipped || skipReason != nil, .skipReason, "required when state is SKIPPED")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(state, forKey: .state)
        try c.encode(runId, forKey: .runId)
        try c.encode(ISOTime.format(startedAt), forKey: .startedAt)
        try c.encode(ISOTime.format(updatedAt), forKey: .updatedAt)
        try c.encodeIfPresent(finishedAt.map(ISOTime.format), forKey: .finishedAt)
        try c.encodeIfPresent(durationSeconds, forKey: .durationSeconds)
        try c.encodeIfPresent(failedStep, forKey: .failedStep)
        try c.encodeIfPresent(message, forKey: .message)
        try c.encodeIfPresent(skipReason, forKey: .skipReason)
        try c.encodeIfPresent(engine, forKey: .engine)
    }
}
