/// The training job configuration (`job_config.json`): everything a run needs besides the data itself.
///
/// This is the canonical form mmm-trainer writes and reads. It carries the previous system's job config fields
/// (reference-system §3.2) with explicit `(spend, var)` pairs instead of two positional lists. Decoding is strict:
/// unknown keys and unknown enum values are errors naming the JSON path; list fields accept a JSON array or a
/// comma-separated string. Field-by-field reference: docs/contracts.md.
public struct JobConfig: Codable, Sendable, Equatable {
    /// Format version written by this library.
    public static let currentSchemaVersion = 1

    /// Format version of the document (1).
    public var schemaVersion: Int = JobConfig.currentSchemaVersion
    /// Lower-case ISO-2 country; filters rows of a multi-country table and picks the holiday calendar.
    public var country: String?
    /// Column holding the country; nil means the first of COUNTRY, COUNTRY_CODE, MARKET, COUNTRY_ISO, LOCALE.
    public var countryColumn: String?
    /// Free-text model revision, used as an output path segment.
    public var revision: String = "default"
    /// The dependent variable column.
    public var depVar: String
    /// revenue (ROI) or conversion (CPA).
    public var depVarType: DepVarType = .revenue
    /// The date column; nil means DATE, DS, DATUM, FECHA or DATA (case-insensitive).
    public var dateVar: String?
    /// Paid media channels as explicit (spend, var) pairs.
    public var paidMedia: [MediaPair]
    /// Organic drivers (adstocked and saturated, excluded from spend shares).
    public var organicVars: [String] = []
    /// Context drivers (used untransformed).
    public var contextVars: [String] = []
    /// Categorical context drivers; each must also be a context var.
    public var factorVars: [String] = []
    /// Baseline terms built from the dates; nil means trend, season, holiday (+ weekday for daily data).
    public var baselineVars: [BaselineTerm]?
    /// Columns of the data used as baseline terms as they are (e.g. a Prophet decomposition computed elsewhere), bounded
    /// like Robyn's Prophet terms: coefficient in [0, 1]; a column named `trend` flips to [−1, 0] when it sums negative
    /// over the training rows.
    public var baselineColumns: [String] = []
    /// Holiday calendar country (ISO-2); nil means ``country``.
    public var holidaysCountry: String?
    /// A holidays CSV (columns `ds, holiday, country, year`, as Robyn's `dt_prophet_holidays`); nil means the built-in
    /// table (DE, FR, GB, US).
    public var holidaysPath: String?
    /// First date of the modelling window (inclusive); earlier rows are adstock warm-up. nil: first date.
    public var startDate: CalendarDate?
    /// Last date of the modelling window (inclusive). nil: last date.
    public var endDate: CalendarDate?
    /// Adstock transformation.
    public var adstock: AdstockType = .geometric
    /// Named hyperparameter bounds.
    public var hyperparameterPreset: HyperparameterPreset = .meshedRecommend
    /// Bound overrides: `<var>_<kind>` → `[low, high]` or a number; `<kind>_min` / `<kind>_max` → a number.
    public var customHyperparameters: [String: ParameterBound] = [:]
    /// Training share of the window (validation and test each take half the rest), fixed or searched.
    public var trainSize: TrainSize = .range(0.5, 0.8)
    /// Time aggregation before modelling.
    public var resampleFreq: ResampleFrequency = .none
    /// Per-column aggregation when resampling; unlisted columns are summed.
    public var columnAggStrategies: [String: AggregationStrategy] = [:]
    /// What to do with periods whose dependent variable has no value.
    public var missingDepVar: MissingDepVarPolicy = .error
    /// How a CSV input is written (delimiter, decimal mark); nil means a detected delimiter and a decimal point.
    public var csv: CSVSettings?
    /// Allocator scenario.
    public var budgetScenario: BudgetScenario = .maxHistoricalResponse
    /// Total budget for `max_response_expected_spend`.
    public var expectedSpend: Double?
    /// Per-spend-column budgets; normalised to `expected_spend`.
    public var channelBudgets: [String: Double] = [:]
    /// Random seed; the same seed and inputs give byte-identical results.
    public var seed: UInt64 = 123
    /// Candidate models per trial.
    public var iterations: Int = 2000
    /// Independent optimiser runs.
    public var trials: Int = 5
    /// Worker threads; nil means all cores. Results do not depend on it.
    public var threads: Int?
    /// Where run folders are written: a directory or `gs://bucket/prefix`.
    public var outputLocation: String?
    /// Run folder name chosen by the caller (see ``RunTimestamp``); nil means now.
    public var outputTimestamp: String?
    /// Input data location (local path or `gs://` URI); the CLI's `--data` overrides it.
    public var dataPath: String?
    /// Optional annotations file, copied next to the run; not used by the model.
    public var annotationsPath: String?
    /// Benchmark identity when this job is a benchmark variant.
    public var benchmark: BenchmarkTags?
    /// Lift studies for calibration (MAPE.LIFT as a third objective): a CSV path or an inline list. nil: none.
    public var calibrationInput: CalibrationInput?
    /// Robyn's `calibration_constraint`: only models whose MAPE.LIFT is within this quantile are selectable (0.01–0.1).
    public var calibrationConstraint: Double = 0.1
    /// Robyn's MAPE.LIFT formula, or the corrected form (docs/calibration.md).
    public var calibrationFormula: CalibrationFormula = .robyn
    /// How the best model is chosen when there are lift studies.
    public var calibratedSelection: CalibratedSelection = .defaultRule
    /// Prior beliefs about paid channels' ROIs, keyed by spend column or var (the Bayesian backend only).
    public var roiPriors: [String: ROIPrior] = [:]

    /// Creates a configuration with defaults for everything but the essentials.
    public init(depVar: String, paidMedia: [MediaPair]) {
        self.depVar = depVar
        self.paidMedia = paidMedia
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case country
        case countryColumn = "country_column"
        case revision
        case depVar = "dep_var"
        case depVarType = "dep_var_type"
        case dateVar = "date_var"
        case paidMedia = "paid_media"
        case organicVars = "organic_vars"
        case contextVars = "context_vars"
        case factorVars = "factor_vars"
        case baselineVars = "baseline_vars"
        case baselineColumns = "baseline_columns"
        case holidaysCountry = "holidays_country"
        case holidaysPath = "holidays_path"
        case startDate = "start_date"
        case endDate = "end_date"
        case adstock
        case hyperparameterPreset = "hyperparameter_preset"
        case customHyperparameters = "custom_hyperparameters"
        case trainSize = "train_size"
        case resampleFreq = "resample_freq"
        case columnAggStrategies = "column_agg_strategies"
        case missingDepVar = "missing_dep_var"
        case csv
        case budgetScenario = "budget_scenario"
        case expectedSpend = "expected_spend"
        case channelBudgets = "channel_budgets"
        case seed, iterations, trials, threads
        case outputLocation = "output_location"
        case outputTimestamp = "output_timestamp"
        case dataPath = "data_path"
        case annotationsPath = "annotations_path"
        case benchmark
        case calibrationInput = "calibration_input"
        case calibrationConstraint = "calibration_constraint"
        case calibrationFormula = "calibration_formula"
        case calibratedSelection = "calibrated_selection"
        case roiPriors = "roi_priors"
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))
    /// The JSON keys that must be present.
    public static let requiredJSONKeys: Set<String> = ["dep_var", "paid_media"]
}
