/// `model_summary.json`: what a run found, in one file a benchmark can collect.
///
/// It echoes the exact configuration and benchmark tags, so results never have to be matched to variants by
/// guesswork. The native engine leaves ``timings`` empty so that the file is byte-identical for the same inputs and
/// seed; wall-clock times live in `run_manifest.json` and `status.json`.
public struct ModelSummary: Codable, Sendable, Equatable {
    /// Format version (1).
    public var schemaVersion = 1
    /// The run's id.
    public var runId: String
    /// The engine that trained the models.
    public var engine: EngineInfo
    /// The configuration as run (canonical form).
    public var config: JobConfig
    /// Number of candidate models evaluated.
    public var candidateCount: Int
    /// Number of models on the kept Pareto fronts.
    public var paretoModelCount: Int
    /// The models on the kept Pareto fronts (at most 100, best front first).
    public var paretoModels: [ModelMetrics]
    /// The chosen model.
    public var bestModel: ModelMetrics
    /// How ``bestModel`` was chosen, in words.
    public var bestModelRule: String
    /// The chosen model's decomposition, one entry per variable.
    public var decomposition: [VariableContribution]
    /// Benchmark identity, copied from the config.
    public var benchmark: BenchmarkTags?
    /// Step durations in seconds (R backend only; the native engine writes them to the run manifest).
    public var timings: [String: Double]?
    /// The best model's budget allocation, when the run allocated (optional: files without it stay valid).
    public var allocation: AllocationSummary?
    /// Lift studies as the chosen model predicts them; nil without calibration (and in files written before it).
    public var calibration: CalibrationSummary?

    /// Creates a summary.
    public init(
        runId: String, engine: EngineInfo, config: JobConfig, candidateCount: Int, paretoModelCount: Int,
        paretoModels: [ModelMetrics], bestModel: ModelMetrics, bestModelRule: String,
        decomposition: [VariableContribution], timings: [String: Double]? = nil
    ) {
        self.runId = runId
        self.engine = engine
        self.config = config
        self.candidateCount = candidateCount
        self.paretoModelCount = paretoModelCount
        self.paretoModels = paretoModels
        self.bestModel = bestModel
        self.bestModelRule = bestModelRule
        self.decomposition = decomposition
        self.benchmark = config.benchmark
        self.timings = timings
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case runId = "run_id"
        case engine, config
        case candidateCount = "candidate_count"
        case paretoModelCount = "pareto_model_count"
        case paretoModels = "pareto_models"
        case bestModel = "best_model"
        case bestModelRule = "best_model_rule"
        case decomposition, benchmark, timings, allocation
        case calibration
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeSchemaVersion(forKey: .schemaVersion)
        runId = try c.decode(String.self, forKey: .runId)
        engine = try c.decode(EngineInfo.self, forKey: .engine)
        config = try c.decode(JobConfig.self, forKey: .config)
        candidateCount = try c.decode(Int.self, forKey: .candidateCount)
        paretoModelCount = try c.decode(Int.self, forKey: .paretoModelCount)
        paretoModels = try c.decode([ModelMetrics].self, forKey: .paretoModels)
        bestModel = try c.decode(ModelMetrics.self, forKey: .bestModel)
        bestModelRule = try c.decode(String.self, forKey: .bestModelRule)
        decomposition = try c.decode([VariableContribution].self, forKey: .decomposition)
        benchmark = try c.decodeIfPresent(BenchmarkTags.self, forKey: .benchmark)
        timings = try c.decodeIfPresent([String: Double].self, forKey: .timings)
        allocation = try c.decodeIfPresent(AllocationSummary.self, forKey: .allocation)
        calibration = try c.decodeIfPresent(CalibrationSummary.self, forKey: .calibration)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(runId, forKey: .runId)
        try c.encode(engine, forKey: .engine)
        try c.encode(config, forKey: .config)
        try c.encode(candidateCount, forKey: .candidateCount)
        try c.encode(paretoModelCount, forKey: .paretoModelCount)
        try c.encode(paretoModels, forKey: .paretoModels)
        try c.encode(bestModel, forKey: .bestModel)
        try c.encode(bestModelRule, forKey: .bestModelRule)
        try c.encode(decomposition, forKey: .decomposition)
        try c.encodeIfPresent(benchmark, forKey: .benchmark)
        try c.encodeIfPresent(timings, forKey: .timings)
        try c.encodeIfPresent(allocation, forKey: .allocation)
        try c.encodeIfPresent(calibration, forKey: .calibration)
    }
}
