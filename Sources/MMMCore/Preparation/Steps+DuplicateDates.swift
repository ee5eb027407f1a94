extension PreparationSteps {
    /// `collapse_duplicate_dates`: sorts by date and merges rows that share a date — numbers are summed (missing
    /// cells ignored), text and other dates take the first non-missing value.
    public static func collapseDuplicateDates(_ state: inout PreparationState) throws {
        let rowsIn = state.table.rowCount
        let dates = state.dates
        let order = dates.indices.sorted { dates[$0] != dates[$1] ? dates[$0] < dates[$1] : $0 < $1 }
        var groups: [[Int]] = []
        for row in order {
            if let last = groups.last?.last, dates[last] == dates[row] {
                groups[groups.count - 1].append(row)
            } else {
                groups.append([row])
            }
        }
        let duplicated = groups.filter { $0.count > 1 }
        guard !duplicated.isEmpty else {
            state.table = state.table.selectingRows(order)
            state.record("collapse_duplicate_dates", rowsIn: rowsIn, notes: [.info("no_duplicate_dates", "no duplicate dates")])
            return
        }
        let columns = state.table.columns.map { column -> Column in
            switch column.values {
            case .number(let v):
                return Column(name: column.name, values: .number(groups.map { group in
                    let present = group.map { v[$0] }.filter { !$0.isNaN }
                    return present.isEmpty ? .nan : present.reduce(0, +)
                }))
            case .date(let v):
                return Column(name: column.name, values: .date(groups.map { g in g.lazy.compactMap { v[$0] }.first }))
            case .text(let v):
                return Column(name: column.name, values: .text(groups.map { g in g.lazy.compactMap { v[$0] }.first }))
            }
        }
        let lines = state.table.sourceLines
        state.table = try DataTable(columns: columns, sourceLines: lines.isEmpty ? [] : groups.map { lines[$0[0]] })
        let examples = duplicated.prefix(3).map { "\(dates[$0[0]]) ×\($0.count)" }.joined(separator: ", ")
        state.record(
            "collapse_duplicate_dates", rowsIn: rowsIn,
            notes: [
                .warning(
                    "duplicate_dates",
                    "\(duplicated.count) dates appeared more than once (\(examples)); numbers were summed, text took the first value"
                )
            ])
    }
}
