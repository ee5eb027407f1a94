/// Turns a raw marketing table into a clean daily, weekly or monthly series for one job configuration.
///
/// Steps, in order (each is a public function so it can be used and tested alone):
/// (`read_csv` when reading a file) → `locate_date_column` → `check_columns` → `filter_country` →
/// `collapse_duplicate_dates` → `detect_cadence` → `fill_gaps` → `check_dep_var` → `fix_negative_drivers` →
/// `resample` → (`drop_missing_dep_var` under `missing_dep_var: drop`) → `fill_missing_values` → `resolve_window` →
/// `drop_zero_variance` → `check_skip_rules` → `select_columns`.
public struct DataPreparer: Sendable {
    /// Options that change what preparation keeps.
    public struct Options: Sendable {
        /// Drop rows outside the modelling window (by default they stay: earlier rows are adstock warm-up, as in Robyn).
        public var trimToWindow = false

        /// Default options.
        public init() {}
    }

    /// The options in use.
    public var options: Options

    /// Creates a preparer.
    public init(options: Options = Options()) { self.options = options }

    /// Runs every step.
    /// - Parameters:
    ///   - table: the raw data.
    ///   - config: the job configuration.
    ///   - source: the data's name for messages and the manifest.
    ///   - sourceSHA256: hex digest of the input bytes, recorded in the manifest.
    /// - Returns: the final state; check ``PreparationState/skipReason`` before modelling.
    /// - Throws: ``DataError`` for unusable data, ``ConfigError`` for configuration that does not fit the data.
    public func prepare(
        _ table: DataTable, config: JobConfig, source: String, sourceSHA256: String? = nil
    ) throws -> PreparationState {
        try prepare(table, config: config, source: source, sourceSHA256: sourceSHA256, readNote: nil)
    }

    /// Runs every step, first recording how the file was read (`read_csv`) when `readNote` is given.
    /// - Parameter readNote: e.g. the CSV delimiter and decimal mark used (``CSVReader/formatNote(for:)``).
    public func prepare(
        _ table: DataTable, config: JobConfig, source: String, sourceSHA256: String?, readNote: String?
    ) throws -> PreparationState {
        var state = PreparationState(table: table, config: config, source: source, sourceSHA256: sourceSHA256)
        if let readNote { state.record("read_csv", rowsIn: table.rowCount, notes: [.info("csv_format", readNote)]) }
        try PreparationSteps.locateDateColumn(&state)
        try PreparationSteps.checkColumns(&state)
        try PreparationSteps.filterCountry(&state)
        try PreparationSteps.collapseDuplicateDates(&state)
        try PreparationSteps.detectCadence(&state)
        try PreparationSteps.fillGaps(&state)
        try PreparationSteps.checkDepVar(&state)
        PreparationSteps.fixNegativeDrivers(&state)
        try PreparationSteps.resample(&state)
        try PreparationSteps.dropMissingDepVar(&state)
        PreparationSteps.fillMissingValues(&state)
        try PreparationSteps.resolveWindow(&state, trim: options.trimToWindow)
        PreparationSteps.dropZeroVariance(&state)
        PreparationSteps.checkSkipRules(&state)
        try PreparationSteps.selectColumns(&state)
        state.manifest.outputRows = state.table.rowCount
        state.manifest.outputColumns = state.table.columnNames
        state.manifest.cadence = state.cadence?.rawValue
        state.manifest.firstDate = state.dates.first
        state.manifest.lastDate = state.dates.last
        state.manifest.skipReason = state.skipReason
        return state
    }
}

/// The preparation steps; each reads and updates a ``PreparationState``.
public enum PreparationSteps {}
