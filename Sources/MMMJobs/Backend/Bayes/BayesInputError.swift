import MMMBayes
import MMMCore

/// Turns the posterior's input errors into the job's terms: a field of a channel's effect prior is the job config's
/// `roi_priors` entry, a lift test is `$.calibration_input[i]`; other errors keep the model's field name.
enum BayesInputError {
    /// - Parameters:
    ///   - error: what ``MMMPosterior`` threw.
    ///   - config: the job's configuration.
    /// - Returns: a ``ConfigError`` naming the JSON path where one exists, else the error itself.
    static func translate(_ error: BayesError, config: JobConfig) -> any Error {
        let parts = error.path.split(separator: ".", maxSplits: 3).map(String.init)
        if parts.count >= 4, parts[0] == "channels", parts[2] == "priors", parts[3].hasPrefix("effect"),
            let pair = config.paidMedia.first(where: { $0.variable == parts[1] })
        {
            let key = config.roiPriors[pair.variable] != nil ? pair.variable : pair.spend
            if config.roiPriors[key] != nil {
                let field = parts[3].split(separator: ".").dropFirst().first.map { ".\($0)" } ?? ""
                return ConfigError(path: "$.roi_priors.\(key)\(field)", error.message)
            }
        }
        if error.path.hasPrefix("liftTests[") {
            let index = error.path.dropFirst("liftTests[".count).prefix { $0.isNumber }
            return ConfigError(path: "$.calibration_input[\(index)]", error.message)
        }
        return error
    }
}
