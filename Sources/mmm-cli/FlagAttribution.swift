import MMMCore
import MMMJobs

/// Which configuration fields came from flags, so an error found later about such a field names the flag
/// (`--start-date 2021-01-01: …`) and not the config file; errors about the file's own values name the file.
struct FlagAttribution {
    /// The configuration file.
    var configFile: String
    /// JSON path (or `run_id`) → the flag and its value, e.g. `$.start_date` → `--start-date 2021-01-01`.
    var byPath: [String: String] = [:]
    /// Paths the library reports under another name in the config file (`run_id` → `$.output_timestamp`).
    var renamed: [String: String] = [:]

    /// The configuration error as the user should read it.
    func attribute(_ error: ConfigError) -> any Error {
        guard error.file == nil else { return error }
        if let flag = byPath[error.path] { return UsageError("\(flag): \(error.message)") }
        var copy = error
        copy.path = renamed[error.path] ?? error.path
        copy.file = configFile
        if copy.path == "$.train_size" { copy.message += " (or pass --train-size)" }
        return copy
    }

    /// An error about a configuration field, attributed.
    func error(path: String, _ message: String) -> any Error {
        attribute(ConfigError(path: path, message))
    }

    /// Runs `body`, attributing configuration errors (also inside a failed run).
    func attributing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ConfigError {
            throw attribute(error)
        } catch var error as TrainingJobError {
            if let inner = error.underlying as? ConfigError { error.underlying = attribute(inner) }
            throw error
        }
    }

    /// The synchronous form of ``attributing(_:)``.
    func attributing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ConfigError {
            throw attribute(error)
        }
    }
}
