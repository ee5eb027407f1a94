/// A `job_config.json` exactly as the previous system wrote it (reference-system §3.2): positional spend/var lists,
/// lists as JSON arrays or comma-separated strings, `train_size` as a string or list, empty strings for unset dates.
///
/// Decoding is strict about keys (a key outside §3.2 is an error) but lenient about those value shapes; use
/// ``canonical()`` to convert to ``JobConfig`` with a note for every conversion.
public struct LegacyJobConfig: Decodable, Sendable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case country, revision, iterations, trials
        case trainSize = "train_size"
        case dateInput = "date_input"
        case startDate = "start_date"
        case endDate = "end_date"
        case gcsBucket = "gcs_bucket"
        case dataGcsPath = "data_gcs_path"
        case annotationsGcsPath = "annotations_gcs_path"
        case paidMediaSpends = "paid_media_spends"
        case paidMediaVars = "paid_media_vars"
        case contextVars = "context_vars"
        case factorVars = "factor_vars"
        case organicVars = "organic_vars"
        case timestamp
        case outputTimestamp = "output_timestamp"
        case depVar = "dep_var"
        case depVarType = "dep_var_type"
        case dateVar = "date_var"
        case adstock
        case hyperparameterPreset = "hyperparameter_preset"
        case customHyperparameters = "custom_hyperparameters"
        case resampleFreq = "resample_freq"
        case columnAggStrategies = "column_agg_strategies"
        case budgetScenario = "budget_scenario"
        case expectedSpend = "expected_spend"
        case channelBudgets = "channel_budgets"
        case useParquet = "use_parquet"
        case parallelProcessing = "parallel_processing"
        case maxCores = "max_cores"
        case benchmarkId = "benchmark_id"
        case benchmarkTest = "benchmark_test"
        case benchmarkVariant = "benchmark_variant"
        case benchmarkDescription = "benchmark_description"
    }

    /// The keys a previous-system job config may contain.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    let raw: LegacyJobConfigFields

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        raw = try LegacyJobConfigFields(decoder.container(keyedBy: CodingKeys.self))
    }

    /// Converts to the canonical ``JobConfig``.
    /// - Returns: the configuration and one human-readable note per conversion.
    /// - Throws: ``ConfigError`` when the file cannot be converted faithfully (e.g. spend/var lists of different
    ///   lengths, an unknown preset).
    public func canonical() throws -> (config: JobConfig, notes: [String]) {
        var conversion = LegacyConversion(raw)
        return try conversion.run()
    }
}
