import Foundation
import MMMCore
import MMMEngine

/// The two files `r/run_all.R` reads: `job_config.json` and `prepared_data.csv`.
///
/// R does no preparation and resolves nothing: the table is the prepared one (its first column is the date), and the
/// configuration is the canonical JobConfig with everything the native engine would derive made explicit — every
/// hyperparameter bound (`custom_hyperparameters` holds `<variable>_<kind>` for every modelled variable and kind,
/// plus `lambda`), the baseline terms, the holiday country, the snapped window, and the run's search sizes and seed.
/// It resolves to exactly the model the job's own `job_config.json` describes.
enum RobynInputs {
    /// The configuration file name in R's folder.
    static let configFile = "job_config.json"
    /// The prepared table's file name in R's folder.
    static let dataFile = "prepared_data.csv"

    /// The configuration R runs.
    /// - Throws: ``ConfigError`` when the bounds cannot be resolved.
    static func config(for request: TrainingRequest) throws -> JobConfig {
        let state = request.prepared
        var config = state.config
        config.iterations = request.options.iterations
        config.trials = request.options.trials
        config.seed = request.options.seed
        // R's cores come from the environment (MMM_R_CORES); results do not depend on them.
        config.threads = nil
        let bounds = try config.resolvedHyperparameterBounds()
        var custom: [String: ParameterBound] = [
            HyperparameterResolver.lambdaKey: HyperparameterResolver.lambdaBound(config.customHyperparameters)
        ]
        for (variable, channel) in bounds {
            for kind in HyperparameterKind.kinds(for: config.adstock) {
                if let bound = channel[kind] { custom["\(variable)_\(kind.rawValue)"] = bound }
            }
        }
        config.customHyperparameters = custom
        let terms = config.effectiveBaselineTerms(dailyData: state.cadence == .daily)
        config.baselineVars = terms
        if terms.contains(.holiday), config.holidaysCountry == nil { config.holidaysCountry = config.country }
        if let window = state.manifest.window {
            config.startDate = window.start
            config.endDate = window.end
        }
        if let path = config.holidaysPath {
            config.holidaysPath = URL(fileURLWithPath: path).standardizedFileURL.path
        }
        return config
    }

    /// Writes both files into `directory`.
    /// - Returns: the configuration written.
    /// - Throws: ``ConfigError``, ``FileWriteError``.
    @discardableResult
    static func write(_ request: TrainingRequest, to directory: URL) throws -> JobConfig {
        let config = try config(for: request)
        try AtomicFile.write(try StrictJSON.encode(config), to: directory.appendingPathComponent(configFile).path)
        try CSVWriter().write(request.prepared.table, to: directory.appendingPathComponent(dataFile).path)
        return config
    }
}
