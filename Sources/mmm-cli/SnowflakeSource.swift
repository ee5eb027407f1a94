import ArgumentParser
import Foundation
import MMMCore
import MMMSnowflake

/// Turns `--sql` / `--sql-file` / `--table` into a statement and runs it, cancelling it on Ctrl-C.
enum SnowflakeSource {
    struct Statement {
        var sql: String
        /// A short label for manifests and messages (the table name, or "sql").
        var label: String
    }

    static func statement(sql: String?, sqlFile: String?, table: String?, limit: Int?) throws -> Statement {
        if let table {
            let name = try SnowflakeObjectName.table(table)
            return Statement(sql: "SELECT * FROM \(name.sql)" + (limit.map { " LIMIT \($0)" } ?? ""), label: "snowflake:\(table)")
        }
        if let sqlFile {
            guard let data = FileManager.default.contents(atPath: sqlFile) else {
                throw UsageError("cannot read --sql-file \(sqlFile)")
            }
            return Statement(sql: String(decoding: data, as: UTF8.self), label: "snowflake:\(sqlFile)")
        }
        return Statement(sql: sql ?? "", label: "snowflake:sql")
    }

    /// Runs the statement in a task that Ctrl-C cancels (the client then cancels the statement on the server).
    static func run(_ client: SnowflakeClient, _ sql: String, limit: Int?) async throws -> SnowflakeResult {
        let task = Task { try await client.query(sql, rowLimit: limit) }
        let interrupt = InterruptHandler { task.cancel() }
        defer { interrupt.stop() }
        return try await task.value
    }
}
