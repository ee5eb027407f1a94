/// What kind of failure an error is, which decides the CLI's exit code.
///
/// | category | exit code | meaning |
/// |---|---|---|
/// | ``usage`` | 2 | bad flags, bad or unknown configuration keys/values |
/// | ``inputData`` | 3 | the data file (or query result) cannot be used as given |
/// | ``runtime`` | 1 | anything else: I/O, network, a failed fit |
public enum ErrorCategory: String, Sendable, Codable {
    case usage
    case inputData = "input_data"
    case runtime

    /// The documented process exit code.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 2
        case .inputData: return 3
        case .runtime: return 1
        }
    }
}

/// An error that knows its category and renders as one actionable line.
public protocol CategorizedError: Error, CustomStringConvertible {
    /// The failure category (and so the exit code).
    var category: ErrorCategory { get }
}
