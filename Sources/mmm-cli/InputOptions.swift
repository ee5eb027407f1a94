import ArgumentParser
import MMMCore

/// `--data` and `--config`, shared by `data prepare` and `train`.
struct InputOptions: ParsableArguments {
    @Option(help: "Input CSV file.")
    var data: String

    @Option(help: "Job configuration: an mmm-trainer job config, a previous-system job_config.json, or a selected_columns.json.")
    var config: String

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
