import Foundation

/// Loads a benchmark config file and its base job configuration.
public enum BenchmarkConfigLoader {
    /// Reads and strictly decodes a benchmark config.
    /// - Throws: ``ConfigError`` naming the file and JSON path.
    public static func load(path: String) throws -> BenchmarkConfig {
        try StrictJSON.decode(BenchmarkConfig.self, path: path)
    }

    /// Finds and loads the base configuration.
    ///
    /// `override` (the CLI's `--base`) wins; else the config's `base`, relative to the benchmark file; else the
    /// previous system's `base_config` hint, looked up as `training_data/<country>/<goal>/<version>/selected_columns.json`
    /// next to the benchmark file, one folder up, and in the current folder (`Latest` also matches `latest` and
    /// then the newest `YYYYMMDD_HHMMSS` folder).
    /// - Parameters:
    ///   - config: the benchmark config.
    ///   - configPath: the benchmark file (for relative paths and messages).
    ///   - override: a base path given on the command line.
    /// - Returns: the base's path and the loaded configuration (with its conversion notes).
    /// - Throws: ``ConfigError`` when no base is given or it cannot be found or loaded.
    public static func loadBase(for config: BenchmarkConfig, configPath: String, override: String? = nil) throws
        -> (path: String, loaded: LoadedJobConfig)
    {
        let directory = URL(fileURLWithPath: configPath).deletingLastPathComponent()
        let path: String
        if let override {
            path = override
        } else if let base = config.base {
            path = base.hasPrefix("/") ? base : directory.appendingPathComponent(base).standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: path) else {
                throw ConfigError(file: configPath, path: "$.base", "'\(base)' not found (looked at \(path)); fix the path or pass --base FILE")
            }
        } else if let hint = config.baseHint {
            path = try resolve(hint, directory: directory, configPath: configPath)
        } else {
            throw ConfigError(file: configPath, path: "$.base", "no base configuration; add \"base\": \"<job config or selected_columns.json>\" or pass --base FILE")
        }
        return (path, try JobConfigLoader.load(path: path))
    }

    private static func resolve(_ hint: BaseConfigHint, directory: URL, configPath: String) throws -> String {
        let roots = [directory, directory.deletingLastPathComponent(), URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        let fm = FileManager.default
        for root in roots {
            let goal = root.appendingPathComponent("training_data/\(hint.country.lowercased())/\(hint.goal)")
            var versions = [hint.version]
            if hint.version.lowercased() == "latest" {
                let stamps = ((try? fm.contentsOfDirectory(atPath: goal.path)) ?? [])
                    .filter { $0.range(of: #"^\d{8}_\d{6}$"#, options: .regularExpression) != nil }.sorted()
                versions += ["latest"] + stamps.reversed()
            }
            for version in versions {
                let candidate = goal.appendingPathComponent("\(version)/selected_columns.json").standardizedFileURL.path
                if fm.fileExists(atPath: candidate) { return candidate }
            }
        }
        throw ConfigError(
            file: configPath, path: "$.base_config",
            "the previous system's base_config names \(hint.relativePath), which is not next to the benchmark file, one folder up, or in the current folder; download that selected_columns.json and pass --base FILE")
    }
}
