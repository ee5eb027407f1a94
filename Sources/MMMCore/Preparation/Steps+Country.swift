extension PreparationSteps {
    /// Columns tried, in order, when no `country_column` is configured.
    public static let conventionalCountryColumns = ["COUNTRY", "COUNTRY_CODE", "MARKET", "COUNTRY_ISO", "LOCALE"]

    /// `filter_country`: keeps the configured country's rows of a multi-country table.
    ///
    /// The column is `country_column`, else the first of COUNTRY, COUNTRY_CODE, MARKET, COUNTRY_ISO, LOCALE that
    /// contains the country (case-insensitive). Without a configured country, or without such a column, every row is
    /// kept and the manifest says so.
    /// - Throws: ``DataError`` if the configured column is missing or no row is left.
    public static func filterCountry(_ state: inout PreparationState) throws {
        let rowsIn = state.table.rowCount
        guard let country = state.config.country?.lowercased() else {
            // Summing several countries into one series would be a silent, wrong model.
            let table = state.table
            let candidates = (state.config.countryColumn.map { [$0] } ?? conventionalCountryColumns)
                .compactMap { table.indexIgnoringCase($0) }.map { table.columns[$0] }
            for column in candidates {
                let values = Set(column.texts?.compactMap { $0?.uppercased() } ?? [])
                if values.count > 1 {
                    throw state.error(
                        .invalidValue,
                        "the table holds \(values.count) countries (\(values.sorted().prefix(8).joined(separator: ", ")))",
                        column: column.name, hint: "set country in the job config to model one of them")
                }
            }
            state.record("filter_country", rowsIn: rowsIn, notes: [.info("no_country", "no country configured; all rows kept")])
            return
        }
        func matches(_ value: String?) -> Bool { value?.lowercased() == country }
        var column: Column?
        if let configured = state.config.countryColumn {
            guard let index = state.table.indexIgnoringCase(configured) else {
                throw state.error(.missingColumn(configured), "country_column '\(configured)' is not in the data")
            }
            column = state.table.columns[index]
            guard column?.texts != nil else {
                throw state.error(
                    .invalidValue, "country_column holds numbers or dates, not country codes", column: configured)
            }
        } else {
            let candidates = conventionalCountryColumns.compactMap { state.table.indexIgnoringCase($0) }
                .map { state.table.columns[$0] }
            // The first candidate holding the country; if none holds it, the first candidate (which then leaves no
            // rows and says so) — never silently all countries of a multi-country table.
            column = candidates.first { $0.texts?.contains(where: matches) == true } ?? candidates.first
        }
        guard let column, let values = column.texts else {
            let note = state.config.countryColumn == nil
                ? "no country column holds '\(country)'; all rows kept (single-country data)"
                : "country column is not text; all rows kept"
            state.record("filter_country", rowsIn: rowsIn, notes: [.info("no_country_column", note)])
            return
        }
        let rows = values.indices.filter { matches(values[$0]) }
        guard !rows.isEmpty else {
            let seen = Set(values.compactMap { $0 }).sorted().prefix(10).joined(separator: ", ")
            throw state.error(
                .noRowsLeft, "no rows for country '\(country)' (values seen: \(seen))", column: column.name,
                hint: "set country to one of those values")
        }
        state.table = state.table.selectingRows(rows)
        state.manifest.droppedColumns.append(.init(column: column.name, reason: "country filter column"))
        state.record(
            "filter_country", rowsIn: rowsIn,
            notes: [.info("country_rows", "kept \(rows.count) rows where \(column.name) = \(country.uppercased())")])
    }
}
