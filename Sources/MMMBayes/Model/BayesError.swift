import MMMCore

/// Why the Bayesian backend refused its input or could not finish.
///
/// `path` names the offending field in the model input (for example `channels[2].effect.sd`) so the job layer can
/// translate it into the JSON path of the job config (`$.roi_priors.tv_S.sd`).
public struct BayesError: CategorizedError, Equatable, Sendable {
    /// The machine-readable kind of failure.
    public enum Code: String, Sendable, Equatable {
        /// A prior parameter is out of its domain (negative sd, non-positive shape, …).
        case invalidPrior
        /// A channel, control or lift test is inconsistent with the data (unknown channel, bad rows, length).
        case invalidInput
        /// A value in the data is NaN or infinite, or a column cannot be used (constant, all zero).
        case invalidData
        /// Sampler or optimiser settings out of range.
        case invalidOptions
        /// No finite starting point, a singular Hessian, or another numerical failure.
        case numericalFailure
        /// The run was cancelled.
        case cancelled
    }

    /// The kind of failure.
    public let code: Code
    /// The offending input field (`channels[2].effect.sd`), or empty when the failure is not about one field.
    public let path: String
    /// A message a user can act on.
    public let message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - path: The offending field, or empty.
    ///   - message: What is wrong and what to do.
    public init(_ code: Code, path: String = "", _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var category: ErrorCategory {
        switch code {
        case .invalidPrior, .invalidInput, .invalidOptions: return .usage
        case .invalidData: return .inputData
        case .numericalFailure, .cancelled: return .runtime
        }
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
