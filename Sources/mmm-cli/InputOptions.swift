import ArgumentParser
import Foundation
import MMMCore
import MMMEngine
import MMMSnowflake

/// Where `data prepare` and `train` read from — a CSV file or a Snowflake query — and the job configuration.
struct InputOptions: ParsableArguments {
    @Option(help: "Input CSV file.")
    var data: String?

    @Option(help: "Read the input from this Snowflake table (DB.SCHEMA.TABLE) instead of --data.")
    var snowflakeTable: String?

    @Option(help: "Read the input from this Snowflake query instead of --data.")
    var snowflakeSql: String?

    @Option(
        help: "Job configuration: an mmm-trainer job config, a previous-system job_config.json, or a selected_columns.json.")
    var config: String

    @OptionGroup(title: "Snowflake connection (with --snowflake-table / --snowflake-sql)")
    var snowflake: SnowflakeOptions

    func validate() throws {
        guard [data, snowflakeTable, snowflakeSql].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --data, --snowflake-table, --snowflake-sql")
        }
    }

    /// The input, read: a file path, or a Snowflake result snapshot (CSV bytes) with a label.
    enum Loaded {
        case file(String)
        case snapshot(Data, label: String)
    }

    /// Reads the input (runs the Snowflake query when asked).
    func load(_ console: Console) async throws -> Loaded {
        if let data { return .file(data) }
        let statement = try SnowflakeSource.statement(sql: snowflakeSql, sqlFile: nil, table: snowflakeTable, limit: nil)
        let client = try await snowflake.makeClient(console)
        console.info("snowflake: running \(snowflakeTable.map { "SELECT * FROM \($0)" } ?? "the query")")
        let result = try await SnowflakeSource.run(client, statement.sql, limit: nil)
        console.info("snowflake: \(result.rowCount) rows × \(result.columns.count) columns")
        return .snapshot(Data(result.csvBytes()), label: statement.label)
    }

    /// Runs `body`, naming the config file in configuration errors found later (e.g. a window outside the data), which
    /// the library reports without knowing the file.
    func attributingConfigErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch var error as ConfigError where error.file == nil {
            error.file = config
            throw error
        } catch var error as TrainingJobError {
            if var inner = error.underlying as? ConfigError, inner.file == nil {
                inner.file = config
                error.underlying = inner
            }
            throw error
        }
    }

    /// Loads the configuration and reports how it was read (conversion notes with --verbose).
    func loadConfig(_ console: Console) throws -> JobConfig {
        let loaded = try JobConfigLoader.load(path: config)
        if loaded.source != .jobConfig {
            console.info(
                "config: read \(config) as \(loaded.source.rawValue); \(loaded.notes.count) conversion notes (--verbose shows them)")
        }
        for note in loaded.notes { console.detail("config note: " + note) }
        return loaded.config
    }
}
