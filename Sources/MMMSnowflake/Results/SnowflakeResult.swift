import Foundation

/// The complete, typed result of one statement.
public struct SnowflakeResult: Sendable, Equatable {
    /// The columns in `rowType` order; all have ``rowCount`` values.
    public let columns: [SnowflakeColumn]
    /// The number of rows decoded (≤ ``totalRowCount``).
    public let rowCount: Int
    /// `resultSetMetaData.numRows`: rows the statement produced on the server.
    public let totalRowCount: Int
    /// Whether a row limit stopped decoding before all rows were read.
    public let isTruncated: Bool
    /// The statement handle (Snowflake query id).
    public let statementHandle: String
    /// The client-generated request id used for submission and retries.
    public let requestID: String
    /// Row counts for DML statements (`stats`), when Snowflake reports them.
    public let dmlStats: SnowflakeDMLStats?
    /// Handles of the child statements of a multi-statement request (empty otherwise).
    public let childStatementHandles: [String]

    /// Creates a result.
    /// - Parameters:
    ///   - columns: The typed columns.
    ///   - rowCount: Decoded rows.
    ///   - totalRowCount: Rows on the server.
    ///   - isTruncated: Whether a row limit cut the result.
    ///   - statementHandle: The query id.
    ///   - requestID: The request id.
    ///   - dmlStats: DML counts, if any.
    ///   - childStatementHandles: Child handles of a multi-statement request.
    public init(
        columns: [SnowflakeColumn], rowCount: Int, totalRowCount: Int, isTruncated: Bool, statementHandle: String,
        requestID: String, dmlStats: SnowflakeDMLStats? = nil, childStatementHandles: [String] = []
    ) {
        self.columns = columns
        self.rowCount = rowCount
        self.totalRowCount = totalRowCount
        self.isTruncated = isTruncated
        self.statementHandle = statementHandle
        self.requestID = requestID
        self.dmlStats = dmlStats
        self.childStatementHandles = childStatementHandles
    }

    /// The column with this name (exact match first, then case-insensitive).
    /// - Parameter name: The column name.
    /// - Returns: The column, or `nil`.
    public func column(named name: String) -> SnowflakeColumn? {
        columns.first { $0.name == name } ?? columns.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}

/// Counts Snowflake reports for DML statements.
public struct SnowflakeDMLStats: Sendable, Equatable, Decodable {
    /// Rows inserted.
    public let numRowsInserted: Int?
    /// Rows updated.
    public let numRowsUpdated: Int?
    /// Rows deleted.
    public let numRowsDeleted: Int?
    /// Duplicate rows updated.
    public let numDuplicateRowsUpdated: Int?
}
