import MMMCore

/// The value types a Parquet column is read as (and can be written as).
///
/// | kind | written as | read from |
/// |---|---|---|
/// | ``boolean`` | BOOLEAN | BOOLEAN |
/// | ``int64`` | INT64 | INT32/INT64 (signed or unsigned up to 32 bits, INT(…) annotations) |
/// | ``double`` | DOUBLE | DOUBLE, FLOAT, FLOAT16, DECIMAL (any storage), UINT64 |
/// | ``string`` | BYTE_ARRAY (STRING) | BYTE_ARRAY (UTF-8 or unannotated), ENUM, JSON, UUID and TIME as text |
/// | ``date`` | INT32 (DATE) | INT32 DATE |
/// | ``timestamp`` | INT64 (TIMESTAMP µs, UTC) | TIMESTAMP ms/µs/ns, INT96 |
public enum ParquetValueKind: String, Sendable, Equatable, CaseIterable {
    /// True/false flags.
    case boolean
    /// 64-bit signed integers.
    case int64
    /// 64-bit floating point numbers.
    case double
    /// UTF-8 text.
    case string
    /// Calendar days.
    case date
    /// Instants in microseconds since the epoch (UTC).
    case timestamp
}

/// The cells of one column; `nil` is a null cell.
public enum ParquetValues: Sendable, Equatable {
    /// True/false flags.
    case boolean([Bool?])
    /// 64-bit integers.
    case int64([Int64?])
    /// Floating-point numbers (NaN is a value, not a null).
    case double([Double?])
    /// UTF-8 text.
    case string([String?])
    /// Calendar days.
    case date([CalendarDate?])
    /// Instants as microseconds since 1970-01-01T00:00:00Z.
    case timestamp([Int64?])

    /// Number of cells.
    public var count: Int {
        switch self {
        case .boolean(let v): v.count
        case .int64(let v): v.count
        case .double(let v): v.count
        case .string(let v): v.count
        case .date(let v): v.count
        case .timestamp(let v): v.count
        }
    }

    /// The kind of values held.
    public var kind: ParquetValueKind {
        switch self {
        case .boolean: .boolean
        case .int64: .int64
        case .double: .double
        case .string: .string
        case .date: .date
        case .timestamp: .timestamp
        }
    }

    /// Whether the cell at `row` is null.
    /// - Parameter row: a row index in `0..<count`.
    public func isNull(_ row: Int) -> Bool {
        switch self {
        case .boolean(let v): v[row] == nil
        case .int64(let v): v[row] == nil
        case .double(let v): v[row] == nil
        case .string(let v): v[row] == nil
        case .date(let v): v[row] == nil
        case .timestamp(let v): v[row] == nil
        }
    }
}

/// One named, typed column of a ``ParquetTable``.
public struct ParquetColumn: Sendable, Equatable {
    /// Column name (the schema field name).
    public var name: String
    /// The cells.
    public var values: ParquetValues
    /// Whether the column may hold nulls (OPTIONAL); a REQUIRED column must have none when written.
    public var isNullable: Bool

    /// Creates a column.
    /// - Parameters:
    ///   - name: the field name.
    ///   - values: the cells.
    ///   - isNullable: OPTIONAL (true, the default) or REQUIRED.
    public init(name: String, values: ParquetValues, isNullable: Bool = true) {
        self.name = name
        self.values = values
        self.isNullable = isNullable
    }
}

/// A table of typed columns of equal length: what ``ParquetWriter`` writes for results tables and what
/// ``ParquetReader/readColumns(path:)`` returns.
public struct ParquetTable: Sendable, Equatable {
    /// The columns in schema order.
    public private(set) var columns: [ParquetColumn]
    /// Number of rows.
    public private(set) var rowCount: Int

    /// Creates a table.
    /// - Parameter columns: columns of equal length with unique, non-empty names.
    /// - Throws: ``DataError`` when lengths differ, a name is empty or repeats, or a REQUIRED column holds a null.
    public init(columns: [ParquetColumn]) throws {
        let count = columns.first?.values.count ?? 0
        var seen: Set<String> = []
        for column in columns {
            guard !column.name.isEmpty else { throw DataError(.invalidTable, "a Parquet column needs a name") }
            guard seen.insert(column.name).inserted else {
                throw DataError(.duplicateColumn(column.name), "duplicate column name '\(column.name)'")
            }
            guard column.values.count == count else {
                throw DataError(
                    .invalidTable, "column has \(column.values.count) cells, expected \(count)", column: column.name)
            }
            if !column.isNullable, let row = (0..<count).first(where: { column.values.isNull($0) }) {
                throw DataError(.invalidTable, "row \(row + 1) is null but the column is REQUIRED", column: column.name)
            }
        }
        self.columns = columns
        self.rowCount = count
    }

    /// The column with this exact name.
    public subscript(name: String) -> ParquetColumn? {
        columns.first { $0.name == name }
    }
}
