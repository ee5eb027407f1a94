import ArgumentParser
import Foundation
import MMMCore
import MMMParquet
import MMMJobs
import MMMSnowflake

/// `mmm-cli snowflake …`.
struct SnowflakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snowflake",
        abstract: "Query Snowflake through the SQL API v2 with key-pair authentication.",
        subcommands: [SnowflakeQueryCommand.self, SnowflakeTestConnectionCommand.self]
    )
}

/// `mmm-cli snowflake query`.
struct SnowflakeQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a query (or read a table) and write the rows as CSV, JSON, NDJSON or Parquet.",
        discussion: """
            Exactly one of --sql, --sql-file, --table. --table takes DB.SCHEMA.TABLE; each part is validated and quoted, so \
            a table name cannot inject SQL. Ctrl-C cancels the running statement.
            Parquet (SNAPPY): NUMBER(p,0) → INT64, other numbers → DOUBLE, DATE → DATE, timestamps → TIMESTAMP (µs, UTC), \
            BOOLEAN → BOOLEAN, the rest → STRING.
            Example: mmm-cli snowflake query --connection prod --table ANALYTICS.MMM.DAILY_DE --limit 100 --format csv
            """
    )

    @Option(help: "SQL text.")
    var sql: String?
    @Option(help: "File with the SQL text.")
    var sqlFile: String?
    @Option(help: "A table: DB.SCHEMA.TABLE.")
    var table: String?
    @Option(help: "csv (default), json, ndjson or parquet.")
    var format: QueryFormat = .csv
    @Option(help: "Write to this file or gs:// object (atomically) instead of stdout.")
    var output: String?
    @Option(help: "At most this many rows.")
    var limit: Int?
    @OptionGroup var connection: SnowflakeOptions
    @OptionGroup var global: GlobalOptions

    enum QueryFormat: String, ExpressibleByArgument, CaseIterable {
        case csv, json, ndjson, parquet
    }

    func validate() throws {
        guard [sql, sqlFile, table].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --sql, --sql-file, --table")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let console = global.console
        let statement = try SnowflakeSource.statement(sql: sql, sqlFile: sqlFile, table: table, limit: limit)
        let client = try await connection.makeClient(console)
        let result = try await SnowflakeSource.run(client, statement.sql, limit: limit)
        let bytes: [UInt8]
        switch format {
        case .csv: bytes = result.csvBytes()
        case .json: bytes = try result.jsonBytes()
        case .ndjson: bytes = try result.ndjsonBytes()
        case .parquet: bytes = try ParquetWriter().bytes(for: result.parquetTable())
        }
        if let output {
            try await CloudAccess.files(console).write(Data(bytes), to: try .flag("--output", output),
                                                       contentType: format == .csv ? "text/csv" : "application/json")
            console.info("\(result.rowCount) rows × \(result.columns.count) columns → \(output)")
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
        if result.isTruncated { console.warning("output stopped at --limit \(limit ?? 0) rows") }
    }
}

/// `mmm-cli snowflake test-connection`.
struct SnowflakeTestConnectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-connection",
        abstract: "Authenticate and print the account, user, role, warehouse and the server's current time.",
        discussion: "Example: mmm-cli snowflake test-connection --connection prod"
    )

    @OptionGroup var connection: SnowflakeOptions
    @OptionGroup var global: GlobalOptions

    struct Report: Encodable {
        var account, user, role, warehouse, database, schema, version, currentTime: String?
        var fingerprint, url: String
        enum CodingKeys: String, CodingKey {
            case account, user, role, warehouse, database, schema, version, fingerprint, url
            case currentTime = "current_time"
        }
    }

    func run() async throws {
        let console = global.console
        let check = try await connection.makeClient(console).testConnection()
        let report = Report(
            account: check.account, user: check.user, role: check.role, warehouse: check.warehouse,
            database: check.database, schema: check.schema, version: check.version, currentTime: check.currentTime,
            fingerprint: check.fingerprint, url: check.baseURL.absoluteString)
        if console.json {
            try console.resultJSON(report)
        } else {
            console.result(
                """
                connected to \(report.url)
                  account    \(report.account ?? "–")
                  user       \(report.user ?? "–")
                  role       \(report.role ?? "–")
                  warehouse  \(report.warehouse ?? "(none)")
                  database   \(report.database ?? "(none)") / schema \(report.schema ?? "(none)")
                  time       \(report.currentTime ?? "–")
                  key        \(report.fingerprint)
                """)
        }
    }
}
