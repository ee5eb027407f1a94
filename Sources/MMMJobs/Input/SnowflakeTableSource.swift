import Foundation
import MMMCore
import MMMSnowflake

/// A Snowflake query result, kept as a CSV snapshot in the run folder (`input_snapshot.csv`) so the run can be
/// reproduced without Snowflake. Cancelling the job's task cancels the statement on the server.
public struct SnowflakeTableSource: TableSource {
    /// The authenticated client.
    public var client: SnowflakeClient
    /// The statement.
    public var sql: String
    /// A short label, e.g. `snowflake:DB.SCHEMA.TABLE`.
    public var label: String

    /// A source running `sql` through `client`.
    public init(client: SnowflakeClient, sql: String, label: String) {
        self.client = client
        self.sql = sql
        self.label = label
    }

    public func load() async throws -> LoadedTable {
        let result = try await client.query(sql)
        return try await CSVSnapshotSource(bytes: Data(result.csvBytes()), label: label).load()
    }
}
