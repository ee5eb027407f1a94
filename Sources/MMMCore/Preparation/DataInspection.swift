/// A quick health report of a raw table, as `mmm-cli data inspect` prints it.
public struct DataInspection: Codable, Sendable, Equatable {
    /// One column's profile.
    public struct ColumnProfile: Codable, Sendable, Equatable {
        public var name: String
        /// `number`, `date` or `text`.
        public var type: ColumnKind
        /// Empty (or NA) cells.
        public var missing: Int
        /// Distinct non-missing values.
        public var distinct: Int
        /// Smallest and largest number (number columns).
        public var min: Double?
        public var max: Double?
        /// Negative cells (number columns).
        public var negatives: Int?
        /// True when the column has at most one distinct value.
        public var zeroVariance: Bool
        /// For text columns: the first cell that is not a number (1-based file line and value).
        public var firstNonNumericLine: Int?
        public var firstNonNumericValue: String?
        /// For text columns: how many cells parse as numbers.
        public var numericCells: Int?

        enum CodingKeys: String, CodingKey {
            case name, type, missing, distinct, min, max, negatives
            case zeroVariance = "zero_variance"
            case firstNonNumericLine = "first_non_numeric_line"
            case firstNonNumericValue = "first_non_numeric_value"
            case numericCells = "numeric_cells"
        }
    }

    /// The source name.
    public var source: String
    public var rows: Int
    public var columns: [ColumnProfile]
    /// The date column found by the conventional names (or nil).
    public var dateColumn: String?
    public var firstDate: CalendarDate?
    public var lastDate: CalendarDate?
    /// `daily`, `weekly`, `monthly`, or nil when irregular.
    public var cadence: String?
    /// Missing periods between first and last date.
    public var missingPeriods: Int
    /// The first few gaps, as "after DATE: N".
    public var gaps: [String]
    /// Dates that occur more than once.
    public var duplicateDates: Int
    /// Problems worth fixing before training, one sentence each.
    public var findings: [String]

    enum CodingKeys: String, CodingKey {
        case source, rows, columns
        case dateColumn = "date_column"
        case firstDate = "first_date"
        case lastDate = "last_date"
        case cadence
        case missingPeriods = "missing_periods"
        case gaps
        case duplicateDates = "duplicate_dates"
        case findings
    }

    /// Profiles a table.
    /// - Parameters:
    ///   - table: the data.
    ///   - source: its name.
    ///   - dateColumn: the date column to use; nil tries DATE, DS, DATUM, FECHA, DATA.
    public init(table: DataTable, source: String, dateColumn: String? = nil) {
        self.source = source
        rows = table.rowCount
        columns = table.columns.map { Self.profile($0, table) }
        let dateName = dateColumn
            ?? PreparationSteps.conventionalDateColumns.lazy.compactMap { table.indexIgnoringCase($0) }.first
            .map { table.columns[$0].name }
        self.dateColumn = dateName
        var findings: [String] = []
        var dates: [CalendarDate] = []
        if let dateName, let column = table[dateName] {
            switch column.values {
            case .date(let values): dates = values.compactMap { $0 }
            case .text(let values):
                let format = values.lazy.compactMap { $0 }.first.flatMap(DateFormat.detect)
                dates = values.compactMap { $0.flatMap { format?.parse($0) } }
                if dates.count < values.count { findings.append("\(values.count - dates.count) cells of '\(dateName)' are not dates") }
            case .number: findings.append("'\(dateName)' holds numbers, not dates")
            }
        } else {
            findings.append("no date column (DATE, DS, DATUM, FECHA, DATA); name one with --date-column")
        }
        firstDate = dates.min()
        lastDate = dates.max()
        let report = CadenceDetector.analyse(dates)
        cadence = report.cadence?.rawValue
        missingPeriods = report.missingPeriods
        gaps = report.gaps.prefix(10).map { "after \($0.after): \($0.missingPeriods)" }
        duplicateDates = report.duplicateDates
        if !dates.isEmpty, report.cadence == nil {
            findings.append("dates are irregular (first at \(report.firstIrregularDate?.description ?? "?"))")
        }
        let countryColumn = PreparationSteps.conventionalCountryColumns.lazy.compactMap { table.indexIgnoringCase($0) }
            .first.map { table.columns[$0] }
        let countries = Set(countryColumn?.texts?.compactMap { $0 } ?? []).sorted()
        if countries.count > 1, let name = countryColumn?.name {
            findings.append(
                "'\(name)' holds \(countries.count) countries (\(countries.prefix(8).joined(separator: ", "))); set country in the job config to model one")
        }
        if report.duplicateDates > 0 {
            findings.append(
                countries.count > 1
                    ? "\(report.duplicateDates) duplicate dates across countries (one row per date remains after the country filter)"
                    : "\(report.duplicateDates) duplicate dates (they are summed by data prepare)")
        }
        if report.missingPeriods > 0 {
            findings.append(
                "\(report.missingPeriods) missing periods (data prepare fills drivers with 0; the dep_var on those dates needs missing_dep_var)")
        }
        for c in columns where c.name != dateName {
            if let n = c.negatives, n > 0 { findings.append("'\(c.name)' has \(n) negative values") }
            if c.zeroVariance { findings.append("'\(c.name)' does not vary") }
            if let line = c.firstNonNumericLine, let value = c.firstNonNumericValue, c.type == .text,
                let numeric = c.numericCells, numeric * 2 >= rows - c.missing
            {
                findings.append("'\(c.name)' looks numeric but line \(line) holds '\(value)'")
            }
            if c.type == .text, let value = c.firstNonNumericValue, value.contains(","),
                NumberParser.parse(value, decimalMark: CSVDecimalMark.comma.byte) != nil
            {
                findings.append("'\(c.name)' has numbers with a decimal comma ('\(value)'); read the file with csv.decimal ','")
            }
        }
        self.findings = findings
    }

    private static func profile(_ column: Column, _ table: DataTable) -> ColumnProfile {
        var p = ColumnProfile(
            name: column.name, type: column.values.kind, missing: 0, distinct: 0, zeroVariance: false)
        switch column.values {
        case .number(let v):
            let present = v.filter { !$0.isNaN }
            p.missing = v.count - present.count
            p.distinct = Set(present).count
            p.min = present.min()
            p.max = present.max()
            p.negatives = present.filter { $0 < 0 }.count
        case .date(let v):
            p.missing = v.filter { $0 == nil }.count
            p.distinct = Set(v.compactMap { $0 }).count
        case .text(let v):
            p.missing = v.filter { $0 == nil }.count
            p.distinct = Set(v.compactMap { $0 }).count
            p.firstNonNumericLine = column.firstNonNumeric.flatMap { table.sourceLine(ofRow: $0.row) }
            p.firstNonNumericValue = column.firstNonNumeric?.value
            p.numericCells = v.lazy.compactMap { $0 }.filter { NumberParser.parse($0) != nil }.count
        }
        p.zeroVariance = p.distinct <= 1
        return p
    }
}
