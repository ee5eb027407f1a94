import Foundation

/// `run_manifest.json`: how a run was produced — inputs by digest, engine, seed, threads, platform and step timings.
///
/// Wall-clock times live here (and in `status.json`) so that `model_summary.json` and the CSVs stay byte-identical
/// between runs with the same inputs and seed.
public struct RunManifest: Codable, Sendable, Equatable {
    /// One timed step.
    public struct StepTiming: Codable, Sendable, Equatable {
        /// Step name, e.g. `prepare_data`, `train`, `pareto`, `write_outputs`.
        public var step: String
        /// Wall-clock seconds.
        public var seconds: Double

        /// Creates a timing.
        public init(step: String, seconds: Double) {
            self.step = step
            self.seconds = seconds
        }
    }

    /// Format version (1).
    public var schemaVersion = 1
    /// The run's id.
    public var runId: String
    /// Engine name and version.
    public var engine: EngineInfo
    /// Where the data came from (path, or a description of the query).
    public var dataSource: String
    /// SHA-256 (hex) of the input data bytes.
    public var dataSHA256: String
    /// SHA-256 (hex) of the canonical job config as run.
    public var configSHA256: String
    /// The seed.
    public var seed: UInt64
    /// Worker threads used (results do not depend on it).
    public var threads: Int
    /// Operating system and architecture, e.g. `Linux x86_64`.
    public var platform: String
    /// Candidate models evaluated.
    public var candidates: Int
    /// Step timings in order.
    public var timings: [StepTiming]
    /// When the run started and finished (ISO 8601 UTC).
    public var startedAt: String
    public var finishedAt: String
    /// Files written to the run folder (besides this manifest and status.json).
    public var files: [String]
    /// The run's notes and warnings (detail-level diagnostics are in `console.log` and the preparation manifest).
    public var diagnostics: [Diagnostic]

    /// Creates a manifest.
    public init(
        runId: String, engine: EngineInfo, dataSource: String, dataSHA256: String, configSHA256: String, seed: UInt64,
        threads: Int, platform: String = RunManifest.currentPlatform, candidates: Int, timings: [StepTiming],
        startedAt: Date, finishedAt: Date, files: [String], diagnostics: [Diagnostic] = []
    ) {
        self.runId = runId
        self.engine = engine
        self.dataSource = dataSource
        self.dataSHA256 = dataSHA256
        self.configSHA256 = configSHA256
        self.seed = seed
        self.threads = threads
        self.platform = platform
        self.candidates = candidates
        self.timings = timings
        self.startedAt = ISOTime.format(startedAt)
        self.finishedAt = ISOTime.format(finishedAt)
        self.files = files
        self.diagnostics = diagnostics
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeSchemaVersion(forKey: .schemaVersion)
        runId = try c.decode(String.self, forKey: .runId)
        engine = try c.decode(EngineInfo.self, forKey: .engine)
        dataSource = try c.decode(String.self, forKey: .dataSource)
        dataSHA256 = try c.decode(String.self, forKey: .dataSHA256)
        configSHA256 = try c.decode(String.self, forKey: .configSHA256)
        seed = try c.decode(UInt64.self, forKey: .seed)
        threads = try c.decode(Int.self, forKey: .threads)
        platform = try c.decode(String.self, forKey: .platform)
        candidates = try c.decode(Int.self, forKey: .candidates)
        timings = try c.decode([StepTiming].self, forKey: .timings)
        startedAt = try c.decode(String.self, forKey: .startedAt)
        finishedAt = try c.decode(String.self, forKey: .finishedAt)
        files = try c.decode([String].self, forKey: .files)
        // Absent in manifests written before diagnostics were recorded.
        diagnostics = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? []
    }

    /// The JSON keys this contract writes.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case runId = "run_id"
        case engine
        case dataSource = "data_source"
        case dataSHA256 = "data_sha256"
        case configSHA256 = "config_sha256"
        case seed, threads, platform, candidates, timings
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case files, diagnostics
    }

    /// `<OS> <architecture>` of this build.
    public static var currentPlatform: String {
        #if os(Linux)
            let os = "Linux"
        #elseif os(macOS)
            let os = "macOS"
        #else
            let os = "unknown-os"
        #endif
        #if arch(x86_64)
            let arch = "x86_64"
        #elseif arch(arm64)
            let arch = "arm64"
        #else
            let arch = "unknown-arch"
        #endif
        return "\(os) \(arch)"
    }
}
