/// What data preparation did, written next to every prepared file and run (`preparation_manifest.json`).
public struct PreparationManifest: Codable, Sendable, Equatable {
    /// One step's effect.
    public struct Step: Codable, Sendable, Equatable {
        /// Step name, e.g. `collapse_duplicate_dates`.
        public var name: String
        /// Rows before the step.
        public var rowsIn: Int
        /// Rows after the step.
        public var rowsOut: Int
        /// What the step did or found, one sentence each.
        public var notes: [String]

        enum CodingKeys: String, CodingKey {
            case name
            case rowsIn = "rows_in"
            case rowsOut = "rows_out"
            case notes
        }
    }

    /// A column that is not in the prepared output, and why.
    public struct DroppedColumn: Codable, Sendable, Equatable {
        /// Column name.
        public var column: String
        /// Why it was dropped.
        public var reason: String
    }

    /// The modelling window after snapping to data dates.
    public struct Window: Codable, Sendable, Equatable {
        /// First modelled date.
        public var start: CalendarDate
        /// Last modelled date.
        public var end: CalendarDate
        /// Rows in the window.
        public var rows: Int
        /// Rows before the window kept as adstock warm-up.
        public var warmupRows: Int
        /// Rows after the window (kept, as Robyn does, but not modelled).
        public var rowsAfter: Int

        enum CodingKeys: String, CodingKey {
            case start, end, rows
            case warmupRows = "warmup_rows"
            case rowsAfter = "rows_after"
        }
    }

    /// Format version (1).
    public var schemaVersion = 1
    /// The input's name (file path or query label).
    public var source: String
    /// SHA-256 of the input bytes, hex.
    public var sourceSHA256: String?
    /// Input rows and columns.
    public var inputRows: Int
    public var inputColumns: Int
    /// The date column used.
    public var dateColumn: String?
    /// The steps in order.
    public var steps: [Step] = []
    /// Columns not in the output.
    public var droppedColumns: [DroppedColumn] = []
    /// Warnings (also in the step notes), for quick reading.
    public var warnings: [String] = []
    /// Cadence after preparation: `daily`, `weekly` or `monthly`.
    public var cadence: String?
    /// First and last date of the output.
    public var firstDate: CalendarDate?
    public var lastDate: CalendarDate?
    /// The modelling window.
    public var window: Window?
    /// Output rows and columns.
    public var outputRows: Int = 0
    public var outputColumns: [String] = []
    /// Set when the run must be skipped (constant dependent variable, no spend variance…).
    public var skipReason: String?

    /// Creates an empty manifest for an input.
    public init(source: String, inputRows: Int, inputColumns: Int, sourceSHA256: String? = nil) {
        self.source = source
        self.inputRows = inputRows
        self.inputColumns = inputColumns
        self.sourceSHA256 = sourceSHA256
    }

    /// The JSON keys this contract writes.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case source
        case sourceSHA256 = "source_sha256"
        case inputRows = "input_rows"
        case inputColumns = "input_columns"
        case dateColumn = "date_column"
        case steps
        case droppedColumns = "dropped_columns"
        case warnings, cadence
        case firstDate = "first_date"
        case lastDate = "last_date"
        case window
        case outputRows = "output_rows"
        case outputColumns = "output_columns"
        case skipReason = "skip_reason"
    }
}
