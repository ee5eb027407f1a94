extension PreparationSteps {
    /// Names tried, case-insensitively, when the configuration names no date column (as the previous system did).
    public static let conventionalDateColumns = ["DATE", "DS", "DATUM", "FECHA", "DATA"]

    /// `locate_date_column`: finds the date column (configured `date_var`, else DATE/DS/DATUM/FECHA/DATA) and makes
    /// every cell a date.
    /// - Throws: ``DataError`` if no date column exists, a date is empty, or a cell is not a date.
    public static func locateDateColumn(_ state: inout PreparationState) throws {
        let rowsIn = state.table.rowCount
        let available = state.table.columnNames.joined(separator: ", ")
        let index: Int
        if let configured = state.config.dateVar {
            guard let found = state.table.indexIgnoringCase(configured) else {
                throw state.error(
                    .missingColumn(configured), "date column '\(configured)' (date_var) is not in the data",
                    hint: "columns are: \(available)")
            }
            index = found
        } else {
            let table = state.table
            let all = table.columnNames.filter { conventionalDateColumns.contains($0.uppercased()) }
            if all.count > 1 {
                throw state.error(
                    .noDateColumn, "several date columns (\(all.joined(separator: ", ")))", hint: "set date_var in the config")
            }
            guard let found = conventionalDateColumns.lazy.compactMap({ table.indexIgnoringCase($0) }).first else {
                throw state.error(
                    .noDateColumn, "no date column found (looked for \(conventionalDateColumns.joined(separator: ", ")))",
                    hint: "set date_var in the config; columns are: \(available)")
            }
            index = found
        }
        let column = state.table.columns[index]
        let dates: [CalendarDate]
        switch column.values {
        case .date(let values):
            if let row = values.firstIndex(where: { $0 == nil }) {
                throw state.error(.unparseableDate, "the date is empty", row: row, column: column.name,
                    hint: "every row needs a date")
            }
            dates = values.compactMap { $0 }
        case .text(let values):
            dates = try parseDates(values, column: column.name, state: state)
        case .number(let values):
            let row = values.firstIndex { !$0.isNaN } ?? 0
            throw state.error(
                .unparseableDate, "value '\(column.cellText(row))' is a number, not a date", row: row,
                column: column.name, hint: "write dates as YYYY-MM-DD")
        }
        try state.table.setColumn(Column(name: column.name, values: .date(dates)))
        state.dateColumn = column.name
        state.manifest.dateColumn = column.name
        state.record("locate_date_column", rowsIn: rowsIn, notes: [.info("date_column", "date column '\(column.name)'")])
    }

    /// Parses a text column of dates: the format is the one of the first cell, and every cell must use it.
    private static func parseDates(_ values: [String?], column: String, state: PreparationState) throws -> [CalendarDate] {
        guard let firstRow = values.firstIndex(where: { $0 != nil }), let first = values[firstRow] else {
            throw state.error(.unparseableDate, "the date column is empty", column: column)
        }
        guard let format = DateFormat.detect(first) else {
            throw state.error(
                .unparseableDate, "value '\(first)' is not a date", row: firstRow, column: column,
                hint: "use YYYY-MM-DD, YYYY/MM/DD, DD.MM.YYYY or an ISO 8601 timestamp")
        }
        var dates: [CalendarDate] = []
        dates.reserveCapacity(values.count)
        for (row, value) in values.enumerated() {
            guard let value else {
                throw state.error(.unparseableDate, "the date is empty", row: row, column: column,
                    hint: "every row needs a date")
            }
            guard let date = format.parse(value) else {
                throw state.error(
                    .unparseableDate, "value '\(value)' is not a date in the column's format \(format.rawValue)",
                    row: row, column: column, hint: "write every date the same way")
            }
            dates.append(date)
        }
        return dates
    }
}
