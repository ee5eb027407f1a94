import Foundation

/// Which kind of file a configuration came from.
public enum ConfigSourceKind: String, Sendable, Codable {
    /// Our canonical job config.
    case jobConfig = "job_config"
    /// A previous-system `job_config.json`, converted.
    case legacyJobConfig = "legacy_job_config"
    /// A `selected_columns.json`, with defaults for everything else.
    case selectedColumns = "selected_columns"
}

/// A job configuration plus where it came from and what was interpreted on the way.
public struct LoadedJobConfig: Sendable {
    /// The validated configuration.
    public var config: JobConfig
    /// The input's kind.
    public var source: ConfigSourceKind
    /// One note per conversion or interpretation (empty for a canonical file).
    public var notes: [String]
}

/// Loads any of the three configuration files the CLI accepts for `--config`.
///
/// The kind is recognised by its keys: `paid_media` → canonical job config; `paid_media_spends` or
/// `paid_media_vars` → previous-system job config; `selected_goal` → selected_columns.json.
public enum JobConfigLoader {
    /// Loads and validates a configuration file.
    /// - Throws: ``ConfigError`` naming the file and JSON path.
    public static func load(path: String) throws -> LoadedJobConfig {
        try load(data: try StrictJSON.read(path: path), file: path)
    }

    /// Loads and validates configuration bytes.
    /// - Throws: ``ConfigError``.
    public static func load(data: Data, file: String? = nil) throws -> LoadedJobConfig {
        guard let keys = StrictJSON.topLevelKeys(of: data) else {
            throw ConfigError(
                file: file, path: "$", StrictJSON.isValidJSON(data) ? "not a JSON object" : "not valid JSON; check quotes, commas and brackets")
        }
        do {
            if keys.contains("paid_media") {
                let config = try StrictJSON.decode(JobConfig.self, from: data, file: file)
                try config.validate()
                return LoadedJobConfig(config: config, source: .jobConfig, notes: [])
            }
            if keys.contains("selected_goal") {
                let selection = try StrictJSON.decode(SelectedColumns.self, from: data, file: file)
                let (config, notes) = try JobConfig.from(selection)
                try config.validate()
                return LoadedJobConfig(config: config, source: .selectedColumns, notes: notes)
            }
            if keys.contains("paid_media_spends") || keys.contains("paid_media_vars") {
                let legacy = try StrictJSON.decode(LegacyJobConfig.self, from: data, file: file)
                let (config, notes) = try legacy.canonical()
                return LoadedJobConfig(config: config, source: .legacyJobConfig, notes: notes)
            }
        } catch var error as ConfigError {
            if error.file == nil { error.file = file }
            throw error
        }
        let markers = ["paid_media", "paid_media_spends", "paid_media_vars", "selected_goal"]
        let near = keys.sorted().compactMap { key in
            markers.first { EditDistance.between(key.lowercased(), $0) <= 2 }.map { "'\(key)' (did you mean '\($0)'?)" }
        }
        throw ConfigError(
            file: file, path: "$",
            "cannot tell what this file is: expected a job config (with paid_media), a previous-system job_config.json (with paid_media_spends) or a selected_columns.json (with selected_goal)"
                + (near.isEmpty ? "" : "; found " + near.joined(separator: ", "))
        )
    }
}
