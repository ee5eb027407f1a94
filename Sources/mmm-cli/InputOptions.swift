import ArgumentParser
import Foundation
import MMMCore
import MMMJobs
import MMMSnowflake

/// Where `data prepare` and `train` read from — a CSV file (local or `gs://`) or a Snowflake query — and the job
/// configuration (local or `gs://`).
struct InputOptions: ParsableArguments {
    @Option(help: "Input table: a CSV or Parquet file (name ending in .parquet), local or gs://bucket/object.")
    var data: String?

    @Option(help: "Read the input from this Snowflake table (DB.SCHEMA.TABLE) instead of --data.")
    var snowflakeTable: String?

    @Option(help: "Read the input from this Snowflake query instead of --data.")
    var snowflakeSql: String?

    @Option(
        help: "Job configuration (file or gs://): an mmm-trainer job config, a previous-system job_config.json, or a selected_columns.json.")
    var config: String

    @Option(help: "CSV field delimiter: auto (detected from the header line), comma, semicolon or tab (config: csv.delimiter).")
    var delimiter: DelimiterFlag?

    @Flag(help: "Numbers use a decimal comma, e.g. 1234,5 (config: csv.decimal).")
    var decimalComma = false

    @Option(help: "Empty or missing dep_var values: error (default), drop or zero (config: missing_dep_var).")
    var missingDepVar: MissingDepVarPolicy?

    @OptionGroup(title: "Snowflake connection (with --snowflake-table / --snowflake-sql)")
    var snowflake: SnowflakeOptions

    func validate() throws {
        guard [data, snowflakeTable, snowflakeSql].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --data, --snowflake-table, --snowflake-sql")
        }
    }

    /// The table source these options name. For Snowflake the client is made (and the key read) here, before the job
    /// starts; the query itself runs inside the job, so Ctrl-C cancels it and a failure is recorded in the run.
    func tableSource(_ console: Console, config: JobConfig) async throws -> any TableSource {
        if let data { return CloudAccess.files(console).tableSource(try .flag("--data", data), csv: config.csv) }
        let statement = try SnowflakeSource.statement(sql: snowflakeSql, sqlFile: nil, table: snowflakeTable, limit: nil)
        let client = try await snowflake.makeClient(console)
        console.info("snowflake: the query runs as the first step (\(snowflakeTable.map { "SELECT * FROM \($0)" } ?? "--snowflake-sql"))")
        return SnowflakeTableSource(client: client, sql: statement.sql, label: statement.label)
    }

    /// The configuration with the input flags applied (recorded in `flags`, so errors about them name the flag).
    func applyingInputFlags(to base: JobConfig, flags: inout FlagAttribution) throws -> JobConfig {
        var config = base
        if delimiter != nil || decimalComma {
            var csv = config.csv ?? CSVSettings()
            if let delimiter { csv.delimiter = delimiter.value }
            if decimalComma { csv.decimal = .comma }
            config.csv = csv
        }
        if let missingDepVar {
            config.missingDepVar = missingDepVar
            flags.byPath["$.missing_dep_var"] = "--missing-dep-var \(missingDepVar.rawValue)"
        }
        return config
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
