import MMMCore

/// One run as run history sees it: the row of `mmm-cli runs list`.
///
/// Every field but the id, path and state is optional: a RUNNING or FAILED run has no summary yet, and runs written
/// by older versions (or by the previous system) lack newer fields.
public struct RunRecord: Sendable, Equatable, Encodable {
    /// The run id (its folder name).
    public var runId: String
    /// The folder relative to the listed root, `/`-separated (e.g. `default/de/0122_113141` for a previous-system
    /// layout), equal to ``runId`` for a flat root.
    public var path: String
    /// Where the folder is (a path or a `gs://` URI).
    public var location: String
    /// `RUNNING`, `SUCCEEDED`, `FAILED`, `SKIPPED` (or what an older writer recorded, e.g. `COMPLETED`), or
    /// `INCOMPLETE` when the folder has run files but no status.
    public var state: String
    /// ISO-2 country of the configuration.
    public var country: String?
    /// The configuration's revision.
    public var revision: String?
    /// The chosen model's id.
    public var bestModel: String?
    /// The chosen model's validation NRMSE.
    public var nrmseVal: Double?
    /// The chosen model's DECOMP.RSSD.
    public var decompRssd: Double?
    /// Wall-clock seconds from start to end (terminal runs).
    public var durationSeconds: Double?
    /// Engine name and version, e.g. `mmm-trainer 0.4.0` or `robyn`.
    public var engine: String?
    /// When the run started, as recorded.
    public var startedAt: String?
    /// The step that failed (FAILED runs).
    public var failedStep: String?
    /// The status message (the error of a FAILED run).
    public var message: String?
    /// Why the run was skipped.
    public var skipReason: String?
    /// Where the input came from.
    public var dataSource: String?
    /// SHA-256 of the input bytes (run manifest, else the preparation manifest).
    public var dataSHA256: String?
    /// SHA-256 of the configuration as run.
    public var configSHA256: String?
    /// Files of the run that could not be read (not JSON, or unreadable); the record shows what the others say.
    public var problems: [String] = []

    /// Creates a record with only the identity known.
    public init(runId: String, path: String, location: String, state: String) {
        self.runId = runId
        self.path = path
        self.location = location
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case runId = "run_id"
        case path, location, state, country, revision
        case bestModel = "best_model"
        case nrmseVal = "nrmse_val"
        case decompRssd = "decomp_rssd"
        case durationSeconds = "duration_seconds"
        case engine
        case startedAt = "started_at"
        case failedStep = "failed_step"
        case message
        case skipReason = "skip_reason"
        case dataSource = "data_source"
        case dataSHA256 = "data_sha256"
        case configSHA256 = "config_sha256"
        case problems
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(runId, forKey: .runId)
        try c.encode(path, forKey: .path)
        try c.encode(location, forKey: .location)
        try c.encode(state, forKey: .state)
        // Every key is always written (null when unknown), so consumers of --json see one shape.
        try c.encode(country, forKey: .country)
        try c.encode(revision, forKey: .revision)
        try c.encode(bestModel, forKey: .bestModel)
        try c.encodeFinite(nrmseVal, forKey: .nrmseVal)
        try c.encodeFinite(decompRssd, forKey: .decompRssd)
        try c.encodeFinite(durationSeconds, forKey: .durationSeconds)
        try c.encode(engine, forKey: .engine)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(failedStep, forKey: .failedStep)
        try c.encode(message, forKey: .message)
        try c.encode(skipReason, forKey: .skipReason)
        try c.encode(dataSource, forKey: .dataSource)
        try c.encode(dataSHA256, forKey: .dataSHA256)
        try c.encode(configSHA256, forKey: .configSHA256)
        try c.encode(problems, forKey: .problems)
    }
}
