import MMMCore

/// Why the engine refused a model design, a hyperparameter set or a fit.
public struct EngineError: CategorizedError, Equatable, Sendable {
    /// The machine-readable kind of failure.
    public enum Code: String, Sendable, Equatable {
        /// A column's length differs from the dependent variable's.
        case lengthMismatch
        /// The modelling window is empty or outside the data.
        case invalidWindow
        /// Two regressors share a name.
        case duplicateName
        /// A value is NaN or infinite where Robyn forbids it.
        case nonFiniteValue
        /// A media variable is zero over the whole window.
        case mediaZeroInWindow
        /// The hyperparameter set does not fit the design.
        case invalidHyperparameters
        /// Adstock parameters of the wrong family for the model's adstock type.
        case mismatchedAdstockParameters
        /// The dependent variable is constant over the training rows, so glmnet cannot standardise it.
        case constantResponse
        /// A workspace built for another design was passed in.
        case workspaceMismatch
        /// The search produced no model that can be selected (all failed, or none passed Robyn's filter).
        case noSelectableModel
    }

    /// The kind of failure.
    public let code: Code
    /// A message a user can act on.
    public let message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: A message a user can act on.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message (the code is for programs; users read the message).
    public var description: String { message }

    /// Data problems are input-data errors (exit 3), bad bounds are configuration errors (exit 2), the rest runtime.
    public var category: ErrorCategory {
        switch code {
        case .lengthMismatch, .duplicateName, .nonFiniteValue, .mediaZeroInWindow, .constantResponse, .invalidWindow:
            return .inputData
        case .invalidHyperparameters, .mismatchedAdstockParameters: return .usage
        case .workspaceMismatch, .noSelectableModel: return .runtime
        }
    }

    static func mismatchedAdstockParameters(variable: String, adstock: AdstockType) -> EngineError {
        EngineError(
            .mismatchedAdstockParameters,
            "Variable '\(variable)' has adstock parameters that do not fit adstock '\(adstock.rawValue)': "
                + "geometric needs theta, weibull_cdf/weibull_pdf need shape and scale.")
    }
}
