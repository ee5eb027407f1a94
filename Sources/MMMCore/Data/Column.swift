/// The values of one table column, typed by what the reader inferred.
public enum ColumnValues: Sendable, Equatable {
    /// Numbers; a missing cell is `Double.nan`.
    case number([Double])
    /// Calendar days; a missing cell is nil.
    case date([CalendarDate?])
    /// Text; a missing (empty) cell is nil.
    case text([String?])

    /// Number of cells.
    public var count: Int {
        switch self {
        case .number(let v): return v.count
        case .date(let v): return v.count
        case .text(let v): return v.count
        }
    }

    /// The kind of values held.
    public var kind: ColumnKind {
        switch self {
        case .number: return .number
        case .date: return .date
        case .text: return .text
        }
    }

    /// The cells at the given row indices, in that order.
    public func selecting(_ rows: [Int]) -> ColumnValues {
        switch self {
        case .number(let v): return .number(rows.map { v[$0] })
        case .date(let v): return .date(rows.map { v[$0] })
        case .text(let v): return .text(rows.map { v[$0] })
        }
    }

    /// Whether the cell at `row` is missing.
    public func isMissing(_ row: Int) -> Bool {
        switch self {
        case .number(let v): return v[row].isNaN
        case .date(let v): return v[row] == nil
        case .text(let v): return v[row] == nil
        }
    }
}

/// The type of a column.
public enum ColumnKind: String, Sendable, Codable, Equatable {
    case number, date, text
}

/// One named column of a ``DataTable``.
public struct Column: Sendable, Equatable {
    /// Column name as written in the header.
    public var name: String
    /// The cells.
    public var values: ColumnValues
    /// For a text column: the first cell that is not a number (0-based data row), so a step that needs a number
    /// can say exactly which cell is wrong.
    public var firstNonNumeric: CellSample?

    /// Creates a column.
    public init(name: String, values: ColumnValues, firstNonNumeric: CellSample? = nil) {
        self.name = name
        self.values = values
        self.firstNonNumeric = firstNonNumeric
    }

    /// The numbers of a number column, or nil for other kinds.
    public var numbers: [Double]? {
        if case .number(let v) = values { return v }
        return nil
    }

    /// The dates of a date column, or nil for other kinds.
    public var dates: [CalendarDate?]? {
        if case .date(let v) = values { return v }
        return nil
    }

    /// The strings of a text column, or nil for other kinds.
    public var texts: [String?]? {
        if case .text(let v) = values { return v }
        return nil
    }

    /// The text of a cell as it would be written to CSV ("" when missing).
    public func cellText(_ row: Int) -> String {
        switch values {
        case .number(let v): return v[row].isNaN ? "" : NumberFormatting.shortest(v[row])
        case .date(let v): return v[row]?.description ?? ""
        case .text(let v): return v[row] ?? ""
        }
    }
}

/// One cell, located by its 0-based data row, for error messages.
public struct CellSample: Sendable, Equatable {
    /// 0-based data row (the header is not counted).
    public var row: Int
    /// The cell's text.
    public var value: String

    /// Creates a sample.
    public init(row: Int, value: String) {
        self.row = row
        self.value = value
    }
}
