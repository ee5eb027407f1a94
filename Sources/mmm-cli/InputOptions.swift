import ArgumentParser
import Foundation
import MMMCore
import MMMJobs
import MMMSnowflake

/// Where `data prepare` and `train` read from — a CSV file (local or `gs://`) or a Snowflake query — and the job
/// configuration (local or `gs://`).
struct InputOptions: ParsableArguments {
    @Option(help: "Input CSV file or gs://bucket/object.csv.")
    var data: String?

    @Option(help: "Read the input from this Snowflake table (DB.SCHEMA.TABLE) instead of --data.")
    var snowflakeTable: String?

    @Option(help: "Read the input from this Snowflake query instead of --data.")
    var snowflakeSql: String?

    @Option(
        help: "Job configuration (file or gs://): an mmm-trainer job config, a previous-system job_config.json, or a selected_columns.json.")
    var config: String

    @OptionGroup(title: "Snowflake connection (with --snowflake-table / --snowflake-sql)")
    var snowflake: SnowflakeOptions

    func validate() throws {
        guard [data, snowflakeTable, snowflakeSql].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --data, --snowflake-table, --snowflake-sql")
        }
    }

    /// The table source these options name. For Snowflake the client is made (and the key read) here, before the job
    /// starts; the query itself runs inside the job, so Ctrl-C cancels it and a failure is recorded in the run.
    func tableSource(_ console: Console) async throws -> any TableSource {
        if let data { return CloudAccess.files(console).tableSource(try .flag("--data", data)) }
        let statement = try SnowflakeSource.statement(sql: snowflakeSql, sqlFile: nil, table: snowflakeTable, limit: nil)
        let client = try await snowflake.makeClient(console)
        console.info("snowflake: the query runs as the first step (\(snowflakeTable.map { "SELECT * FROM \($0)" } ?? "--snowflake-sql"))")
        return SnowflakeTableSource(client: client, sql: statement.sql, label: statement.label)
    }

    /// Loads the configuration and reports how it was read (conversion notes with --verbose).
    func loadConfig(_ console: Console) async throws -> JobConfig {
        let loaded = try await CloudAccess.files(console).jobConfig(try .flag("--config", config))
        if loaded.source != .jobConfig {
            let notes = loaded.notes.isEmpty ? "" : "; \(loaded.notes.count) conversion notes (--verbose shows them)"
            console.info("config: read \(config) as \(loaded.source.rawValue)\(notes)")
        }
        for note in loaded.notes { console.detail("config note: " + note) }
        return loaded.config
    }
}
