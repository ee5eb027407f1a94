import MMMCore

/// One output column of the baseline decomposition.
package struct BaselineColumn: Sendable, Equatable {
    /// What the column holds.
    package enum Kind: Sendable, Equatable {
        /// A Prophet component: `trend`, `season` (yearly), `holiday` (sum of holiday effects), `weekday` (weekly)
        /// or `monthly`.
        case term(BaselineTerm)
        /// A factor variable: the sum of its dummy effects, shifted so its minimum is 0 (replaces the factor).
        case factor
    }

    /// `trend`, `season`, `holiday`, `weekday`, `monthly`, or the factor variable's name.
    package var name: String
    /// What it holds.
    package var kind: Kind
    /// One value per data row, in dependent-variable units.
    package var values: [Double]

    /// Creates a column.
    package init(name: String, kind: Kind, values: [Double]) {
        self.name = name
        self.kind = kind
        self.values = values
    }
}

/// How the decomposition fit went, for logs, manifests and tests.
package struct BaselineDiagnostics: Sendable, Equatable {
    /// R² of the decomposition's fitted values against the dependent variable, over all rows.
    package var rSquared: Double
    /// Estimated observation noise (σ) in dependent-variable units.
    package var noiseScale: Double
    /// Prophet's y scale: max |y|.
    package var yScale: Double
    /// Distinct holidays (after reshaping to the cadence) that fall on at least one data date.
    package var holidaysUsed: Int
    /// Their names, in order of first occurrence.
    package var holidayNames: [String]
    /// Dates of the potential trend changepoints.
    package var changepoints: [CalendarDate]
    /// Fitted rate change at each changepoint, in dependent-variable units per day (0 = not used).
    package var changepointRateChanges: [Double]
    /// Dummy columns made from the factor variables, e.g. `events_event1`.
    package var factorDummies: [String]
    /// Alternations of the MAP fit.
    package var iterations: Int
    /// Whether the MAP fit converged within its tolerance.
    package var converged: Bool
    /// Requested terms that were not built, and other remarks, one sentence each.
    package var notes: [String]
}

/// The baseline features Robyn takes from Prophet: named columns over all rows plus diagnostics.
package struct BaselineComponents: Sendable, Equatable {
    /// The data dates, one per row.
    package var dates: [CalendarDate]
    /// The columns in a stable order: requested terms in the order asked (without duplicates or ignored ones), then
    /// factor variables in the order given.
    package var columns: [BaselineColumn]
    /// The decomposition's fitted values (all components, factor effects unshifted) in dependent-variable units.
    package var fitted: [Double]
    /// How the fit went.
    package var diagnostics: BaselineDiagnostics

    /// The column names, in order.
    package var columnNames: [String] { columns.map(\.name) }

    /// The columns keyed by name.
    package var columnsByName: [String: [Double]] {
        Dictionary(columns.map { ($0.name, $0.values) }, uniquingKeysWith: { first, _ in first })
    }

    /// The values of a column by name, or nil.
    package subscript(name: String) -> [Double]? {
        columns.first { $0.name == name }?.values
    }
}
