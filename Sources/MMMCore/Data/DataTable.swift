/// An in-memory table of named, typed columns, all of the same length.
public struct DataTable: Sendable, Equatable {
    /// The columns in file order.
    public private(set) var columns: [Column]
    /// Number of data rows.
    public private(set) var rowCount: Int
    /// The 1-based line of the source file on which each row starts (0 for rows that no file line holds, such as
    /// inserted gap rows); empty when unknown. Kept through row selection so errors name the real line even after
    /// quoted line breaks, blank lines, sorting and filtering.
    public private(set) var sourceLines: [Int]

    /// Creates a table; every column must have `rowCount` cells and names must be unique.
    /// - Parameter sourceLines: the file line of each row, or empty when unknown.
    /// - Throws: ``DataError`` when lengths differ or a name repeats.
    public init(columns: [Column], sourceLines: [Int] = []) throws {
        let count = columns.first?.values.count ?? 0
        var seen: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            guard column.values.count == count else {
                throw DataError(.invalidTable, "column '\(column.name)' has \(column.values.count) cells, expected \(count)")
            }
            if let first = seen[column.name] {
                throw DataError(
                    .duplicateColumn(column.name),
                    "duplicate column name '\(column.name)' (columns \(first + 1) and \(index + 1)); rename one of them")
            }
            seen[column.name] = index
        }
        self.columns = columns
        self.rowCount = count
        self.sourceLines = sourceLines.count == count ? sourceLines : []
    }

    /// The file line of a row, when known.
    public func sourceLine(ofRow row: Int) -> Int? {
        guard sourceLines.indices.contains(row), sourceLines[row] > 0 else { return nil }
        return sourceLines[row]
    }

    /// Column names in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The index of a column by exact name.
    public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The index of a column by case-insensitive name; nil if absent or ambiguous.
    public func indexIgnoringCase(_ name: String) -> Int? {
        let lower = name.lowercased()
        let matches = columns.indices.filter { columns[$0].name.lowercased() == lower }
        return matches.count == 1 ? matches[0] : (index(of: name))
    }

    /// The column with this exact name.
    public subscript(name: String) -> Column? {
        index(of: name).map { columns[$0] }
    }

    /// A table with only the given rows, in that order.
    public func selectingRows(_ rows: [Int]) -> DataTable {
        var copy = self
        copy.columns = columns.map { Column(name: $0.name, values: $0.values.selecting(rows)) }
        copy.rowCount = rows.count
        copy.sourceLines = sourceLines.isEmpty ? [] : rows.map { sourceLines[$0] }
        return copy
    }

    /// A table without the named columns.
    public func removingColumns(_ names: Set<String>) -> DataTable {
        var copy = self
        copy.columns.removeAll { names.contains($0.name) }
        return copy
    }

    /// Replaces the values of an existing column (same length) or appends a new column.
    /// - Throws: ``DataError`` if the length differs from the table's row count.
    public mutating func setColumn(_ column: Column) throws {
        guard column.values.count == rowCount || columns.isEmpty else {
            throw DataError(.invalidTable, "column '\(column.name)' has \(column.values.count) cells, expected \(rowCount)")
        }
        if let i = index(of: column.name) {
            columns[i] = column
        } else {
            columns.append(column)
            rowCount = column.values.count
        }
    }
}
