/// The table and facts handed from one preparation step to the next.
public struct PreparationState: Sendable {
    /// The table as prepared so far.
    public var table: DataTable
    /// The configuration, with drivers removed as steps drop them.
    public var config: JobConfig
    /// Where the data came from (for error messages).
    public var source: String
    /// The date column's name once found.
    public var dateColumn: String?
    /// The data's cadence once detected.
    public var cadence: Cadence?
    /// The modelling window once resolved: first and last row (0-based, inclusive).
    public var windowRows: ClosedRange<Int>?
    /// What happened so far.
    public var manifest: PreparationManifest
    /// Set when the data cannot be modelled (the run is SKIPPED, not FAILED).
    public var skipReason: String?

    /// Starts preparing `table` for `config`.
    public init(table: DataTable, config: JobConfig, source: String, sourceSHA256: String? = nil) {
        self.table = table
        self.config = config
        self.source = source
        self.manifest = PreparationManifest(
            source: source, inputRows: table.rowCount, inputColumns: table.columns.count, sourceSHA256: sourceSHA256)
    }

    /// The dates of the date column (after the date step every cell is a date).
    public var dates: [CalendarDate] {
        guard let name = dateColumn, let values = table[name]?.dates else { return [] }
        return values.map { $0 ?? CalendarDate(daysSinceEpoch: 0) }
    }

    /// Everything the steps reported, in order, each attributed to its step.
    public var diagnostics: [Diagnostic] = []

    /// Appends a step record. The diagnostics are kept as values (``diagnostics``) and rendered into the manifest:
    /// each as a step note (warnings as `warning: …`, as the manifest has always shown them) and warnings also under
    /// `warnings`.
    public mutating func record(_ name: String, rowsIn: Int, notes: [Diagnostic]) {
        let attributed = notes.map { $0.inStep(name) }
        diagnostics += attributed
        manifest.steps.append(
            .init(name: name, rowsIn: rowsIn, rowsOut: table.rowCount, notes: attributed.map(Self.manifestNote)))
        for note in attributed where note.severity == .warning { manifest.warnings.append(note.message) }
    }

    /// How a diagnostic reads in a manifest step's notes.
    static func manifestNote(_ diagnostic: Diagnostic) -> String {
        diagnostic.severity == .warning || diagnostic.severity == .error
            ? "\(diagnostic.severity.rawValue): \(diagnostic.message)" : diagnostic.message
    }

    /// A data error located in this source.
    func error(
        _ reason: DataError.Reason, _ message: String, row: Int? = nil, column: String? = nil, hint: String? = nil
    ) -> DataError {
        DataError(reason, message, file: source, line: row.flatMap { table.sourceLine(ofRow: $0) }, column: column, hint: hint)
    }

    /// Numeric columns the configuration uses: the dependent variable, spends, vars, organic and numeric context.
    var numericRoleColumns: [String] {
        var names = [config.depVar]
        for pair in config.paidMedia {
            names.append(pair.spend)
            if pair.usesExposure { names.append(pair.variable) }
        }
        names += config.organicVars
        names += config.baselineColumns
        names += config.contextVars.filter { !config.factorVars.contains($0) }
        return names
    }
}
